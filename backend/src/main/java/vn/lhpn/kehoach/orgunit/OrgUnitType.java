package vn.lhpn.kehoach.orgunit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/** Kinds of org unit: the GSO administrative types plus units affiliated to the union. */
public enum OrgUnitType {
  PROVINCE,
  CITY,
  TOWN,
  DISTRICT,
  WARD,
  COMMUNE,
  TOWNSHIP,
  AFFILIATED;

  @JsonValue
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  @JsonCreator
  public static OrgUnitType fromCode(String code) {
    return Arrays.stream(values())
        .filter(t -> t.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown org unit type: " + code));
  }

  @Converter(autoApply = true)
  public static class DbConverter implements AttributeConverter<OrgUnitType, String> {
    @Override
    public String convertToDatabaseColumn(OrgUnitType type) {
      return type == null ? null : type.code();
    }

    @Override
    public OrgUnitType convertToEntityAttribute(String code) {
      return code == null ? null : fromCode(code);
    }
  }
}
