package vn.lhpn.kehoach.plan;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The level of an item for one year, as printed and as understood: "2.500" is 2500, "01" is 1,
 * "0.5%" and "0,5%" are 0.5 percent, "x" means scheduled that year, "-" or nothing means not.
 */
public record YearLevel(String raw, Kind kind, BigDecimal value) {

  /** What a printed level says. {@code TEXT} is a value that could not be understood. */
  public enum Kind {
    NUMBER,
    PERCENT,
    SCHEDULED,
    NONE,
    TEXT;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Kind fromCode(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
  private static final Pattern INTEGER = Pattern.compile("\\d+");
  private static final Pattern DECIMAL = Pattern.compile("\\d+[.,]\\d+");

  public static YearLevel parse(String printed) {
    String raw = printed == null ? "" : printed.strip();
    String s = raw.replace(" ", "");
    if (s.isEmpty() || s.equals("-") || s.equals("–") || s.equals("—")) {
      return new YearLevel(raw, Kind.NONE, null);
    }
    if (s.equalsIgnoreCase("x")) {
      return new YearLevel(raw, Kind.SCHEDULED, null);
    }
    if (s.endsWith("%")) {
      String number = s.substring(0, s.length() - 1);
      if (INTEGER.matcher(number).matches() || DECIMAL.matcher(number).matches()) {
        return new YearLevel(
            raw, Kind.PERCENT, new BigDecimal(number.replace(',', '.')).stripTrailingZeros());
      }
      return new YearLevel(raw, Kind.TEXT, null);
    }
    if (THOUSANDS.matcher(s).matches()) {
      return new YearLevel(raw, Kind.NUMBER, new BigDecimal(s.replace(".", "")));
    }
    if (INTEGER.matcher(s).matches()) {
      return new YearLevel(raw, Kind.NUMBER, new BigDecimal(s));
    }
    if (DECIMAL.matcher(s).matches() && s.contains(",")) {
      return new YearLevel(raw, Kind.NUMBER, new BigDecimal(s.replace(',', '.')));
    }
    return new YearLevel(raw, Kind.TEXT, null);
  }
}
