package vn.lhpn.kehoach.orgunit;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An org unit (one version) as other features show it. */
@Schema(name = "OrgUnitSummary")
public record OrgUnitSummary(
    @Schema(description = "GSO code, or the chosen code of an affiliated unit", example = "05761")
        String code,
    @Schema(example = "Thị trấn Hùng Sơn") String name,
    OrgUnitType type,
    @Schema(description = "1 province, 2 district level, 3 commune level") int level,
    @Schema(description = "Code of the parent unit", example = "171") String parentCode,
    LocalDate validFrom,
    @Schema(description = "Last day the unit exists; absent while it exists") LocalDate validTo) {

  public static OrgUnitSummary of(OrgUnit unit) {
    return new OrgUnitSummary(
        unit.code, unit.name, unit.type, unit.level, unit.parentCode, unit.validFrom, unit.validTo);
  }
}
