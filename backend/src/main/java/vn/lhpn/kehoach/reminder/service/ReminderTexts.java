package vn.lhpn.kehoach.reminder.service;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The words of the reminders, in Vietnamese as the union writes them: the period in words ("quý IV
 * năm 2026", "6 tháng đầu năm 2025"), dates as dd/mm/yyyy.
 */
public final class ReminderTexts {
  private ReminderTexts() {}

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final String[] ROMAN = {"I", "II", "III", "IV"};
  static final String FOOTER =
      "\n\n--\nThư tự động của hệ thống Kế hoạch toàn khóa, Hội LHPN. Tắt thư nhắc: Tài khoản →"
          + " Nhận thư nhắc.";

  /** "năm 2026", "6 tháng đầu năm 2025", "6 tháng cuối năm 2025", "quý IV năm 2026". */
  public static String periodWords(String kind, int year, Integer number) {
    return switch (kind) {
      case "half" -> (number == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + year;
      case "quarter" -> "quý " + ROMAN[number - 1] + " năm " + year;
      default -> "năm " + year;
    };
  }

  public static String day(LocalDate day) {
    return DAY.format(day);
  }

  /** What a period is, in words, for a notice. */
  public record About(String periodWords, LocalDate due, String planNumber) {}

  /** "còn 7 ngày", "hạn hôm nay", "quá hạn 8 ngày". */
  static String when(LocalDate due, LocalDate today) {
    long left = ChronoUnit.DAYS.between(today, due);
    if (left > 0) {
      return "còn " + left + " ngày";
    }
    return left == 0 ? "hạn là hôm nay" : "đã quá hạn " + (-left) + " ngày";
  }

  /** A unit's report: where it stands. */
  public record Report(
      String unitName, int filled, int applicable, boolean returned, String returnReason) {}

  public static String reportTitle(About a, Report r, LocalDate today) {
    return "Báo cáo "
        + a.periodWords()
        + " của "
        + r.unitName()
        + ": hạn "
        + day(a.due())
        + ", "
        + when(a.due(), today);
  }

  public static String reportBody(About a, Report r, LocalDate today, String greeting) {
    StringBuilder b = new StringBuilder();
    b.append("Kính gửi đồng chí ").append(greeting).append(",\n\n");
    b.append("Báo cáo kết quả thực hiện Kế hoạch số ")
        .append(a.planNumber())
        .append(", kỳ ")
        .append(a.periodWords())
        .append(", của ")
        .append(r.unitName())
        .append(" có hạn nộp ngày ")
        .append(day(a.due()))
        .append(" (")
        .append(when(a.due(), today))
        .append(") và chưa được gửi lên cấp trên.\n");
    b.append("Đã nhập ")
        .append(r.filled())
        .append("/")
        .append(r.applicable())
        .append(" chỉ tiêu, nhiệm vụ.");
    if (r.returned()) {
      b.append("\nBáo cáo đã bị cấp trên trả lại");
      if (r.returnReason() != null && !r.returnReason().isBlank()) {
        b.append(": ").append(r.returnReason().strip());
      }
      b.append(".");
    }
    return b.toString();
  }

  /** What waits for a reviewer unit and who is late below it. */
  public record Digest(
      String unitName, int waiting, List<String> late, List<String> notSubmitted, int expected) {}

  public static String reviewTitle(About a, Digest d) {
    StringBuilder t = new StringBuilder("Báo cáo " + a.periodWords() + ": ");
    t.append(d.waiting()).append(" chờ duyệt");
    if (!d.late().isEmpty()) {
      t.append(", ").append(d.late().size()).append(" đơn vị quá hạn");
    } else if (!d.notSubmitted().isEmpty()) {
      t.append(", ").append(d.notSubmitted().size()).append(" đơn vị chưa nộp");
    }
    return t.toString();
  }

  public static String reviewBody(About a, Digest d, LocalDate today, String greeting) {
    StringBuilder b = new StringBuilder();
    b.append("Kính gửi đồng chí ").append(greeting).append(",\n\n");
    b.append("Báo cáo kỳ ")
        .append(a.periodWords())
        .append(" của các đơn vị thuộc ")
        .append(d.unitName())
        .append(" (hạn ")
        .append(day(a.due()))
        .append(", ")
        .append(when(a.due(), today))
        .append("):\n");
    b.append("- Chờ đồng chí duyệt: ").append(d.waiting()).append(" báo cáo\n");
    if (!d.late().isEmpty()) {
      b.append("- Quá hạn, chưa nộp (")
          .append(d.late().size())
          .append("): ")
          .append(names(d.late()))
          .append("\n");
    } else {
      b.append("- Chưa nộp: ")
          .append(d.notSubmitted().size())
          .append("/")
          .append(d.expected())
          .append(" đơn vị")
          .append(d.notSubmitted().isEmpty() ? "" : " (" + names(d.notSubmitted()) + ")")
          .append("\n");
    }
    return b.toString();
  }

  private static String names(List<String> units) {
    int shown = Math.min(units.size(), 20);
    String list = String.join(", ", units.subList(0, shown));
    return shown < units.size() ? list + " và " + (units.size() - shown) + " đơn vị khác" : list;
  }

  /** The mail: the notice's words, the link, the footer. */
  public static String mailBody(String body, String url) {
    return body + "\n\nMở trên hệ thống: " + url + FOOTER;
  }
}
