package vn.lhpn.kehoach.allocation.dto;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.lhpn.kehoach.common.CallersLanguage;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;

/** What the target endpoints read and write. */
public final class AllocationDtos {
  private AllocationDtos() {}

  @Schema(
      name = "AllocationColumn",
      description = "One item and year: the parent's target and what each child unit was given")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Column(
      String planId,
      String itemKey,
      String itemCode,
      String itemTitle,
      @Schema(enumeration = {"count", "percentage", "activity"}) String measure,
      String unit,
      int year,
      OrgUnitSummary parent,
      ParentTarget parentTarget,
      List<Row> rows,
      @Schema(description = "Sum of the children's counts (counts only)") BigDecimal sum,
      @Schema(description = "Parent target minus the sum (counts only)") BigDecimal difference,
      @Schema(
              enumeration = {
                "exact",
                "under",
                "over",
                "unallocated",
                "no-parent-target",
                "complete",
                "partial",
                "default",
                "set"
              })
          String status,
      @Schema(description = "Child units without a target") int missing,
      @Schema(description = "ETag of the whole column, for If-Match when saving") String etag,
      @Schema(
              description =
                  "True when units already reported against these targets: changing one needs a reason")
          boolean reasonRequired,
      @Schema(
              description =
                  "What the caller may do with this column: allocate (save, fill, upload a sheet; a planner of the parent unit)")
          List<String> allowed,
      @Schema(
              description =
                  "Units that were below the parent during the year and closed in it (a change of"
                      + " the map), with the target they were given: read only, not in the sum;"
                      + " their successors are among the rows")
          List<Row> closedDuringYear) {}

  @Schema(name = "ParentTarget", description = "What the parent unit has to achieve")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ParentTarget(
      @Schema(
              enumeration = {"plan", "allocated", "default", "none"},
              description =
                  "plan: the plan's level (province); allocated: set by the level above; default: an"
                      + " activity nobody set, required as its implementing level says; none")
          String source,
      BigDecimal value,
      Boolean required,
      @Schema(description = "The plan's level as printed, for the province") String raw) {}

  @Schema(name = "AllocationRow", description = "One child unit's target")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Row(
      OrgUnitSummary unit,
      BigDecimal value,
      @Schema(
              description =
                  "Activities: must carry it out. Counts and percentages: false when the unit was"
                      + " given nothing for the item (không giao), absent otherwise")
          Boolean required,
      @Schema(
              description =
                  "How it was set; 'default' means derived from the plan's implementing level")
          String method,
      @Schema(
              description =
                  "Communes below the unit in that year (weight for per-commune and proportional fills)")
          int communes,
      OffsetDateTime updatedAt) {}

  /**
   * A column to save: the rows given replace those units' targets; other units stay as they are.
   */
  @Schema(name = "AllocationUpdate")
  public record Update(
      @NotNull @Size(max = 500) List<@Valid RowUpdate> rows,
      @Schema(
              enumeration = {
                "manual",
                "equal",
                "each",
                "per-commune",
                "proportional",
                "predecessors"
              })
          @jakarta.validation.constraints.Pattern(
              regexp = "manual|equal|each|per-commune|proportional|predecessors",
              message = "value.one-of")
          String method,
      @Size(max = 1000) String reason) {}

  @Schema(name = "AllocationRowUpdate")
  public record RowUpdate(
      @NotNull String unitCode,
      @Schema(description = "For counts and percentages; null clears the target") BigDecimal value,
      @Schema(
              description =
                  "Activities: must carry it out. Counts and percentages: false to give the unit"
                      + " nothing for the item (không giao: it does not apply to the unit)")
          Boolean required) {}

  @Schema(
      name = "AllocationFill",
      description = "A proposal, not saved: how a fill method would set the column")
  public record Fill(
      @Schema(enumeration = {"equal", "each", "per-commune", "proportional", "predecessors"})
          String method,
      List<RowUpdate> rows) {}

  @Schema(
      name = "AllocationOverviewRow",
      description = "One item's allocation state for a unit and year")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record OverviewRow(
      String itemKey,
      String itemCode,
      String itemTitle,
      String measure,
      String unit,
      ParentTarget target,
      BigDecimal sum,
      @Schema(description = "Child units that have a target") int unitsWithTarget,
      @Schema(description = "Child units that year") int childUnits,
      String status) {}

  @Schema(name = "TargetChangeEntry")
  public record Change(
      String unitCode,
      OffsetDateTime changedAt,
      String changedBy,
      BigDecimal before,
      BigDecimal after,
      Boolean beforeRequired,
      Boolean afterRequired,
      String method,
      String reason) {}

  @Schema(
      name = "TargetCopy",
      description = "Copy a year's allocation from a parent unit to later years")
  public record Copy(
      @NotNull String planId,
      @NotNull String parentUnit,
      @NotNull Integer fromYear,
      @NotNull @Size(min = 1, max = 10) List<Integer> toYears,
      @Schema(description = "Items to copy; all leaves when absent") List<String> itemKeys,
      @Size(max = 1000) String reason) {}

  @Schema(
      name = "TargetBulk",
      description = "Allocate a whole year for all items of a department in one go")
  public record Bulk(
      @NotNull String planId,
      @NotNull String parentUnit,
      @NotNull Integer year,
      @NotNull String department,
      @Schema(enumeration = {"equal", "proportional"}) @NotNull String method,
      @Size(max = 1000) String reason) {}

  @Schema(
      name = "UnitWeights",
      description = "Figures kept per child unit and year, by name (communes is built in)")
  public record Weights(int year, String parentUnit, List<String> names, List<WeightRow> rows) {}

  @Schema(name = "UnitWeightRow")
  public record WeightRow(
      OrgUnitSummary unit, int communes, java.util.Map<String, BigDecimal> values) {}

  @Schema(
      name = "UnitWeightUpdate",
      description = "The figures of one named weight for the child units")
  public record WeightUpdate(
      @NotNull @Size(min = 1, max = 60) String name,
      @NotNull @Size(max = 500) List<@Valid WeightValue> values) {}

  @Schema(name = "UnitWeightValue")
  public record WeightValue(
      @NotNull @Size(max = 16) String unitCode,
      @NotNull
          @jakarta.validation.constraints.Digits(
              integer = 11,
              fraction = 3,
              message = "number.digits")
          BigDecimal value) {}

  @Schema(name = "TargetBatchResult")
  public record BatchResult(
      int items, int targetsSet, int unchanged, @JsonIgnore List<Message> skips)
      implements CallersLanguage.Speaks {

    @JsonProperty
    @Schema(
        description =
            "What was left out and why, one text per item (or item, year and unit), in the"
                + " caller's language (Accept-Language), or in both when it named neither")
    public List<String> skipped() {
      return skips.stream().map(CallersLanguage::write).toList();
    }

    @JsonProperty
    @Schema(description = "The same, as stable codes with the values they name")
    public List<Message> skippedCodes() {
      return skips;
    }
  }
}
