package vn.lhpn.kehoach.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text helpers for Vietnamese. */
public final class Text {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private Text() {}

  /**
   * Folds text for search: no diacritics, đ/Đ as d, lower case, single spaces. "Thị trấn Hùng Sơn"
   * becomes "thi tran hung son".
   */
  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    String stripped = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
    return SPACES.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }
}
