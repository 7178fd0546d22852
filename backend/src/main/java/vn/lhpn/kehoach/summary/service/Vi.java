package vn.lhpn.kehoach.summary.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.lhpn.kehoach.orgunit.OrgUnitType;

/**
 * Numbers, dates and words as a Vietnamese official document writes them: "2.500", "104,6 %", "ngày
 * 05 tháng 01 năm 2026", "toàn huyện". Fixed symbols, not the JVM's locale data, so a document
 * reads the same on every machine.
 */
public final class Vi {
  private Vi() {}

  /** Between a number and its "%": the two never part at a line end. */
  public static final String NBSP = "\u00a0";

  private static DecimalFormat format(String pattern) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
    symbols.setGroupingSeparator('.');
    symbols.setDecimalSeparator(',');
    DecimalFormat f = new DecimalFormat(pattern, symbols);
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f;
  }

  /** 2500 → "2.500"; 0.75 → "0,75" (at most two decimals). */
  public static String number(BigDecimal value) {
    return format("#,##0.##").format(value);
  }

  /** A ratio as a percentage with one decimal: 1.0457 → "104,6 %"; 1 → "100 %" (no-break space). */
  public static String percent(BigDecimal ratio) {
    BigDecimal p = ratio.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
    return (p.stripTrailingZeros().scale() <= 0 ? number(p) : format("#,##0.0").format(p))
        + NBSP
        + "%";
  }

  /** A value in its unit: "523 hộ", "0,5 %", or the number alone. */
  public static String amount(BigDecimal value, String unitWord) {
    if (unitWord == null || unitWord.isBlank()) {
      return number(value);
    }
    return number(value) + (unitWord.equals("%") ? NBSP + "%" : " " + unitWord);
  }

  /** "ngày 05 tháng 01 năm 2026": day below 10 and months 1 and 2 with a leading zero. */
  public static String date(LocalDate day) {
    String d = day.getDayOfMonth() < 10 ? "0" + day.getDayOfMonth() : "" + day.getDayOfMonth();
    String m = day.getMonthValue() < 3 ? "0" + day.getMonthValue() : "" + day.getMonthValue();
    return "ngày " + d + " tháng " + m + " năm " + day.getYear();
  }

  /** "29/11/2026". */
  public static String shortDate(LocalDate day) {
    return String.format(
        Locale.ROOT, "%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
  }

  /** The whole of a unit's area: "toàn tỉnh", "toàn huyện", "toàn xã"; "toàn đơn vị" otherwise. */
  public static String scope(OrgUnitType type) {
    return switch (type) {
      case CENTRAL -> "toàn quốc";
      case PROVINCE -> "toàn tỉnh";
      case CITY -> "toàn thành phố";
      case TOWN -> "toàn thị xã";
      case DISTRICT -> "toàn huyện";
      case WARD -> "toàn phường";
      case COMMUNE -> "toàn xã";
      case TOWNSHIP -> "toàn thị trấn";
      case AFFILIATED -> "toàn đơn vị";
    };
  }

  /** A unit's name without its type: "Huyện Phú Bình" → "Phú Bình" (the place of issue). */
  public static String placeName(String unitName) {
    for (String prefix :
        List.of("Thành phố ", "Thị xã ", "Thị trấn ", "Tỉnh ", "Huyện ", "Phường ", "Xã ")) {
      if (unitName.startsWith(prefix)) {
        return unitName.substring(prefix.length());
      }
    }
    return unitName;
  }

  /** The first letter in capitals: "toàn tỉnh" → "Toàn tỉnh". */
  public static String capitalize(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }

  /** "A, B và C". */
  public static String join(List<String> parts) {
    if (parts.size() <= 1) {
      return String.join("", parts);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1))
        + " và "
        + parts.get(parts.size() - 1);
  }

  /** Upper case for a letterhead: "Huyện Phú Bình" → "HUYỆN PHÚ BÌNH". */
  public static String upper(String text) {
    return text.toUpperCase(Locale.ROOT);
  }

  /** The initials of a body's name for a document symbol: "BAN THƯỜNG VỤ" → "BTV". */
  public static String initials(String body) {
    StringBuilder out = new StringBuilder();
    for (String word : body.strip().split("\\s+")) {
      if (!word.isEmpty()) {
        String first =
            Normalizer.normalize(word.substring(0, 1), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('đ', 'd')
                .replace('Đ', 'D');
        out.append(first.toUpperCase(Locale.ROOT));
      }
    }
    return out.toString();
  }
}
