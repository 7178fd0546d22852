package vn.lhpn.kehoach.quality.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Figures that cannot be right: the flags of reported numbers, their checks, the thresholds. */
public final class FigureDtos {
  private FigureDtos() {}

  @Schema(name = "FigureFlag", description = "Why a reported number looks wrong")
  public record Flag(
      @Schema(
              description =
                  "history: far from the unit's own value of the same period last year; target: far"
                      + " above the unit's target of the year; peers: far from similar units (same"
                      + " level, same province, same period)",
              enumeration = {"history", "target", "peers"})
          String rule,
      @Schema(example = "gấp 12 lần năm trước (40)") String reason,
      @Schema(example = "12 times last year's (40)") String reasonEn,
      @Schema(
              description =
                  "The numbers behind the reason: value, lastYear, times, percent, target, median,"
                      + " score, units")
          Map<String, Object> params) {}

  @Schema(name = "FigureCheck", description = "A reviewer's mark that a flagged value was checked")
  public record Check(
      @Schema(description = "The value it was made on") BigDecimal number,
      String note,
      String checkedBy,
      OffsetDateTime checkedAt,
      @Schema(
              description =
                  "False when the unit changed the value after the check: the flag is open again")
          boolean holds) {}

  @Schema(name = "FlaggedValue", description = "A reported number with its flags")
  public record Value(
      @Schema(example = "I-1.1") String item,
      String code,
      String title,
      BigDecimal number,
      List<Flag> flags,
      @Schema(description = "The latest check; absent when never checked") Check check) {}

  @Schema(name = "SubmissionFlags", description = "The flagged values of one report")
  public record SubmissionFlags(
      long submission,
      @Schema(description = "The report's version, the If-Match of a check") long version,
      @Schema(description = "Whether the caller may mark a flag as checked (its reviewer)")
          boolean canCheck,
      List<Value> values) {}

  @Schema(name = "FlaggedReportValue", description = "A flagged value on the list of a year")
  public record Listed(
      long submission,
      String unitCode,
      String unitName,
      @Schema(example = "2025-H2") String period,
      @Schema(
              description = "The report's state: returned is a draft the reviewer sent back",
              enumeration = {"returned", "submitted", "approved"})
          String state,
      Value value) {}

  @Schema(name = "FlaggedValues", description = "The flagged values of a year in a unit's subtree")
  public record Listing(
      List<Listed> items,
      int page,
      int size,
      @Schema(description = "Number of items over all pages") long totalItems,
      @Schema(description = "How many of all of them are not checked (or changed since)")
          long open) {}

  @Schema(name = "FigureCheckInput", description = "The note of a check")
  public record CheckInput(@NotBlank @Size(max = 1000) String note) {}

  @Schema(
      name = "FigureThresholds",
      description = "When a reported number is flagged; an absent threshold turns its check off")
  public record Thresholds(
      @Schema(
              description =
                  "Flag a value at least this many times last year's (or at most a"
                      + " this-many-th of it); more than 1",
              example = "5")
          BigDecimal historyRatio,
      @Schema(
              description = "Flag a value at least this % of the target; more than 100",
              example = "300")
          BigDecimal targetPercent,
      @Schema(
              description =
                  "Flag a modified z-score at least this far from similar units' (3.5 is"
                      + " Iglewicz and Hoaglin's cut-off)",
              example = "3.5")
          BigDecimal peerScore,
      @NotNull
          @Schema(
              description = "Similar units needed before they are compared (3–1000)",
              example = "8")
          Integer peerMinimum) {}

  @Schema(name = "FigureThresholdChange", description = "A change of the thresholds")
  public record ThresholdChange(
      String changedBy, OffsetDateTime changedAt, Thresholds before, Thresholds after) {}

  @Schema(name = "FigureCheckSettings", description = "A plan's thresholds and their history")
  public record Settings(
      String planId,
      Thresholds thresholds,
      @Schema(description = "True while the plan keeps the defaults") boolean defaults,
      long version,
      String updatedBy,
      OffsetDateTime updatedAt,
      @Schema(description = "Whether the caller may change them (a planner of the province)")
          boolean canEdit,
      List<ThresholdChange> changes) {}
}
