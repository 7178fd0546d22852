package vn.lhpn.kehoach.emulation.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The scoring table (bảng chấm điểm) as pure rules (docs/adr/0015): each line's points by the
 * unit's ratio to its target (full points at {@code fullAt} %, prorated below, a bonus above it,
 * capped) or, for a task, by its state; points for each report sent on time; the manual part; the
 * rank in the cluster, ties sharing a rank and saying with whom.
 */
public final class ScoringRules {
  private ScoringRules() {}

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** One line of the table: an item that takes values and the points it is worth. */
  public record Line(String item, BigDecimal points) {}

  /** The table of a plan. */
  public record Table(
      List<Line> lines,
      BigDecimal fullAt,
      BigDecimal bonusPerPercent,
      BigDecimal bonusCap,
      BigDecimal inProgressShare,
      BigDecimal onTimePoints,
      BigDecimal manualMax) {}

  /** What a unit did for a line's item in a year: the approved figure against its target. */
  public record Figure(
      String measure, BigDecimal value, String status, BigDecimal target, boolean applies) {}

  /** A line's score and why. {@code max} is 0 for a line that does not count for the unit. */
  public record LineScore(
      BigDecimal max,
      BigDecimal ratio,
      BigDecimal base,
      BigDecimal bonus,
      BigDecimal score,
      String note) {}

  public static LineScore line(Line line, Figure f, Table t) {
    BigDecimal points = line.points();
    if (f == null || !f.applies()) {
      return new LineScore(BigDecimal.ZERO, null, zero(), zero(), zero(), "không áp dụng");
    }
    if ("activity".equals(f.measure())) {
      if ("not_applicable".equals(f.status())) {
        return new LineScore(BigDecimal.ZERO, null, zero(), zero(), zero(), "không áp dụng");
      }
      BigDecimal share =
          "done".equals(f.status())
              ? BigDecimal.ONE
              : "in_progress".equals(f.status()) ? t.inProgressShare() : BigDecimal.ZERO;
      String note =
          f.status() == null
              ? "chưa có số liệu được duyệt"
              : switch (f.status()) {
                case "done" -> "đã thực hiện";
                case "in_progress" -> "đang thực hiện";
                default -> "chưa thực hiện";
              };
      BigDecimal score = round(points.multiply(share));
      return new LineScore(points, null, score, zero(), score, note);
    }
    if (f.target() == null || f.target().signum() == 0) {
      return new LineScore(BigDecimal.ZERO, null, zero(), zero(), zero(), "không giao chỉ tiêu");
    }
    if (f.value() == null) {
      return new LineScore(points, null, zero(), zero(), zero(), "chưa có số liệu được duyệt");
    }
    BigDecimal ratio = f.value().multiply(HUNDRED).divide(f.target(), 4, RoundingMode.HALF_UP);
    BigDecimal counted = ratio.min(t.fullAt());
    BigDecimal base = round(points.multiply(counted).divide(t.fullAt(), 6, RoundingMode.HALF_UP));
    BigDecimal above = ratio.subtract(t.fullAt()).max(BigDecimal.ZERO);
    BigDecimal bonus = round(above.multiply(t.bonusPerPercent()).min(t.bonusCap()));
    return new LineScore(
        points,
        ratio.setScale(1, RoundingMode.HALF_UP),
        base,
        bonus,
        base.add(bonus),
        bonus.signum() > 0
            ? "vượt chỉ tiêu"
            : ratio.compareTo(t.fullAt()) >= 0 ? "đạt" : "chưa đạt");
  }

  /** Points for one report: all of them on time, none late or not sent. */
  public static BigDecimal onTime(boolean sentOnTime, Table t) {
    return sentOnTime ? round(t.onTimePoints()) : zero();
  }

  /** A unit's total and its name, to rank. */
  public record Entry(String unit, String name, BigDecimal total) {}

  /** A rank; {@code tiedWith}: the units with the same total (they share the rank). */
  public record Ranked(String unit, int rank, List<String> tiedWith) {}

  /**
   * Ranks by total, highest first; equal totals share a rank and the next rank skips (1, 2, 2, 4).
   */
  public static List<Ranked> rank(List<Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(
        Comparator.comparing(Entry::total, Comparator.reverseOrder()).thenComparing(Entry::unit));
    List<Ranked> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Entry e = sorted.get(i);
      int first = i;
      while (first > 0 && sorted.get(first - 1).total().compareTo(e.total()) == 0) {
        first--;
      }
      List<String> tied = new ArrayList<>();
      for (Entry other : sorted) {
        if (other != e && other.total().compareTo(e.total()) == 0) {
          tied.add(other.name());
        }
      }
      out.add(new Ranked(e.unit(), first + 1, tied));
    }
    return out;
  }

  static BigDecimal round(BigDecimal b) {
    return b.setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal zero() {
    return BigDecimal.ZERO.setScale(2);
  }
}
