package vn.lhpn.kehoach.orgunit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Kinds of org unit: the national union above the provinces, the GSO administrative types, and
 * units affiliated to the union.
 */
public enum OrgUnitType {
  CENTRAL(null),
  PROVINCE("Tỉnh"),
  CITY("Thành phố"),
  TOWN("Thị xã"),
  DISTRICT("Huyện"),
  WARD("Phường"),
  COMMUNE("Xã"),
  TOWNSHIP("Thị trấn"),
  AFFILIATED(null);

  private final String namePrefix;

  OrgUnitType(String namePrefix) {
    this.namePrefix = namePrefix;
  }

  /**
   * The types of a cơ sở Hội: a commune, a ward or a township, at level 3 under a district before
   * 01/07/2025 and at level 2 under the province after it. The one place this rule is written.
   */
  public static final List<OrgUnitType> COMMUNES = List.of(WARD, COMMUNE, TOWNSHIP);

  public boolean isCommune() {
    return COMMUNES.contains(this);
  }

  @JsonValue
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static OrgUnitType fromCode(String code) {
    return Arrays.stream(values())
        .filter(t -> t.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown org unit type: " + code));
  }

  /**
   * The type a GSO name states ("Thị trấn Quân Chu" is a township); a province-level "Thành phố"
   * cannot be told from its name, so the level decides.
   */
  public static Optional<OrgUnitType> fromName(String name, int level) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (level == 1) {
      return Optional.of(PROVINCE);
    }
    return Arrays.stream(values())
        .filter(t -> t.namePrefix != null && t != PROVINCE)
        .filter(t -> lower.startsWith(t.namePrefix.toLowerCase(Locale.ROOT) + " "))
        .findFirst();
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
