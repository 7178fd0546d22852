package vn.lhpn.kehoach.progress.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import vn.lhpn.kehoach.plan.TermRule;

/**
 * The arithmetic of progress, the same in every view (docs/adr/0005): ratio of a value to its
 * target, the state of a year under way, and the verdict over the term. Pure: plain unit tests.
 */
public final class ProgressRules {
  /** Ahead when the ratio runs 10 points or more above the share of the year gone by. */
  public static final BigDecimal AHEAD_MARGIN = new BigDecimal("0.10");

  private ProgressRules() {}

  /** value ÷ target, 4 decimals; null without a positive target or without a value. */
  public static BigDecimal ratio(BigDecimal value, BigDecimal target) {
    if (value == null || target == null || target.signum() <= 0) {
      return null;
    }
    return value.divide(target, 4, RoundingMode.HALF_UP);
  }

  /** The share of a year gone by on a day: 0 before it, 1 after it. */
  public static BigDecimal pace(int year, LocalDate today) {
    LocalDate start = LocalDate.of(year, 1, 1);
    LocalDate end = LocalDate.of(year, 12, 31);
    if (today.isBefore(start)) {
      return BigDecimal.ZERO;
    }
    if (today.isAfter(end)) {
      return BigDecimal.ONE;
    }
    return BigDecimal.valueOf(today.getDayOfYear())
        .divide(BigDecimal.valueOf(end.getDayOfYear()), 4, RoundingMode.HALF_UP);
  }

  /**
   * The state of an item in a year: no-target; else against the share of the year gone by ("pace"):
   * ahead (10 points or more above it), on-track (at or above it), behind.
   */
  public static String state(BigDecimal ratio, boolean hasTarget, BigDecimal pace) {
    if (!hasTarget) {
      return "no-target";
    }
    BigDecimal r = ratio == null ? BigDecimal.ZERO : ratio;
    if (r.compareTo(pace.add(AHEAD_MARGIN)) >= 0) {
      return "ahead";
    }
    return r.compareTo(pace) >= 0 ? "on-track" : "behind";
  }

  /** One year of an item over the term: its target and what was achieved. */
  public record Year(int year, BigDecimal target, BigDecimal value) {}

  /** Planned over the term, achieved, their ratio and the verdict. */
  public record Assessment(
      BigDecimal planned, BigDecimal achieved, BigDecimal ratio, String verdict) {}

  /**
   * The end-of-term verdict of a count or a percentage by its rule: vượt (exceeded) when the ratio
   * is above 100 %, đạt (met) at 100 %, không đạt below; "no-data" without a target or a value.
   * Each-year rule: the share of years met (never "vượt").
   */
  public static Assessment assess(TermRule rule, List<Year> years) {
    List<Year> targeted = years.stream().filter(y -> y.target() != null).toList();
    if (targeted.isEmpty()) {
      return new Assessment(null, null, null, "no-data");
    }
    switch (rule) {
      case SUM -> {
        BigDecimal planned = sum(targeted.stream().map(Year::target).toList());
        List<BigDecimal> values = years.stream().map(Year::value).filter(v -> v != null).toList();
        BigDecimal achieved = values.isEmpty() ? null : sum(values);
        return verdict(planned, achieved, true);
      }
      case LAST -> {
        Year last = targeted.get(targeted.size() - 1);
        return verdict(last.target(), last.value(), true);
      }
      default -> {
        long met =
            targeted.stream()
                .filter(y -> y.value() != null && y.value().compareTo(y.target()) >= 0)
                .count();
        boolean any = targeted.stream().anyMatch(y -> y.value() != null);
        return verdict(
            BigDecimal.valueOf(targeted.size()), any ? BigDecimal.valueOf(met) : null, false);
      }
    }
  }

  /** Activities over the term: the share of the unit-years due in which they were done. */
  public static Assessment assessActivity(int due, int done) {
    if (due == 0) {
      return new Assessment(null, null, null, "no-data");
    }
    return verdict(BigDecimal.valueOf(due), BigDecimal.valueOf(done), false);
  }

  private static Assessment verdict(BigDecimal planned, BigDecimal achieved, boolean canExceed) {
    if (achieved == null) {
      return new Assessment(planned, null, null, "no-data");
    }
    BigDecimal ratio = ratio(achieved, planned);
    if (ratio == null) {
      return new Assessment(planned, achieved, null, "no-data");
    }
    int c = ratio.compareTo(BigDecimal.ONE);
    String verdict = c > 0 && canExceed ? "exceeded" : c >= 0 ? "met" : "not-met";
    return new Assessment(planned, achieved, ratio, verdict);
  }

  /** A chỉ tiêu from its leaves: exceeded if all exceeded, met if none failed, else not met. */
  public static String groupVerdict(List<String> verdicts) {
    List<String> known = verdicts.stream().filter(v -> !v.equals("no-data")).toList();
    if (known.isEmpty()) {
      return "no-data";
    }
    if (known.contains("not-met")) {
      return "not-met";
    }
    return known.stream().allMatch(v -> v.equals("exceeded")) ? "exceeded" : "met";
  }

  private static BigDecimal sum(List<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
