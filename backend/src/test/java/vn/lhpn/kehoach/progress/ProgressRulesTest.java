package vn.lhpn.kehoach.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.TermRule;
import vn.lhpn.kehoach.progress.service.NestingRule;
import vn.lhpn.kehoach.progress.service.NestingRule.Kind;
import vn.lhpn.kehoach.progress.service.NestingRule.Reported;
import vn.lhpn.kehoach.progress.service.ProgressRules;
import vn.lhpn.kehoach.progress.service.ProgressRules.Year;

/** The arithmetic of progress without a database: nesting, ratios, states and verdicts. */
class ProgressRulesTest {
  static Reported n(String period, Kind kind, int order, int number) {
    return new Reported(period, kind, order, BigDecimal.valueOf(number), null);
  }

  static BigDecimal d(String v) {
    return new BigDecimal(v);
  }

  static void same(String expected, BigDecimal actual) {
    assertEquals(0, d(expected).compareTo(actual), expected + " vs " + actual);
  }

  @Test
  void shouldTakeTheYearReportElseAddTheHalvesElseTheQuarters() {
    var halves = List.of(n("2023-H1", Kind.HALF, 1, 3), n("2023-H2", Kind.HALF, 2, 4));
    same("7", NestingRule.resolve(MeasureType.COUNT, halves).orElseThrow().number());
    var withYear = new java.util.ArrayList<>(halves);
    withYear.add(n("2023", Kind.YEAR, 0, 9));
    var figure = NestingRule.resolve(MeasureType.COUNT, withYear).orElseThrow();
    same("9", figure.number());
    assertEquals(List.of("2023"), figure.sources());
    var quarters = List.of(n("2023-Q1", Kind.QUARTER, 1, 1), n("2023-Q2", Kind.QUARTER, 2, 2));
    same("3", NestingRule.resolve(MeasureType.COUNT, quarters).orElseThrow().number());
    assertEquals(true, NestingRule.resolve(MeasureType.COUNT, List.of()).isEmpty());
  }

  @Test
  void shouldTakeTheLatestPercentageOrStatusNeverTheirSum() {
    var rates = List.of(n("2023-H2", Kind.HALF, 2, 70), n("2023-H1", Kind.HALF, 1, 40));
    var figure = NestingRule.resolve(MeasureType.PERCENTAGE, rates).orElseThrow();
    same("70", figure.number());
    assertEquals(List.of("2023-H2"), figure.sources());
    var statuses =
        List.of(
            new Reported("2023-H1", Kind.HALF, 1, null, "in_progress"),
            new Reported("2023-H2", Kind.HALF, 2, null, "done"));
    assertEquals(
        "done", NestingRule.resolve(MeasureType.ACTIVITY, statuses).orElseThrow().status());
  }

  @Test
  void shouldJudgeAYearAgainstTheShareOfItGoneBy() {
    BigDecimal half = ProgressRules.pace(2026, LocalDate.of(2026, 7, 2));
    assertEquals("on-track", ProgressRules.state(d("0.55"), true, half));
    assertEquals("ahead", ProgressRules.state(d("0.70"), true, half));
    assertEquals("behind", ProgressRules.state(d("0.30"), true, half));
    assertEquals("no-target", ProgressRules.state(null, false, half));
    assertEquals(BigDecimal.ONE, ProgressRules.pace(2023, LocalDate.of(2026, 1, 1)));
    assertEquals("behind", ProgressRules.state(d("0.99"), true, BigDecimal.ONE));
  }

  @Test
  void shouldGiveTheVerdictsOfTheTermByRule() {
    var years =
        List.of(
            new Year(2022, d("500"), d("520")),
            new Year(2023, d("500"), d("480")),
            new Year(2024, d("500"), d("510")));
    var sum = ProgressRules.assess(TermRule.SUM, years);
    same("1500", sum.planned());
    same("1510", sum.achieved());
    assertEquals("exceeded", sum.verdict());
    assertEquals("not-met", ProgressRules.assess(TermRule.EACH, years).verdict());
    assertEquals("exceeded", ProgressRules.assess(TermRule.LAST, years).verdict());
    var exact = List.of(new Year(2026, d("100"), d("100")));
    assertEquals("met", ProgressRules.assess(TermRule.LAST, exact).verdict());
    assertEquals("no-data", ProgressRules.assess(TermRule.SUM, List.of()).verdict());
    assertEquals("met", ProgressRules.assessActivity(10, 10).verdict());
    assertEquals("not-met", ProgressRules.assessActivity(10, 9).verdict());
    assertEquals("not-met", ProgressRules.groupVerdict(List.of("exceeded", "not-met")));
    assertEquals("met", ProgressRules.groupVerdict(List.of("exceeded", "met", "no-data")));
    assertEquals("exceeded", ProgressRules.groupVerdict(List.of("exceeded")));
  }

  @Test
  void shouldProposeTheTermRuleFromTheWording() {
    assertEquals(
        TermRule.SUM,
        TermRule.propose("Mỗi năm tăng từ 1.000 hội viên trở lên", MeasureType.COUNT));
    assertEquals(
        TermRule.LAST,
        TermRule.propose(
            "Đến cuối nhiệm kỳ, 100% cán bộ Hội chuyên trách sử dụng thành thạo",
            MeasureType.PERCENTAGE));
    assertEquals(
        TermRule.EACH,
        TermRule.propose("Hàng năm, 100% cơ sở Hội có tỷ lệ thu hút", MeasureType.PERCENTAGE));
  }
}
