package vn.lhpn.kehoach.summary.service;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.plan.Plan;

/**
 * The period a written report covers: the first half of a year (sơ kết 6 tháng), a year (tổng kết
 * năm) or the whole term (tổng kết nhiệm kỳ). Written "2025-H1", "2025" or "term".
 */
public record ReportPeriod(Kind kind, int year) {
  public enum Kind {
    HALF,
    YEAR,
    TERM
  }

  public static final String TERM = "term";
  private static final Pattern CODE = Pattern.compile("(\\d{4})(-H1)?");

  /** The period named by a code, within the plan's years; 400 naming the parameter otherwise. */
  public static ReportPeriod parse(String code, Plan plan) {
    if (code == null || code.isBlank()) {
      throw ApiException.invalid("period", Message.of("required"));
    }
    String c = code.strip();
    if (c.equals(TERM)) {
      return new ReportPeriod(Kind.TERM, plan.lastYear);
    }
    Matcher m = CODE.matcher(c);
    if (!m.matches()) {
      throw ApiException.invalid("period", Message.of("summary.period-shape"));
    }
    int year = Integer.parseInt(m.group(1));
    if (year < plan.firstYear || year > plan.lastYear) {
      throw ApiException.invalid(
          "period",
          Message.of("plan.year-outside", "first", plan.firstYear, "last", plan.lastYear));
    }
    return new ReportPeriod(m.group(2) == null ? Kind.YEAR : Kind.HALF, year);
  }

  public String code() {
    return switch (kind) {
      case HALF -> year + "-H1";
      case YEAR -> Integer.toString(year);
      case TERM -> TERM;
    };
  }

  /** The last day the report covers. */
  public LocalDate endsOn() {
    return kind == Kind.HALF ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
  }
}
