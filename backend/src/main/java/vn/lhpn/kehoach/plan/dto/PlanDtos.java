package vn.lhpn.kehoach.plan.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.lhpn.kehoach.common.CallersLanguage;
import vn.lhpn.kehoach.plan.importer.ImportIssue;

/** What the plan endpoints read and write. */
public final class PlanDtos {
  private PlanDtos() {}

  @Schema(name = "PlanSummary", description = "A term plan (kế hoạch toàn khóa)")
  public record Plan(
      @Schema(description = "Stable code from the document number", example = "11-KH-BCH")
          String code,
      @Schema(example = "11/KH-BCH") String number,
      String title,
      String subtitle,
      String issuer,
      LocalDate issuedOn,
      Integer termStart,
      Integer termEnd,
      @Schema(description = "The years the plan sets levels for") List<Integer> years,
      @Schema(
              description = "closed: the term's figures are locked (see lock)",
              enumeration = {"draft", "active", "closed"})
          String status,
      String ownerUnitCode,
      Counts counts,
      @Schema(
              description =
                  "What the caller may do with the plan: edit (measures, periods), import (replace"
                      + " it from a file), lock (the term's figures), unlock (with a reason)")
          List<String> allowed,
      @Schema(description = "When and by whom the term's figures were locked; absent while open")
          Lock lock,
      @Schema(description = "The If-Match of a lock or a reopening") long version) {}

  @Schema(name = "PlanLock", description = "The term's figures locked (khóa số liệu)")
  public record Lock(java.time.OffsetDateTime lockedAt, String lockedBy, String reason) {}

  @Schema(name = "PlanLockEvent", description = "A lock or an unlock of the term's figures")
  public record LockEvent(
      @Schema(enumeration = {"lock", "unlock"}) String action,
      String reason,
      String actor,
      java.time.OffsetDateTime at) {}

  @Schema(name = "PlanLockInput", description = "Why the term is locked or reopened")
  public record LockInput(@jakarta.validation.constraints.Size(max = 1000) String reason) {}

  @Schema(name = "PlanItemCounts")
  public record Counts(long sections, long groups, long leaves, long breakdowns) {}

  @Schema(name = "PlanItem", description = "A row of the plan: section, group, leaf or breakdown")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Item(
      @Schema(
              description =
                  "Unique in the plan: section and printed code; '~2' marks a duplicate code",
              example = "I-2.1")
          String key,
      String parentKey,
      int position,
      @Schema(description = "Code as printed; absent on breakdown rows", example = "2.1")
          String code,
      @Schema(enumeration = {"section", "group", "leaf", "breakdown"}) String kind,
      String title,
      @Schema(description = "Cấp thực hiện as printed") String implementingLevel,
      @Schema(
              description =
                  "Org unit levels that carry the item out (1 province, 2 district, 3 commune)")
          List<Integer> implementingLevels,
      @Schema(description = "Đơn vị thực hiện as printed") String lead,
      List<DepartmentRef> departments,
      String coordinators,
      String funding,
      List<Footnote> footnotes,
      Measure measure,
      @Schema(
              description =
                  "Levels that report the item (1 province, 2 district, 3 commune): confirmed by the"
                      + " province planner, or proposed by the importer from the wording, or the"
                      + " implementing levels")
          List<Integer> reportingLevels,
      @Schema(
              description =
                  "True while the reporting levels are a proposal (from the wording or the column)")
          boolean reportingLevelsGuessed,
      @Schema(
              description =
                  "How the item is judged over the term: sum of the years, the last year, each"
                      + " year met (leaves only)",
              enumeration = {"sum", "last", "each"})
          String termRule,
      @Schema(description = "True while the term rule is proposed from the wording")
          boolean termRuleGuessed,
      List<Year> years,
      @Schema(description = "Version for If-Match") long version,
      @Schema(description = "Children, in the tree view only; absent on an item without children")
          @JsonInclude(JsonInclude.Include.NON_EMPTY)
          List<Item> children) {}

  @Schema(name = "DepartmentRef")
  public record DepartmentRef(
      @Schema(example = "TG-CSLP") String code, String shortName, String name) {}

  @Schema(name = "PlanFootnote")
  public record Footnote(int number, String text) {}

  @Schema(name = "PlanItemMeasure")
  public record Measure(
      @Schema(enumeration = {"count", "percentage", "activity"}) String type,
      @Schema(description = "Unit word of a count (hộ, hội viên, mô hình…)") String unit,
      @Schema(description = "True while it is the importer's guess") boolean guessed) {}

  @Schema(name = "PlanItemYear")
  public record Year(
      int year,
      @Schema(description = "As printed: '2.500', '01', '0.5%', 'x', '-'") String raw,
      @Schema(enumeration = {"number", "percent", "scheduled", "none", "text"}) String kind,
      @Schema(description = "The number or percentage, for number and percent") BigDecimal value,
      @Schema(
              nullable = true,
              description = "The level as adopted, while an amendment (điều chỉnh) is in force")
          String originalRaw,
      @Schema(nullable = true) BigDecimal originalValue,
      @Schema(nullable = true, description = "The decision behind the amendment in force")
          String decision) {}

  /** A new level for one year of a leaf (điều chỉnh chỉ tiêu), set by the province planner. */
  @Schema(name = "PlanItemLevelAmendment")
  public record LevelAmendment(
      @NotNull
          @jakarta.validation.constraints.DecimalMin(value = "0", message = "number.negative")
          @jakarta.validation.constraints.Digits(
              integer = 11,
              fraction = 3,
              message = "number.decimals")
          @Schema(required = true, description = "The new level: a count, or a percentage")
          BigDecimal value,
      @NotBlank
          @Size(max = 100)
          @Schema(required = true, example = "Quyết định số 12/QĐ-HPN ngày 15/08/2025")
          String decision,
      @NotBlank @Size(max = 1000) @Schema(required = true) String reason) {}

  @Schema(
      name = "PlanItemAmendment",
      description = "One amendment of a year's level, as it was made")
  public record Amendment(
      int year,
      String beforeRaw,
      String afterRaw,
      String decision,
      String reason,
      String amendedBy,
      java.time.OffsetDateTime amendedAt) {}

  /** The only client-writable fields of an item: its measure, corrected by a planner. */
  @Schema(name = "PlanItemMeasureUpdate")
  public record MeasureUpdate(
      @NotNull
          @jakarta.validation.constraints.Pattern(
              regexp = "count|percentage|activity",
              message = "value.one-of")
          @Schema(
              enumeration = {"count", "percentage", "activity"},
              required = true)
          String type,
      @Size(max = 60) String unit) {}

  /** How an item is judged over the term, set by the province planner. */
  @Schema(name = "PlanItemTermRuleUpdate")
  public record TermRuleUpdate(
      @NotNull
          @jakarta.validation.constraints.Pattern(
              regexp = "sum|last|each",
              message = "value.one-of")
          @Schema(
              enumeration = {"sum", "last", "each"},
              required = true)
          String rule) {}

  /** The reporting levels of an item, confirmed by the province planner. */
  @Schema(name = "PlanItemReportingLevelsUpdate")
  public record ReportingLevelsUpdate(
      @NotNull
          @Size(min = 1, max = 3)
          @Schema(description = "1 province, 2 district, 3 commune", required = true)
          List<Integer> levels) {}

  @Schema(
      name = "PlanImportReport",
      description = "What an import did (or, in a dry run, would do)")
  public record ImportReport(
      boolean dryRun,
      String planCode,
      @Schema(enumeration = {"created", "updated", "unchanged"}) String outcome,
      Counts counts,
      Changes changes,
      List<ImportIssue> warnings)
      implements CallersLanguage.Speaks {}

  @Schema(
      name = "PlanImportChanges",
      description = "Items created, updated, removed and unchanged, compared with what was stored")
  public record Changes(int created, int updated, int removed, int unchanged) {}
}
