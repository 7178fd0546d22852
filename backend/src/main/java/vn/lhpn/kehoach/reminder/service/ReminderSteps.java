package vn.lhpn.kehoach.reminder.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Optional;

/**
 * When a period's reminders go out: on each of the days before the due date the province planner
 * chose (by default 7 and 2), the day after it, then every 7 days while the period is open. A run
 * on any day takes the latest step that has come: a step missed because no instance ran that day
 * goes out on the next run, once, and never after the following step has come.
 */
public final class ReminderSteps {
  private ReminderSteps() {}

  /** How many days after the first late reminder the next one comes. */
  public static final int LATE_EVERY = 7;

  /**
   * A step of a period's reminders.
   *
   * @param late before the due date (false) or after it (true)
   * @param key names the step in an event key: "d7", "d2", "late1", "late8", …
   * @param on the day it comes
   */
  public record Step(boolean late, String key, LocalDate on) {}

  /** The latest step on or before {@code today}, if any has come. */
  public static Optional<Step> current(
      LocalDate due, Collection<Integer> daysBefore, LocalDate today) {
    if (today.isAfter(due)) {
      long lateDays = ChronoUnit.DAYS.between(due, today); // 1 on the day after
      long sinceFirst = lateDays - 1;
      long step = 1 + sinceFirst / LATE_EVERY * LATE_EVERY;
      return Optional.of(new Step(true, "late" + step, due.plusDays(step)));
    }
    Step best = null;
    for (Integer d : daysBefore) {
      if (d == null || d <= 0) {
        continue;
      }
      LocalDate on = due.minusDays(d);
      if (!on.isAfter(today) && (best == null || on.isAfter(best.on()))) {
        best = new Step(false, "d" + d, on);
      }
    }
    return Optional.ofNullable(best);
  }
}
