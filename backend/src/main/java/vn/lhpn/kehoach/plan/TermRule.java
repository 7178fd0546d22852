package vn.lhpn.kehoach.plan;

import java.util.Locale;
import java.util.regex.Pattern;
import vn.lhpn.kehoach.common.Text;

/**
 * How an item is judged over the whole term (docs/adr/0005): the sum of the years ("mỗi năm tăng
 * 1.000 hội viên": 5.000 over the term), the last year ("đến cuối nhiệm kỳ 100%…"), or each year
 * met ("hàng năm, 100% cơ sở Hội…": every year counts).
 */
public enum TermRule {
  SUM,
  LAST,
  EACH;

  private static final Pattern BY_THE_END =
      Pattern.compile("den cuoi nhiem ky|den het nhiem ky|den nam 20\\d\\d|phan dau den");
  private static final Pattern EVERY_YEAR = Pattern.compile("hang nam|moi nam");

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TermRule fromCode(String code) {
    return valueOf(code.strip().toUpperCase(Locale.ROOT));
  }

  /**
   * The rule the wording suggests: "đến cuối nhiệm kỳ…" is judged on the last year; a count adds up
   * over the years; a percentage "hàng năm" must be met each year, otherwise by the end; an
   * activity each year it is due.
   */
  public static TermRule propose(String title, MeasureType measure) {
    String text = Text.fold(title == null ? "" : title);
    if (BY_THE_END.matcher(text).find() && measure != MeasureType.ACTIVITY) {
      return LAST;
    }
    if (measure == MeasureType.COUNT) {
      return SUM;
    }
    if (measure == MeasureType.PERCENTAGE) {
      return EVERY_YEAR.matcher(text).find() ? EACH : LAST;
    }
    return EACH;
  }
}
