package vn.lhpn.kehoach.period.dto;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the period endpoints read and write. */
public final class PeriodDtos {
  private PeriodDtos() {}

  @Schema(
      name = "Period",
      description = "A reporting period: a year, a half-year (sơ kết 6 tháng) or a quarter")
  public record Period(
      String planId,
      @Schema(example = "2024-H1") String code,
      @Schema(enumeration = {"year", "half", "quarter"}) String kind,
      int year,
      @Schema(description = "1–2 for a half, 1–4 for a quarter") Integer number,
      LocalDate startsOn,
      LocalDate endsOn,
      LocalDate dueOn,
      @Schema(enumeration = {"open", "closed"}) String state,
      @Schema(
              description =
                  "Days before the due date a reminder goes to each unit that has not submitted (after it: the day after, then weekly)",
              example = "[7, 2]")
          List<Integer> remindDaysBefore,
      long version,
      OffsetDateTime updatedAt,
      @Schema(
              description =
                  "What the caller may do with the period: edit (its due date), open, close (a planner of the plan's owner)")
          List<String> allowed) {}

  /** The client-writable fields of a new period; its dates follow from kind, year and number. */
  @Schema(name = "PeriodCreate")
  public record Create(
      @NotNull String planId,
      @NotNull @Schema(enumeration = {"year", "half", "quarter"}) String kind,
      @NotNull Integer year,
      @Schema(description = "1–2 for a half, 1–4 for a quarter; absent for a year") Integer number,
      @Schema(description = "Default: see README (15/06 for H1, 30/11 for the year, …)")
          LocalDate dueOn) {}

  /**
   * What a planner edits on an existing period: its due date, the days before it that reminders go
   * out; at least one of them.
   */
  @Schema(name = "PeriodUpdate")
  public record Update(
      @Schema(description = "The new due date; absent: unchanged") LocalDate dueOn,
      @Schema(
              description =
                  "Days before the due date a reminder goes out (0 to 5 values, each 1–90; empty: none before the due date); absent: unchanged",
              example = "[7, 2]")
          List<Integer> remindDaysBefore) {}
}
