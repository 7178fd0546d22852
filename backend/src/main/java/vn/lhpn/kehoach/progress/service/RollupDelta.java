package vn.lhpn.kehoach.progress.service;

import java.math.BigDecimal;
import java.util.List;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.progress.dto.ProgressDtos;
import vn.lhpn.kehoach.progress.service.NestingRule.Figure;
import vn.lhpn.kehoach.progress.service.NestingRule.Kind;

/**
 * What one unit's figures for one item add to every rollup above it (docs/adr/0009), or, added up
 * with {@link #plus}, what a rollup row holds (as {@link ProgressContext#rollups} reads it): the
 * approved sum and the units that reported, activities by status, the pending sum and units, and
 * how many figures came from a year report, from halves or from quarters. Pure arithmetic: no
 * database, no state.
 */
public record RollupDelta(
    BigDecimal sum,
    int units,
    int done,
    int inProgress,
    int notDone,
    int na,
    BigDecimal pendingSum,
    int pendingUnits,
    int fromYear,
    int fromHalves,
    int fromQuarters) {

  public static final RollupDelta ZERO =
      new RollupDelta(BigDecimal.ZERO, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0);

  /** A unit's own figures for an item: the approved one and the one still pending, if any. */
  public record UnitFigures(Figure approved, Figure pending) {
    public static final UnitFigures NONE = new UnitFigures(null, null);

    /**
     * The figures as {@code unit_year_value} stores them: number, status and sources (period codes
     * joined by commas; none when there is no figure) of the approved one, then of the pending one.
     */
    public static UnitFigures of(
        BigDecimal approvedNumber,
        String approvedStatus,
        String approvedSources,
        BigDecimal pendingNumber,
        String pendingStatus,
        String pendingSources) {
      return new UnitFigures(
          figure(approvedNumber, approvedStatus, approvedSources),
          figure(pendingNumber, pendingStatus, pendingSources));
    }

    private static Figure figure(BigDecimal number, String status, String sources) {
      if (sources == null) {
        return null;
      }
      return new Figure(
          number == null ? null : number.stripTrailingZeros(), status, List.of(sources.split(",")));
    }
  }

  /** How a rollup moves when a unit's figures change from {@code before} to {@code after}. */
  public static RollupDelta between(MeasureType measure, UnitFigures before, UnitFigures after) {
    return of(measure, after).minus(of(measure, before));
  }

  /** What a unit's figures add to a rollup on their own. */
  public static RollupDelta of(MeasureType measure, UnitFigures figures) {
    Figure a = figures.approved();
    Figure p = figures.pending();
    boolean activity = measure == MeasureType.ACTIVITY;
    String status = activity && a != null ? a.status() : null;
    Kind kind = counts(measure, a) ? a.kind() : null;
    return new RollupDelta(
        number(a),
        counts(measure, a) ? 1 : 0,
        "done".equals(status) ? 1 : 0,
        "in_progress".equals(status) ? 1 : 0,
        "not_done".equals(status) ? 1 : 0,
        status != null
                && !status.equals("done")
                && !status.equals("in_progress")
                && !status.equals("not_done")
            ? 1
            : 0,
        number(p),
        counts(measure, p) ? 1 : 0,
        kind == Kind.YEAR ? 1 : 0,
        kind == Kind.HALF ? 1 : 0,
        kind == Kind.QUARTER ? 1 : 0);
  }

  /** How many of the units' figures came from a year report, from halves, from quarters. */
  public ProgressDtos.Sources sources() {
    return new ProgressDtos.Sources(fromYear, fromHalves, fromQuarters);
  }

  public RollupDelta plus(RollupDelta o) {
    return new RollupDelta(
        sum.add(o.sum),
        units + o.units,
        done + o.done,
        inProgress + o.inProgress,
        notDone + o.notDone,
        na + o.na,
        pendingSum.add(o.pendingSum),
        pendingUnits + o.pendingUnits,
        fromYear + o.fromYear,
        fromHalves + o.fromHalves,
        fromQuarters + o.fromQuarters);
  }

  /** The same with its sums in their shortest form (2.0 as 2), as the database's sums were read. */
  public RollupDelta stripped() {
    return new RollupDelta(
        sum.stripTrailingZeros(),
        units,
        done,
        inProgress,
        notDone,
        na,
        pendingSum.stripTrailingZeros(),
        pendingUnits,
        fromYear,
        fromHalves,
        fromQuarters);
  }

  public RollupDelta minus(RollupDelta o) {
    return new RollupDelta(
        sum.subtract(o.sum),
        units - o.units,
        done - o.done,
        inProgress - o.inProgress,
        notDone - o.notDone,
        na - o.na,
        pendingSum.subtract(o.pendingSum),
        pendingUnits - o.pendingUnits,
        fromYear - o.fromYear,
        fromHalves - o.fromHalves,
        fromQuarters - o.fromQuarters);
  }

  private static BigDecimal number(Figure f) {
    return f == null || f.number() == null ? BigDecimal.ZERO : f.number();
  }

  /**
   * A figure counts as a unit that reported: any figure of a count or rate, a status of an
   * activity.
   */
  private static boolean counts(MeasureType measure, Figure f) {
    if (f == null) {
      return false;
    }
    return measure != MeasureType.ACTIVITY || f.status() != null;
  }
}
