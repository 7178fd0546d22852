package vn.lhpn.kehoach.progress.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;

/** What the progress API answers (docs/adr/0005). */
public final class ProgressDtos {
  private ProgressDtos() {}

  @Schema(
      name = "ProgressFigure",
      description = "A unit's own figure, and the reports it came from")
  public record Figure(
      @Schema(nullable = true) BigDecimal value,
      @Schema(
              nullable = true,
              enumeration = {"done", "in_progress", "not_done", "not_applicable"})
          String status,
      @Schema(
              description = "The periods whose reports the figure came from",
              example = "[\"2025\"]")
          List<String> sources) {}

  @Schema(name = "ProgressActivity", description = "An activity over the units of a subtree")
  public record Activity(
      @Schema(description = "Units that had to carry it out") int due,
      int done,
      int inProgress,
      int notDone,
      int notApplicable) {}

  @Schema(
      name = "ProgressSubtree",
      description =
          "The unit and everything below it: counts added up; a percentage as the mean of the"
              + " units that reported (never a sum); an activity as counts of units")
  public record Subtree(
      @Schema(nullable = true) BigDecimal value,
      @Schema(enumeration = {"sum", "mean", "units"}) String basis,
      @Schema(description = "Units whose approved figures it holds") int units,
      @Schema(nullable = true) Activity activity,
      @Schema(
              nullable = true,
              description = "From reports submitted but not yet approved, kept apart")
          BigDecimal pending,
      int pendingUnits,
      @Schema(
              description =
                  "Which reports the approved figure came from (the nesting rule): how many of its"
                      + " units gave their year report, their half-years, their quarters")
          Sources sources) {}

  @Schema(name = "ProgressSources")
  public record Sources(int fromYear, int fromHalves, int fromQuarters) {}

  @Schema(name = "ProgressTarget")
  public record Target(
      @Schema(nullable = true) BigDecimal value,
      @Schema(nullable = true, description = "Activities: must carry it out") Boolean required,
      @Schema(
              enumeration = {"plan", "amended", "allocated", "none"},
              description = "amended: the plan's level as the province amended it (điều chỉnh)")
          String source) {}

  @Schema(name = "ProgressItem")
  public record Item(
      String itemKey,
      @Schema(nullable = true) String code,
      String label,
      @Schema(description = "The chỉ tiêu or task group it belongs to", example = "2") String group,
      @Schema(nullable = true) String groupTitle,
      @Schema(enumeration = {"count", "percentage", "activity"}) String measure,
      @Schema(nullable = true) String unitWord,
      @Schema(nullable = true, description = "Departments (Ban) that lead it")
          List<String> departments,
      Target target,
      @Schema(nullable = true) Figure own,
      Subtree subtree,
      @Schema(nullable = true, description = "Subtree value ÷ target") BigDecimal ratio,
      @Schema(enumeration = {"ahead", "on-track", "behind", "no-target"}) String state) {}

  @Schema(name = "UnitProgress", description = "Every item of a unit's year against its targets")
  public record UnitProgress(
      String planId,
      OrgUnitSummary unit,
      int year,
      @Schema(description = "Share of the year gone by (1 for a past year): what 'on track' means")
          BigDecimal pace,
      List<Item> items) {}

  @Schema(name = "ProgressCell")
  public record Cell(
      String unitCode,
      @Schema(nullable = true) BigDecimal value,
      @Schema(nullable = true) BigDecimal target,
      @Schema(nullable = true) BigDecimal ratio,
      @Schema(enumeration = {"ahead", "on-track", "behind", "no-target"}) String state) {}

  @Schema(name = "ProgressTableRow")
  public record TableRow(
      String itemKey, String label, String group, String measure, List<Cell> cells) {}

  @Schema(
      name = "ProgressTable",
      description = "The units just below a unit side by side: an item per row, a unit per column")
  public record Table(
      String planId,
      OrgUnitSummary unit,
      int year,
      List<OrgUnitSummary> units,
      List<TableRow> rows) {}

  @Schema(name = "ProgressValue", description = "One unit's own figure behind a number")
  public record Value(
      OrgUnitSummary unit,
      @Schema(nullable = true) Figure approved,
      @Schema(nullable = true) Figure pending) {}

  @Schema(name = "ProgressValues")
  public record Values(String planId, String itemKey, String label, int year, List<Value> units) {}

  @Schema(name = "CompletenessUnit")
  public record CompletenessUnit(
      OrgUnitSummary unit,
      @Schema(enumeration = {"none", "draft", "returned", "submitted", "approved"}) String state,
      @Schema(nullable = true) OffsetDateTime submittedAt,
      boolean late) {}

  @Schema(
      name = "Completeness",
      description =
          "Who reported for a period in a subtree: the units that existed at the period's end")
  public record Completeness(
      String planId,
      OrgUnitSummary unit,
      String period,
      LocalDate dueOn,
      int expected,
      int submitted,
      int approved,
      int returned,
      int draft,
      int missing,
      int late,
      List<CompletenessUnit> units) {}

  @Schema(name = "TermYear")
  public record TermYear(
      int year,
      @Schema(nullable = true) BigDecimal target,
      @Schema(nullable = true) BigDecimal value,
      @Schema(
              description =
                  "The year is before the unit existed: its predecessors' figures, carried"
                      + " (docs/adr/0011), never counted again above")
          boolean carried,
      @Schema(description = "The target is the plan's level as the province amended it")
          boolean amended) {}

  @Schema(name = "CarriedUnit", description = "A unit of an earlier map whose figures are carried")
  public record CarriedUnit(
      String code,
      String name,
      @Schema(description = "false: never on this system (no figures before the change)")
          boolean onSystem,
      @Schema(
              description =
                  "The other units it went into (a split): its figures cannot be divided, so"
                      + " each of them shows them whole")
          List<String> alsoInto) {}

  @Schema(
      name = "CarriedYear",
      description =
          "A year before the unit existed, and the units of that year its figures come from")
  public record CarriedYear(
      int year,
      @Schema(description = "The unit's own figures of that year were loaded from a sheet")
          boolean imported,
      List<CarriedUnit> from) {}

  @Schema(
      name = "HistoryGap",
      description =
          "Units of the subtree that came on a day from units never on this system (another"
              + " province's communes): no figures of theirs before that day")
  public record HistoryGap(LocalDate day, int units, int predecessors) {}

  @Schema(name = "TermItem", description = "One leaf over the whole term")
  public record TermItem(
      String itemKey,
      String label,
      String group,
      @Schema(enumeration = {"count", "percentage", "activity"}) String measure,
      @Schema(enumeration = {"sum", "last", "each"}) String rule,
      @Schema(nullable = true) BigDecimal planned,
      @Schema(nullable = true) BigDecimal achieved,
      @Schema(nullable = true) BigDecimal ratio,
      @Schema(enumeration = {"exceeded", "met", "not-met", "no-data"}) String verdict,
      List<TermYear> years) {}

  @Schema(name = "TermGroup", description = "A chỉ tiêu or task group over the term")
  public record TermGroup(
      String group,
      String title,
      @Schema(enumeration = {"exceeded", "met", "not-met", "no-data"}) String verdict,
      List<String> items) {}

  @Schema(
      name = "TermAssessment",
      description =
          "The end-of-term assessment: vượt (exceeded) above 100 %, đạt (met) at 100 %, không đạt"
              + " (not met) below; activities by the share of due unit-years done")
  public record Term(
      String planId,
      OrgUnitSummary unit,
      List<TermGroup> groups,
      List<TermItem> items,
      @Schema(description = "The years whose figures are carried from predecessors, oldest first")
          List<CarriedYear> carried,
      @Schema(description = "What the figures before a change of the map do not cover")
          List<HistoryGap> gaps) {}
}
