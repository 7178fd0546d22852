package vn.lhpn.kehoach.progress.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.lhpn.kehoach.plan.MeasureType;

/**
 * Periods nest: a unit's figure for a year never counts a value twice when it reported the year,
 * its halves and its quarters (docs/adr/0005). The year report wins where it has a value; else the
 * half-years; else the quarters. Of halves or quarters, counts add up; a percentage or an
 * activity's status is the latest one reported. The figure says which reports it came from.
 */
public final class NestingRule {
  /** The kinds of period, widest first. */
  public enum Kind {
    YEAR,
    HALF,
    QUARTER;

    /** The kind of a period from its code: "2024", "2024-H1", "2024-Q3". */
    public static Kind ofPeriod(String code) {
      return code.contains("-H") ? HALF : code.contains("-Q") ? QUARTER : YEAR;
    }
  }

  /** One report's value for the item: its period and what it says. */
  public record Reported(String period, Kind kind, int order, BigDecimal number, String status) {
    boolean hasValue(MeasureType measure) {
      return measure == MeasureType.ACTIVITY ? status != null : number != null;
    }
  }

  /** A unit's figure for a year, and the reports it came from, in period order. */
  public record Figure(BigDecimal number, String status, List<String> sources) {
    /** The kind of report the figure came from (all its sources are of one kind). */
    public Kind kind() {
      return Kind.ofPeriod(sources.get(0));
    }
  }

  private NestingRule() {}

  private static final Kind[] KINDS = Kind.values();

  /**
   * Plain loops: an approval resolves each of ~50 items twice (approved, pending), mostly over no
   * report or one, and stream pipelines with a sort for each kind were a quarter of the rollup
   * write's CPU (docs/benchmarks.md).
   */
  public static Optional<Figure> resolve(MeasureType measure, List<Reported> reports) {
    if (reports.isEmpty()) {
      return Optional.empty();
    }
    for (Kind kind : KINDS) {
      List<Reported> these = new ArrayList<>(reports.size());
      for (Reported r : reports) {
        if (r.kind() == kind && r.hasValue(measure)) {
          these.add(r);
        }
      }
      if (these.isEmpty()) {
        continue;
      }
      if (these.size() > 1) {
        these.sort(Comparator.comparingInt(Reported::order)); // stable, as the stream's was
      }
      if (measure == MeasureType.COUNT) {
        BigDecimal sum = BigDecimal.ZERO;
        List<String> sources = new ArrayList<>(these.size());
        for (Reported r : these) {
          sum = sum.add(r.number());
          sources.add(r.period());
        }
        return Optional.of(new Figure(sum.stripTrailingZeros(), null, List.copyOf(sources)));
      }
      Reported latest = these.get(these.size() - 1);
      return Optional.of(
          new Figure(
              latest.number() == null ? null : latest.number().stripTrailingZeros(),
              latest.status(),
              List.of(latest.period())));
    }
    return Optional.empty();
  }
}
