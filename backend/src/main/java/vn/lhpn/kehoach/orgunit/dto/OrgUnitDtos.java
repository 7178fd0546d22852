package vn.lhpn.kehoach.orgunit.dto;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;
import vn.lhpn.kehoach.orgunit.OrgUnitType;

/** What the org unit endpoints return. */
public final class OrgUnitDtos {
  private OrgUnitDtos() {}

  @Schema(
      name = "OrgUnitDetail",
      description = "One unit version with its parent chain and history")
  public record Detail(
      OrgUnitSummary unit,
      @Schema(description = "Units above it on the requested day, the province last")
          List<OrgUnitSummary> parents,
      @Schema(description = "How many units below it were valid on the requested day")
          long childCount,
      @Schema(description = "Units it came from") List<LineageLink> predecessors,
      @Schema(description = "Units it became") List<LineageLink> successors,
      @Schema(
              description =
                  "What the caller may do at this unit: report, review (the units below), allocate (their targets)")
          List<String> allowed) {}

  @Schema(name = "OrgUnitLineageLink")
  public record LineageLink(
      LocalDate effectiveDate,
      @Schema(enumeration = {"merge", "reclassify", "move", "dissolve", "split", "rename"})
          String change,
      @Schema(
              description =
                  "Code of the unit on the other side as the source gives it; absent for a dissolved unit",
              example = "05851")
          String code,
      @Schema(description = "Its name as the source gives it", example = "Thị trấn Quân Chu")
          String name,
      @Schema(
              description =
                  "The unit on the other side; absent for a dissolved unit and for a predecessor"
                      + " that never was on this system (another province's unit before a merger:"
                      + " no data of it here)")
          OrgUnitSummary unit,
      @Schema(description = "False where the source did not confirm the receiving unit")
          boolean confirmed) {}

  @Schema(name = "OrgUnitNode", description = "A unit in a tree")
  public record Node(
      String code,
      String name,
      OrgUnitType type,
      int level,
      LocalDate validFrom,
      LocalDate validTo,
      List<Node> children) {}
}
