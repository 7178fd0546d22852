package vn.lhpn.kehoach.quality.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The three checks of a reported number, as pure rules (docs/adr/0014): against the unit's own
 * value of the same period last year, against the unit's target of the year, and against the same
 * value of similar units (same tier, same province, same period) by a modified z-score. Each flag
 * says why in words a reviewer reads ("gấp 12 lần năm trước", "vượt 800 % chỉ tiêu", "cao nhất
 * trong 92 xã"), with its numbers as parameters.
 */
public final class FigureRules {
  private FigureRules() {}

  /** The constant that makes the median absolute deviation comparable to a standard deviation. */
  static final double MAD_SCALE = 0.6745;

  /** The same for the mean absolute deviation, used when more than half the values are equal. */
  static final double MEAN_AD_SCALE = 1.253314;

  /** The thresholds of a plan; a null threshold turns its check off. */
  public record Thresholds(
      BigDecimal historyRatio, BigDecimal targetPercent, BigDecimal peerScore, int peerMinimum) {
    /**
     * The defaults: 5 times last year (or a fifth of it), 300 % of the target, a modified z-score
     * of 3.5 (Iglewicz and Hoaglin's cut-off) among at least 8 similar units.
     */
    public static final Thresholds DEFAULT =
        new Thresholds(new BigDecimal("5"), new BigDecimal("300"), new BigDecimal("3.5"), 8);
  }

  /** Why a value is flagged: the check, the reason in both languages, the numbers behind it. */
  public record Flag(String rule, String reasonVi, String reasonEn, Map<String, Object> params) {}

  /** The values of one item and period of the similar units, this unit's included. */
  public record Peers(String tierWord, String tierWordEn, double[] values) {
    public Peers {
      values = values.clone();
      Arrays.sort(values);
    }

    public int count() {
      return values.length;
    }

    public double median() {
      return median(values);
    }

    static double median(double[] sorted) {
      int n = sorted.length;
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
  }

  /** Every flag of one number; none when it looks like the unit, its target and its peers. */
  public static List<Flag> check(
      BigDecimal value, BigDecimal lastYear, BigDecimal target, Peers peers, Thresholds t) {
    List<Flag> flags = new ArrayList<>();
    if (value == null) {
      return flags;
    }
    history(value, lastYear, t.historyRatio()).ifPresent(flags::add);
    target(value, target, t.targetPercent()).ifPresent(flags::add);
    peers(value, peers, t.peerScore(), t.peerMinimum()).ifPresent(flags::add);
    return flags;
  }

  static java.util.Optional<Flag> history(BigDecimal value, BigDecimal lastYear, BigDecimal ratio) {
    if (ratio == null || lastYear == null || lastYear.signum() == 0 || value.signum() == 0) {
      return java.util.Optional.empty();
    }
    double times = value.doubleValue() / lastYear.doubleValue();
    Map<String, Object> params = params("value", value, "lastYear", lastYear);
    if (times >= ratio.doubleValue()) {
      params.put("times", round(times));
      String k = vi(round(times));
      return java.util.Optional.of(
          new Flag(
              "history",
              "gấp " + k + " lần năm trước (" + vi(lastYear) + ")",
              en(round(times)) + " times last year's (" + en(lastYear) + ")",
              params));
    }
    if (1 / times >= ratio.doubleValue()) {
      BigDecimal percent = round(times * 100);
      params.put("percent", percent);
      return java.util.Optional.of(
          new Flag(
              "history",
              "chỉ bằng " + vi(percent) + " % năm trước (" + vi(lastYear) + ")",
              "only " + en(percent) + " % of last year's (" + en(lastYear) + ")",
              params));
    }
    return java.util.Optional.empty();
  }

  static java.util.Optional<Flag> target(BigDecimal value, BigDecimal target, BigDecimal percent) {
    if (percent == null || target == null || target.signum() == 0) {
      return java.util.Optional.empty();
    }
    double share = value.doubleValue() / target.doubleValue() * 100;
    if (share < percent.doubleValue()) {
      return java.util.Optional.empty();
    }
    BigDecimal p = round(share);
    Map<String, Object> params = params("value", value, "target", target);
    params.put("percent", p);
    return java.util.Optional.of(
        new Flag(
            "target",
            "vượt " + vi(p) + " % chỉ tiêu (" + vi(target) + ")",
            en(p) + " % of the target (" + en(target) + ")",
            params));
  }

  static java.util.Optional<Flag> peers(
      BigDecimal value, Peers peers, BigDecimal score, int minimum) {
    if (score == null || peers == null || peers.count() < minimum) {
      return java.util.Optional.empty();
    }
    double x = value.doubleValue();
    double z = modifiedZ(x, peers.values());
    if (Double.isNaN(z) || Math.abs(z) < score.doubleValue()) {
      return java.util.Optional.empty();
    }
    double[] v = peers.values();
    int n = peers.count();
    BigDecimal median = oneDecimal(peers.median());
    Map<String, Object> params = params("value", value, "median", median);
    params.put("score", oneDecimal(z));
    params.put("units", n);
    String vi;
    String en;
    if (z > 0 && x >= v[n - 1]) {
      vi = "cao nhất trong " + n + " " + peers.tierWord();
      en = "the highest of " + n + " " + peers.tierWordEn();
    } else if (z < 0 && x <= v[0]) {
      vi = "thấp nhất trong " + n + " " + peers.tierWord();
      en = "the lowest of " + n + " " + peers.tierWordEn();
    } else {
      vi = (z > 0 ? "cao" : "thấp") + " bất thường so với " + n + " " + peers.tierWord();
      en = "unusually " + (z > 0 ? "high" : "low") + " among " + n + " " + peers.tierWordEn();
    }
    return java.util.Optional.of(
        new Flag(
            "peers",
            vi + " (trung vị " + vi(median) + ")",
            en + " (median " + en(median) + ")",
            params));
  }

  /**
   * Iglewicz and Hoaglin's modified z-score of x among values: 0.6745 (x − median) / MAD; when more
   * than half the values are equal (MAD 0), the mean absolute deviation scaled by 1.253314 instead;
   * NaN when every value is the same.
   */
  static double modifiedZ(double x, double[] sortedValues) {
    double median = Peers.median(sortedValues);
    double[] deviations = new double[sortedValues.length];
    double sum = 0;
    for (int i = 0; i < sortedValues.length; i++) {
      deviations[i] = Math.abs(sortedValues[i] - median);
      sum += deviations[i];
    }
    Arrays.sort(deviations);
    double mad = Peers.median(deviations);
    if (mad > 0) {
      return MAD_SCALE * (x - median) / mad;
    }
    double meanAd = sum / sortedValues.length;
    return meanAd > 0 ? (x - median) / (MEAN_AD_SCALE * meanAd) : Double.NaN;
  }

  /** The word for units of a tier, as the reviewer counts them: tỉnh, huyện, xã. */
  public static String tierWord(int tier, boolean english) {
    return switch (tier) {
      case 1 -> english ? "provinces" : "tỉnh";
      case 2 -> english ? "districts" : "huyện";
      default -> english ? "communes" : "xã";
    };
  }

  private static Map<String, Object> params(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(k1, v1);
    m.put(k2, v2);
    return m;
  }

  /** One decimal below 10, whole numbers above: "2,5 lần", "12 lần", "800 %". */
  static BigDecimal round(double d) {
    BigDecimal b = BigDecimal.valueOf(d);
    return (Math.abs(d) < 10
            ? b.setScale(1, RoundingMode.HALF_UP)
            : b.setScale(0, RoundingMode.HALF_UP))
        .stripTrailingZeros();
  }

  static BigDecimal oneDecimal(double d) {
    return BigDecimal.valueOf(d).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  static String vi(BigDecimal b) {
    return format(b, new Locale("vi", "VN"));
  }

  static String en(BigDecimal b) {
    return format(b, Locale.ENGLISH);
  }

  private static String format(BigDecimal b, Locale locale) {
    DecimalFormat f = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(locale));
    return f.format(b);
  }
}
