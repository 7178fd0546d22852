package vn.lhpn.kehoach.emulation.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scoring table's rules as worked examples (docs/adr/0015). */
class ScoringRulesTest {
  static final ScoringRules.Table T =
      new ScoringRules.Table(List.of(), n("100"), n("0.1"), n("2"), n("0.5"), n("5"), n("10"));
  static final ScoringRules.Line TEN = new ScoringRules.Line("I-1.1", n("10"));

  static BigDecimal n(String s) {
    return new BigDecimal(s);
  }

  static ScoringRules.Figure count(String value, String target) {
    return new ScoringRules.Figure(
        "count", value == null ? null : n(value), null, target == null ? null : n(target), true);
  }

  @Test
  void shouldProrateBelowTheTargetAndAddACappedBonusAbove() {
    // 80 of 100: 8 of 10 points
    var below = ScoringRules.line(TEN, count("80", "100"), T);
    assertEquals(n("8.00"), below.score());
    assertEquals("chưa đạt", below.note());
    // 100 %: all 10, no bonus
    assertEquals(n("10.00"), ScoringRules.line(TEN, count("50", "50"), T).score());
    // 115 %: 10 + 15 × 0.1 = 11.5
    var above = ScoringRules.line(TEN, count("115", "100"), T);
    assertEquals(n("10.00"), above.base());
    assertEquals(n("1.50"), above.bonus());
    assertEquals(n("11.50"), above.score());
    // 400 %: the bonus is capped at 2
    assertEquals(n("12.00"), ScoringRules.line(TEN, count("400", "100"), T).score());
    // a third of the target: 3.33
    assertEquals(n("3.33"), ScoringRules.line(TEN, count("1", "3"), T).score());
  }

  @Test
  void shouldCountNothingForALineThatDoesNotApplyAndLoseItWhenNotReported() {
    var none = ScoringRules.line(TEN, count("5", null), T);
    assertEquals(BigDecimal.ZERO, none.max());
    assertEquals("không giao chỉ tiêu", none.note());
    var missing = ScoringRules.line(TEN, count(null, "10"), T);
    assertEquals(n("10"), missing.max());
    assertEquals(n("0.00"), missing.score());
    var off =
        ScoringRules.line(TEN, new ScoringRules.Figure("count", n("5"), null, n("5"), false), T);
    assertEquals(BigDecimal.ZERO, off.max());
  }

  @Test
  void shouldScoreATaskByItsState() {
    ScoringRules.Line five = new ScoringRules.Line("II-1", n("5"));
    var done = new ScoringRules.Figure("activity", null, "done", null, true);
    var going = new ScoringRules.Figure("activity", null, "in_progress", null, true);
    var not = new ScoringRules.Figure("activity", null, "not_done", null, true);
    var na = new ScoringRules.Figure("activity", null, "not_applicable", null, true);
    assertEquals(n("5.00"), ScoringRules.line(five, done, T).score());
    assertEquals(n("2.50"), ScoringRules.line(five, going, T).score());
    assertEquals(n("0.00"), ScoringRules.line(five, not, T).score());
    assertEquals(BigDecimal.ZERO, ScoringRules.line(five, na, T).max());
  }

  @Test
  void shouldGiveTheOnTimePointsOrNone() {
    assertEquals(n("5.00"), ScoringRules.onTime(true, T));
    assertEquals(n("0.00"), ScoringRules.onTime(false, T));
  }

  @Test
  void shouldShareARankBetweenEqualTotalsAndSayWithWhom() {
    var ranked =
        ScoringRules.rank(
            List.of(
                new ScoringRules.Entry("A", "Xã A", n("80")),
                new ScoringRules.Entry("B", "Xã B", n("90.5")),
                new ScoringRules.Entry("C", "Xã C", n("80.00")),
                new ScoringRules.Entry("D", "Xã D", n("70"))));
    assertEquals(List.of("B", "A", "C", "D"), ranked.stream().map(r -> r.unit()).toList());
    assertEquals(List.of(1, 2, 2, 4), ranked.stream().map(r -> r.rank()).toList());
    assertEquals(List.of("Xã C"), ranked.get(1).tiedWith());
    assertEquals(List.of("Xã A"), ranked.get(2).tiedWith());
    assertEquals(List.of(), ranked.get(0).tiedWith());
  }
}
