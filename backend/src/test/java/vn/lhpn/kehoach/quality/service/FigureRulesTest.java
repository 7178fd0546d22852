package vn.lhpn.kehoach.quality.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three checks of a reported number as pure rules (docs/adr/0014). */
class FigureRulesTest {
  static final FigureRules.Thresholds T = FigureRules.Thresholds.DEFAULT;

  static BigDecimal n(String s) {
    return new BigDecimal(s);
  }

  static FigureRules.Peers communes(double... values) {
    return new FigureRules.Peers("xã", "communes", values);
  }

  @Test
  void shouldSayHowManyTimesLastYearInTheReviewersWords() {
    var flag = FigureRules.history(n("480"), n("40"), n("5")).orElseThrow();
    assertEquals("gấp 12 lần năm trước (40)", flag.reasonVi());
    assertEquals("12 times last year's (40)", flag.reasonEn());
    assertEquals(n("12"), flag.params().get("times"));
    // below the ratio: nothing; a fall as steep: flagged the other way
    assertTrue(FigureRules.history(n("190"), n("40"), n("5")).isEmpty());
    assertEquals(
        "chỉ bằng 5 % năm trước (1.500)",
        FigureRules.history(n("75"), n("1500"), n("5")).orElseThrow().reasonVi());
    assertEquals(
        "gấp 5,5 lần năm trước (2)",
        FigureRules.history(n("11"), n("2"), n("5")).orElseThrow().reasonVi());
    // nothing to compare with: no last year, a zero on either side, the check turned off
    assertTrue(FigureRules.history(n("480"), null, n("5")).isEmpty());
    assertTrue(FigureRules.history(n("480"), n("0"), n("5")).isEmpty());
    assertTrue(FigureRules.history(n("0"), n("40"), n("5")).isEmpty());
    assertTrue(FigureRules.history(n("480"), n("40"), null).isEmpty());
  }

  @Test
  void shouldFlagAValueFarAboveItsTarget() {
    var flag = FigureRules.target(n("40"), n("5"), n("300")).orElseThrow();
    assertEquals("vượt 800 % chỉ tiêu (5)", flag.reasonVi());
    assertEquals("800 % of the target (5)", flag.reasonEn());
    assertTrue(FigureRules.target(n("14.9"), n("5"), n("300")).isEmpty());
    assertTrue(FigureRules.target(n("15"), n("5"), n("300")).isPresent(), "at the threshold");
    assertTrue(FigureRules.target(n("40"), null, n("300")).isEmpty());
    assertTrue(FigureRules.target(n("40"), n("0"), n("300")).isEmpty());
  }

  @Test
  void shouldComputeTheModifiedZScoreOfIglewiczAndHoaglin() {
    double[] values = {2, 3, 3, 4, 5, 5, 6, 40};
    // median 4.5; absolute deviations 2.5 1.5 1.5 .5 .5 .5 1.5 35.5 → MAD 1.5
    assertEquals(0.6745 * (40 - 4.5) / 1.5, FigureRules.modifiedZ(40, values), 1e-9);
    assertEquals(0.6745 * (2 - 4.5) / 1.5, FigureRules.modifiedZ(2, values), 1e-9);
    // more than half equal (MAD 0): the mean absolute deviation, scaled
    double[] flat = {0, 0, 0, 0, 0, 0, 0, 16};
    assertEquals(16 / (1.253314 * 2.0), FigureRules.modifiedZ(16, flat), 1e-9);
    assertTrue(Double.isNaN(FigureRules.modifiedZ(3, new double[] {3, 3, 3, 3})));
  }

  @Test
  void shouldNameTheHighestAndTheLowestOfTheSimilarUnits() {
    var peers = communes(10, 11, 12, 12, 13, 14, 15, 95);
    var high = FigureRules.peers(n("95"), peers, n("3.5"), 8).orElseThrow();
    assertEquals("cao nhất trong 8 xã (trung vị 12,5)", high.reasonVi());
    assertEquals("the highest of 8 communes (median 12.5)", high.reasonEn());
    assertEquals(8, high.params().get("units"));
    var low = FigureRules.peers(n("0"), communes(0, 40, 41, 42, 42, 43, 44, 45), n("3.5"), 8);
    assertEquals("thấp nhất trong 8 xã (trung vị 42)", low.orElseThrow().reasonVi());
    // two far values: the lower of them is "unusually high", not the highest
    var two = communes(10, 11, 12, 12, 13, 14, 90, 95);
    assertEquals(
        "cao bất thường so với 8 xã (trung vị 12,5)",
        FigureRules.peers(n("90"), two, n("3.5"), 8).orElseThrow().reasonVi());
    // an ordinary value, too few units, the check turned off
    assertTrue(FigureRules.peers(n("13"), peers, n("3.5"), 8).isEmpty());
    assertTrue(FigureRules.peers(n("95"), peers, n("3.5"), 9).isEmpty());
    assertTrue(FigureRules.peers(n("95"), peers, null, 8).isEmpty());
  }

  @Test
  void shouldGiveEveryFlagOfAValueAndNoneForAnOrdinaryOne() {
    var peers = communes(10, 11, 12, 12, 13, 14, 15, 480);
    List<FigureRules.Flag> flags = FigureRules.check(n("480"), n("40"), n("50"), peers, T);
    assertEquals(List.of("history", "target", "peers"), flags.stream().map(f -> f.rule()).toList());
    assertEquals(List.of(), FigureRules.check(n("12"), n("11"), n("12"), peers, T));
    assertEquals(List.of(), FigureRules.check(null, n("11"), n("12"), peers, T));
    var off = new FigureRules.Thresholds(null, null, null, 8);
    assertEquals(List.of(), FigureRules.check(n("480"), n("40"), n("50"), peers, off));
  }
}
