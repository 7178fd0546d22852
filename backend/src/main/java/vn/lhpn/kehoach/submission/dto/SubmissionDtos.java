package vn.lhpn.kehoach.submission.dto;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.lhpn.kehoach.common.CallersLanguage;
import vn.lhpn.kehoach.common.Message;

/** The JSON shapes of submissions (báo cáo kết quả). */
public final class SubmissionDtos {
  private SubmissionDtos() {}

  /** Longest note on one value. */
  public static final int NOTE_MAX = 2000;

  /** Most evidence links on one value, and the longest link. */
  public static final int EVIDENCE_MAX = 10;

  public static final int LINK_MAX = 500;

  /** Longest return or reopen reason. */
  public static final int REASON_MAX = 2000;

  @Schema(name = "Submission")
  public record Submission(
      long id,
      String planId,
      String period,
      String unitCode,
      String unitName,
      @Schema(enumeration = {"draft", "returned", "submitted", "approved"}) String state,
      @Schema(description = "Why it was returned or reopened, while it is a draft again")
          String returnReason,
      String createdBy,
      OffsetDateTime submittedAt,
      String submittedBy,
      OffsetDateTime reviewedAt,
      String reviewedBy,
      @Schema(description = "Also the ETag") long version,
      OffsetDateTime updatedAt,
      @Schema(description = "What the caller may do now: edit, submit, approve, return, reopen")
          List<String> allowed,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(description = "The values; only on a single submission")
          List<Value> values,
      @Schema(
              description =
                  "Loaded from a sheet: figures of a unit from before it was on this system")
          boolean imported) {}

  @Schema(
      name = "PastReportsImport",
      description =
          "Figures of units from before they were on this system, loaded from a sheet: what was"
              + " (or would be) created, and every problem by line")
  public record PastImport(
      boolean dryRun,
      @Schema(description = "Rows read") int rows,
      @Schema(description = "Reports (a unit and a period) in the sheet") int reports,
      @Schema(description = "Reports created, approved and marked imported; 0 in a dry run")
          int created,
      List<PastIssue> issues)
      implements CallersLanguage.Speaks {}

  @Schema(name = "PastReportsIssue")
  public record PastIssue(
      @Schema(description = "Line of the file or row of the sheet") int line,
      String field,
      @JsonIgnore Message said) {

    @JsonProperty
    @Schema(
        description =
            "What is wrong with the line, in the caller's language (Accept-Language), or in both"
                + " when it named neither")
    public String message() {
      return CallersLanguage.write(said);
    }

    @JsonProperty
    @Schema(description = "The problem as a stable code", example = "past-reports.no-unit")
    public String messageCode() {
      return said.code();
    }

    @JsonProperty
    @Schema(description = "The values the message names")
    public Map<String, Object> messageParams() {
      return said.params();
    }
  }

  @Schema(name = "SubmissionValue")
  public record Value(
      @Schema(example = "I-2.1") String item,
      BigDecimal number,
      @Schema(enumeration = {"done", "in_progress", "not_done", "not_applicable"}) String status,
      String note,
      List<String> evidence,
      OffsetDateTime updatedAt,
      String updatedBy) {}

  @Schema(name = "SubmissionValueInput")
  public record ValueInput(
      @Schema(description = "The plan item key", example = "I-2.1") String item,
      @Schema(description = "For counts (≥ 0) and percentages (0–100)") BigDecimal number,
      @Schema(
              description = "For activities",
              enumeration = {"done", "in_progress", "not_done", "not_applicable"})
          String status,
      @Schema(maxLength = NOTE_MAX) String note,
      @Schema(maxItems = EVIDENCE_MAX, description = "http(s) links") List<String> evidence) {}

  @Schema(name = "SubmissionCreate")
  public record Create(
      @NotBlank @Schema(example = "11-KH-BCH") String planId,
      @NotBlank @Schema(example = "2026-H1") String period,
      @NotBlank @Schema(example = "05761") String unitCode,
      List<@Valid ValueInput> values) {}

  @Schema(name = "SubmissionValues")
  public record Values(@NotNull List<ValueInput> values) {}

  @Schema(name = "SubmissionReason")
  public record Reason(
      @Schema(description = "Required to return or reopen", maxLength = REASON_MAX)
          String reason) {}

  @Schema(name = "SubmissionRef")
  public record Ref(
      long id, @Schema(description = "The version (ETag) you reviewed") long version) {}

  @Schema(name = "SubmissionBulkReview")
  public record BulkReview(
      @NotNull @Schema(enumeration = {"approve", "return"}) String action,
      String reason,
      @NotNull @Size(min = 1, max = 500) List<Ref> submissions) {}

  @Schema(name = "SubmissionBulkResult")
  public record BulkResult(String action, List<Submission> submissions) {}

  @Schema(name = "SubmissionTarget")
  public record Target(
      @Schema(enumeration = {"plan", "allocated", "none"}) String source,
      BigDecimal value,
      Boolean required,
      @Schema(description = "The plan's level as printed (province only)") String raw) {}

  @Schema(name = "SubmissionFormItem")
  public record FormItem(
      String key,
      String code,
      String title,
      @Schema(
              description =
                  "The item in one line: its code and title; a breakdown row is prefixed with its"
                      + " item's code ('6.2 · Chi hội trưởng')",
              example = "6.2 · Chi hội trưởng")
          String label,
      @Schema(description = "The section: I (chỉ tiêu) or II (nhiệm vụ)") String section,
      String sectionTitle,
      @Schema(description = "Titles of the groups above the item, outermost first")
          List<String> groups,
      @Schema(enumeration = {"count", "percentage", "activity"}) String measureType,
      String measureUnit,
      Target target,
      Value value) {}

  @Schema(name = "SubmissionPeriod")
  public record PeriodRef(String code, String kind, int year, LocalDate dueOn, String state) {}

  @Schema(name = "SubmissionForm")
  public record Form(
      String planId,
      PeriodRef period,
      String unitCode,
      String unitName,
      @Schema(description = "Null until the first save") Submission submission,
      @Schema(description = "Whether the caller may enter values now") boolean canEdit,
      List<FormItem> items) {}

  @Schema(name = "SubmissionEvent")
  public record Event(
      long id,
      OffsetDateTime at,
      String actor,
      @Schema(
              enumeration = {
                "create", "value", "submit", "approve", "return", "reopen", "move", "import"
              },
              description =
                  "move: a change of the map moved it to the unit that took over; import: loaded"
                      + " from a sheet")
          String kind,
      String item,
      String fromState,
      String toState,
      String reason,
      Map<String, Object> before,
      Map<String, Object> after) {}

  @Schema(name = "SubmissionDiffItem")
  public record DiffItem(
      String item, String title, Map<String, Object> approved, Map<String, Object> current) {}

  @Schema(name = "SubmissionDiff")
  public record Diff(
      long id,
      @Schema(description = "When it was last approved; null if never") OffsetDateTime approvedAt,
      List<DiffItem> changes) {}

  @Schema(name = "ReviewQueueUnit")
  public record QueueUnit(
      String unitCode,
      String unitName,
      @Schema(enumeration = {"none", "draft", "returned", "submitted", "approved"}) String state,
      Long submissionId,
      Long version,
      OffsetDateTime submittedAt,
      boolean late,
      @Schema(
              description =
                  "Items with a value entered (only for the period whose units are listed)",
              nullable = true)
          Integer filled,
      @Schema(description = "Items that apply to the unit in that period (idem)", nullable = true)
          Integer items) {}

  @Schema(name = "ReviewQueuePeriod")
  public record QueuePeriod(
      String period,
      LocalDate dueOn,
      String periodState,
      int units,
      int waiting,
      int approved,
      int returned,
      int draft,
      int none) {}

  @Schema(name = "ReviewQueue")
  public record Queue(
      String planId,
      String reviewerUnit,
      List<QueuePeriod> periods,
      @Schema(description = "The units of the chosen period") String period,
      List<QueueUnit> units) {}
}
