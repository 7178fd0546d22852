package vn.lhpn.kehoach.emulation.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Thi đua: clusters, the scoring table, the scores and the manual part. */
public final class EmulationDtos {
  private EmulationDtos() {}

  @Schema(name = "ScoringLine", description = "An item of the plan and the points it is worth")
  public record ScoringLine(
      @NotBlank @Schema(example = "I-1.1") String item,
      @NotNull @Schema(example = "10") BigDecimal points) {}

  @Schema(name = "ScoringTable", description = "The scoring table (bảng chấm điểm) of a plan")
  public record Scoring(
      @NotNull @Size(max = 500) List<@Valid ScoringLine> lines,
      @NotNull
          @Schema(
              description = "The % of the target that earns a line's full points",
              example = "100")
          BigDecimal fullAt,
      @NotNull @Schema(description = "Bonus points per % above it", example = "0.05")
          BigDecimal bonusPerPercent,
      @NotNull @Schema(description = "The largest bonus of a line", example = "2")
          BigDecimal bonusCap,
      @NotNull
          @Schema(
              description = "Share of a task's points while it is in progress (0–1)",
              example = "0.5")
          BigDecimal inProgressShare,
      @NotNull @Schema(description = "Points for each report sent by its due date", example = "5")
          BigDecimal onTimePoints,
      @NotNull
          @Schema(
              description = "The largest manual part of a unit's score in a year",
              example = "10")
          BigDecimal manualMax) {}

  @Schema(name = "EmulationCluster", description = "Units that compete together (cụm thi đua)")
  public record Cluster(
      @NotBlank @Size(max = 32) @Schema(example = "CUM-1") String code,
      @NotBlank @Size(max = 200) String name,
      @Schema(description = "The unit leading the cluster (cụm trưởng), one of its units")
          String leaderUnit,
      @NotNull @Size(max = 500) List<String> units) {}

  @Schema(name = "EmulationClusters", description = "Every cluster of a plan (replaces them all)")
  public record Clusters(@NotNull @Size(max = 200) List<@Valid Cluster> clusters) {}

  @Schema(name = "EmulationChange", description = "A change of the clusters or the scoring table")
  public record Change(
      @Schema(enumeration = {"scoring", "clusters"}) String what,
      long version,
      String changedBy,
      OffsetDateTime changedAt) {}

  @Schema(name = "EmulationSettings", description = "A plan's clusters and scoring table")
  public record Settings(
      String planId,
      Scoring scoring,
      @Schema(description = "True while the plan keeps the default table") boolean defaultScoring,
      @Schema(description = "If-Match of a change of the table") long scoringVersion,
      List<Cluster> clusters,
      @Schema(description = "If-Match of a change of the clusters") long clustersVersion,
      @Schema(description = "Whether the caller may change them (a planner of the province)")
          boolean canEdit,
      List<Change> changes) {}

  @Schema(name = "LineScore", description = "A unit's points for one line of the table")
  public record LineScore(
      String item,
      String code,
      String title,
      @Schema(description = "The points the line is worth to the unit (0 when it does not apply)")
          BigDecimal max,
      @Schema(description = "% of the target, for a count or a rate (one year)") BigDecimal ratio,
      BigDecimal base,
      BigDecimal bonus,
      BigDecimal score,
      String note) {}

  @Schema(name = "PeriodScore", description = "The points for reporting one period on time")
  public record PeriodScore(
      String period,
      LocalDate dueOn,
      @Schema(description = "When the unit first sent the report; absent if never")
          OffsetDateTime firstSubmittedAt,
      boolean onTime,
      BigDecimal points) {}

  @Schema(name = "ManualScore", description = "The manual part of a unit's score for a year")
  public record Manual(
      int year, BigDecimal points, String reason, String enteredBy, OffsetDateTime enteredAt) {}

  @Schema(name = "UnitScore", description = "A unit's score broken down, and its rank")
  public record UnitScore(
      String unitCode,
      String unitName,
      int rank,
      @Schema(description = "The units with the same total: they share the rank")
          List<String> tiedWith,
      BigDecimal linesTotal,
      BigDecimal onTimeTotal,
      BigDecimal manualTotal,
      BigDecimal total,
      List<LineScore> lines,
      List<PeriodScore> periods,
      List<Manual> manual) {}

  @Schema(name = "ClusterScores", description = "A cluster's units, ranked")
  public record ClusterScores(
      String code,
      String name,
      String leaderUnit,
      @Schema(description = "Whether the caller may enter the manual part for its units")
          boolean canEnterManual,
      List<UnitScore> units) {}

  @Schema(name = "EmulationScores", description = "Scores of a year, or of the whole term")
  public record Scores(
      String planId,
      @Schema(description = "The year; absent for the whole term") Integer year,
      @Schema(description = "The years added up") List<Integer> years,
      long scoringVersion,
      List<ClusterScores> clusters) {}

  @Schema(name = "ManualScoreInput", description = "The manual part of a unit's score for a year")
  public record ManualInput(
      @NotBlank String unitCode,
      @NotNull Integer year,
      @NotNull BigDecimal points,
      @NotBlank @Size(max = 1000) String reason) {}
}
