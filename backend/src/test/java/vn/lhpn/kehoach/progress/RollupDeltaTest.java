package vn.lhpn.kehoach.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.progress.service.NestingRule.Figure;
import vn.lhpn.kehoach.progress.service.RollupDelta;
import vn.lhpn.kehoach.progress.service.RollupDelta.UnitFigures;

/** How a change of one unit's figures moves the rollups above it, without a database. */
class RollupDeltaTest {
  static Figure count(String number, String... sources) {
    return new Figure(new BigDecimal(number), null, List.of(sources));
  }

  static Figure status(String status, String... sources) {
    return new Figure(null, status, List.of(sources));
  }

  static RollupDelta delta(
      String sum, int units, String pendingSum, int pendingUnits, int year, int halves, int q) {
    return new RollupDelta(
        new BigDecimal(sum),
        units,
        0,
        0,
        0,
        0,
        new BigDecimal(pendingSum),
        pendingUnits,
        year,
        halves,
        q);
  }

  @Test
  void shouldAddAUnitsFirstApprovedFigureWithTheKindOfReportItCameFrom() {
    var after = new UnitFigures(count("7", "2025-H1", "2025-H2"), null);
    assertEquals(
        delta("7", 1, "0", 0, 0, 1, 0),
        RollupDelta.between(MeasureType.COUNT, UnitFigures.NONE, after));
  }

  @Test
  void shouldMoveAFigureFromPendingToApprovedWithoutCountingTheUnitTwice() {
    var before = new UnitFigures(null, count("5", "2025"));
    var after = new UnitFigures(count("5", "2025"), null);
    assertEquals(
        delta("5", 1, "-5", -1, 1, 0, 0), RollupDelta.between(MeasureType.COUNT, before, after));
  }

  @Test
  void shouldTakeTheOldFigureAwayWhenAYearReportReplacesTheQuarters() {
    var before = new UnitFigures(count("3", "2025-Q1", "2025-Q2"), null);
    var after = new UnitFigures(count("9", "2025"), null);
    assertEquals(
        delta("6", 0, "0", 0, 1, 0, -1), RollupDelta.between(MeasureType.COUNT, before, after));
  }

  @Test
  void shouldCountActivitiesByStatusAndAnActivityWithoutStatusAsNotReported() {
    var before = new UnitFigures(status("in_progress", "2025"), null);
    var after = new UnitFigures(status("done", "2025"), null);
    RollupDelta d = RollupDelta.between(MeasureType.ACTIVITY, before, after);
    assertEquals(1, d.done());
    assertEquals(-1, d.inProgress());
    assertEquals(0, d.units());
    var noStatus = new UnitFigures(status(null, "2025"), null);
    assertEquals(
        RollupDelta.ZERO, RollupDelta.of(MeasureType.ACTIVITY, noStatus).minus(RollupDelta.ZERO));
    var na = RollupDelta.of(MeasureType.ACTIVITY, new UnitFigures(status("na", "2025"), null));
    assertEquals(1, na.na());
    assertEquals(1, na.units());
  }

  @Test
  void shouldAddUpToTheRowsOfEveryUnitBelowAndBackToZeroWhenTakenAway() {
    var a = RollupDelta.of(MeasureType.PERCENTAGE, new UnitFigures(count("80", "2025"), null));
    var b =
        RollupDelta.of(
            MeasureType.PERCENTAGE, new UnitFigures(count("90", "2025-H1"), count("1", "2025")));
    RollupDelta both = a.plus(b);
    assertEquals(0, new BigDecimal("170").compareTo(both.sum()));
    assertEquals(2, both.units());
    assertEquals(1, both.pendingUnits());
    assertEquals(RollupDelta.ZERO, both.minus(b).minus(a));
  }

  @Test
  void shouldNotMoveAnythingWhenNothingChanged() {
    var same = new UnitFigures(count("4", "2025"), count("6", "2025-H2"));
    assertEquals(RollupDelta.ZERO, RollupDelta.between(MeasureType.COUNT, same, same));
  }

  @Test
  void shouldReadStoredFiguresAsTheWriterResolvedThem() {
    // unit_year_value's columns: no sources, no figure; sources joined by commas
    assertEquals(UnitFigures.NONE, UnitFigures.of(null, null, null, null, null, null));
    var stored =
        UnitFigures.of(new BigDecimal("12.500"), null, "2025-Q1,2025-Q2", null, null, null);
    assertEquals(
        new UnitFigures(count("12.5", "2025-Q1", "2025-Q2"), null),
        stored,
        "the number in its shortest form, the sources in order");
    assertEquals(1, RollupDelta.of(MeasureType.COUNT, stored).fromQuarters());
  }

  @Test
  void shouldGiveSumsInTheirShortestForm() {
    var half = RollupDelta.of(MeasureType.COUNT, new UnitFigures(count("1.5", "2025"), null));
    var other = RollupDelta.of(MeasureType.COUNT, new UnitFigures(count("0.5", "2025"), null));
    assertEquals("2.0", half.plus(other).sum().toPlainString());
    assertEquals("2", half.plus(other).stripped().sum().toPlainString());
    assertEquals(half.plus(other).units(), half.plus(other).stripped().units());
  }
}
