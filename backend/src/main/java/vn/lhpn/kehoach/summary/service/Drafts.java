package vn.lhpn.kehoach.summary.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.TermRule;
import vn.lhpn.kehoach.summary.service.Figures.Line;
import vn.lhpn.kehoach.summary.service.Figures.Verdict;
import vn.lhpn.kehoach.summary.service.ReportPeriod.Kind;

/**
 * The body of a written report drafted from the figures: headings, a paragraph per chỉ tiêu and
 * task group, what is behind, who has not reported, and drafts of the free parts. Fixed templates
 * over the figures only (nothing is guessed); numbers in vi-VN form. Pure: unit tested.
 */
public final class Drafts {
  private Drafts() {}

  /** One block of the body, in order. Paragraphs have a key the unit's edits are kept under. */
  public record Block(Type type, String key, String text) {
    public enum Type {
      HEADING,
      SUBHEADING,
      PARAGRAPH,
      TABLE
    }
  }

  public static final String NO_DATA = "no-data";
  public static final String MAP = "map";
  public static final String BEHIND = "behind";
  public static final String REPORTING = "reporting";
  public static final String SHORTCOMINGS = "shortcomings";
  public static final String DIRECTIONS = "directions";
  public static final String TABLE = "table";

  public static List<Block> body(Figures f) {
    List<Block> out = new ArrayList<>();
    out.add(heading("I. KẾT QUẢ ĐẠT ĐƯỢC"));
    if (!f.map().isEmpty()) {
      // how the report treats the changes of the map during the term (docs/adr/0011)
      out.add(paragraph(MAP, String.join(" ", f.map())));
    }
    if (!f.anyData()) {
      out.add(
          paragraph(
              NO_DATA,
              "Chưa có số liệu nào được duyệt cho "
                  + periodPhrase(f)
                  + "; các số liệu trong báo cáo sẽ được cập nhật khi các đơn vị gửi báo cáo và"
                  + " được cấp trên duyệt."));
    }
    String targetSection = f.sections().isEmpty() ? null : f.sections().get(0).code();
    Map<Figures.Group, List<Line>> targets = new LinkedHashMap<>();
    Map<Figures.Group, List<Line>> tasks = new LinkedHashMap<>();
    for (Line line : f.lines()) {
      boolean isTarget = line.group().section().equals(targetSection);
      (isTarget ? targets : tasks).computeIfAbsent(line.group(), k -> new ArrayList<>()).add(line);
    }
    int n = 1;
    if (!targets.isEmpty()) {
      out.add(subheading(n++ + ". Kết quả thực hiện các chỉ tiêu"));
      targets.forEach((g, lines) -> out.add(paragraph("group:" + g.key(), target(f, g, lines))));
    }
    if (!tasks.isEmpty()) {
      out.add(subheading(n++ + ". Kết quả thực hiện các nhiệm vụ trọng tâm"));
      tasks.forEach((g, lines) -> out.add(paragraph("group:" + g.key(), task(f, g, lines))));
    }
    List<Line> targetLines = targets.values().stream().flatMap(List::stream).toList();
    out.add(
        subheading(
            n++
                + (f.period().kind() == Kind.HALF
                    ? ". Những nội dung còn chậm tiến độ"
                    : ". Những nội dung chưa đạt chỉ tiêu")));
    out.add(paragraph(BEHIND, behind(f, targetLines)));
    if (f.reporting() != null) {
      out.add(subheading(n++ + ". Tình hình báo cáo của các đơn vị"));
      out.add(paragraph(REPORTING, reporting(f.reporting())));
    }
    out.add(subheading(n + ". Bảng tổng hợp kết quả"));
    out.add(new Block(Block.Type.TABLE, TABLE, null));
    out.add(heading("II. TỒN TẠI, HẠN CHẾ"));
    out.add(paragraph(SHORTCOMINGS, shortcomings(f, targetLines)));
    out.add(heading("III. PHƯƠNG HƯỚNG, NHIỆM VỤ " + nextPeriod(f)));
    out.add(paragraph(DIRECTIONS, directions(f, targetLines)));
    return out;
  }

  /** "Sơ kết 6 tháng đầu năm 2025 thực hiện Kế hoạch hoạt động toàn khóa nhiệm kỳ 2021 - 2026". */
  public static String subject(Figures f) {
    String what =
        switch (f.period().kind()) {
          case HALF -> "Sơ kết 6 tháng đầu năm " + f.period().year();
          case YEAR -> "Tổng kết năm " + f.period().year();
          case TERM -> "Tổng kết nhiệm kỳ " + f.termLabel();
        };
    String plan = Vi.capitalize(f.planTitle().toLowerCase(Locale.ROOT));
    return what
        + " thực hiện "
        + plan
        + (f.period().kind() == Kind.TERM ? "" : " nhiệm kỳ " + f.termLabel());
  }

  private static String verdictPhrase(Kind kind, Verdict verdict) {
    return switch (verdict) {
      case EXCEEDED -> kind == Kind.HALF ? "đã hoàn thành chỉ tiêu năm" : "vượt chỉ tiêu";
      case MET -> kind == Kind.HALF ? "đạt tiến độ" : "đạt chỉ tiêu";
      case NOT_MET ->
          kind == Kind.HALF
              ? "chậm tiến độ"
              : kind == Kind.TERM ? "không đạt chỉ tiêu" : "chưa đạt chỉ tiêu";
      case NO_TARGET, NO_DATA -> "";
    };
  }

  private static String target(Figures f, Figures.Group g, List<Line> lines) {
    String lead = g.lead(true);
    if (lines.size() == 1) {
      return lead + ": " + clause(f, lines.get(0)) + ".";
    }
    List<String> clauses = new ArrayList<>();
    for (Line line : lines) {
      clauses.add(ref(line) + ": " + clause(f, line));
    }
    return lead + " – " + String.join("; ", clauses) + ".";
  }

  private static String ref(Line line) {
    return "nội dung " + (line.code() != null ? line.code() : line.label());
  }

  /** What one item achieved, without its reference: "toàn tỉnh đạt 523 hộ, bằng …". */
  static String clause(Figures f, Line line) {
    if (line.measure() == MeasureType.ACTIVITY) {
      return activity(f, line);
    }
    if (line.value() == null) {
      return "chưa có số liệu được duyệt";
    }
    String achieved;
    if (line.measure() == MeasureType.PERCENTAGE) {
      achieved =
          f.single() || line.units() <= 1
              ? "tỷ lệ đạt " + Vi.amount(line.value(), "%")
              : "tỷ lệ bình quân của "
                  + line.units()
                  + " đơn vị đạt "
                  + Vi.amount(line.value(), "%");
    } else {
      achieved = Vi.scope(f.unitType()) + " đạt " + Vi.amount(line.value(), line.unitWord());
    }
    Kind kind = f.period().kind();
    if (kind == Kind.TERM) {
      return term(f, line, achieved);
    }
    if (line.verdict() == Verdict.NO_TARGET || line.ratio() == null) {
      return achieved + "; không giao chỉ tiêu năm " + f.period().year();
    }
    return achieved
        + ", bằng "
        + Vi.percent(line.ratio())
        + " chỉ tiêu năm ("
        + Vi.amount(line.target(), line.unitWord())
        + "), "
        + verdictPhrase(kind, line.verdict());
  }

  private static String term(Figures f, Line line, String achieved) {
    if (line.ratio() == null) {
      return achieved + " trong nhiệm kỳ; chưa đủ chỉ tiêu để đánh giá";
    }
    String phrase = verdictPhrase(Kind.TERM, line.verdict());
    if (line.rule() == TermRule.EACH) {
      return Vi.number(line.value())
          + "/"
          + Vi.number(line.target())
          + " năm đạt chỉ tiêu năm, "
          + phrase;
    }
    String when = line.rule() == TermRule.LAST ? "đến cuối nhiệm kỳ " : "cả nhiệm kỳ ";
    return when
        + achieved
        + ", bằng "
        + Vi.percent(line.ratio())
        + " chỉ tiêu nhiệm kỳ ("
        + Vi.amount(line.target(), line.unitWord())
        + "), "
        + phrase;
  }

  private static String activity(Figures f, Line line) {
    Kind kind = f.period().kind();
    if (f.single() && kind != Kind.TERM) {
      if (line.status() == null) {
        return "chưa có báo cáo được duyệt";
      }
      return switch (line.status()) {
        case "done" -> "đã thực hiện";
        case "in_progress" -> "đang thực hiện";
        case "not_done" -> "chưa thực hiện";
        default -> "không thuộc đối tượng thực hiện";
      };
    }
    if (line.target() == null || line.target().signum() == 0) {
      return kind == Kind.TERM
          ? "không có đơn vị nào phải thực hiện trong nhiệm kỳ"
          : "không có đơn vị nào phải thực hiện";
    }
    if (line.verdict() == Verdict.NO_DATA) {
      return "chưa có báo cáo được duyệt";
    }
    String done =
        kind == Kind.TERM
            ? Vi.number(line.value())
                + "/"
                + Vi.number(line.target())
                + " lượt đơn vị thực hiện trong các năm của nhiệm kỳ"
            : Vi.number(line.value()) + "/" + Vi.number(line.target()) + " đơn vị đã thực hiện";
    StringBuilder out = new StringBuilder(done);
    out.append(" (").append(Vi.percent(line.ratio())).append(")");
    if (kind != Kind.TERM && line.inProgress() > 0) {
      out.append(", ").append(line.inProgress()).append(" đơn vị đang thực hiện");
    }
    if (kind != Kind.TERM && line.notDone() > 0) {
      out.append(", ").append(line.notDone()).append(" đơn vị chưa thực hiện");
    }
    return out.append(", ").append(verdictPhrase(kind, line.verdict())).toString();
  }

  private static String task(Figures f, Figures.Group g, List<Line> lines) {
    String lead = g.lead(false);
    List<Line> judged =
        lines.stream()
            .filter(l -> l.verdict() != Verdict.NO_DATA && l.verdict() != Verdict.NO_TARGET)
            .toList();
    if (judged.isEmpty()) {
      return lead + ": chưa có số liệu được duyệt.";
    }
    Kind kind = f.period().kind();
    List<String> behind = new ArrayList<>();
    for (Line l : judged) {
      if (l.verdict() == Verdict.NOT_MET) {
        behind.add(l.code() + (l.ratio() == null ? "" : " (" + Vi.percent(l.ratio()) + ")"));
      }
    }
    String ok = kind == Kind.HALF ? " nội dung đạt tiến độ" : " nội dung đạt yêu cầu";
    String text = lead + ": " + (judged.size() - behind.size()) + "/" + lines.size() + ok;
    if (!behind.isEmpty()) {
      text += "; " + (kind == Kind.HALF ? "còn chậm: " : "chưa đạt: ") + String.join(", ", behind);
    }
    return text + ".";
  }

  private static String behind(Figures f, List<Line> lines) {
    Kind kind = f.period().kind();
    List<Line> judged =
        lines.stream()
            .filter(l -> l.verdict() != Verdict.NO_DATA && l.verdict() != Verdict.NO_TARGET)
            .toList();
    if (judged.isEmpty()) {
      return "Chưa đủ số liệu được duyệt để đánh giá các chỉ tiêu.";
    }
    List<String> behind = new ArrayList<>();
    for (Line l : judged) {
      if (l.verdict() == Verdict.NOT_MET) {
        behind.add(ref(l) + " (" + (l.ratio() == null ? "—" : Vi.percent(l.ratio())) + ")");
      }
    }
    if (behind.isEmpty()) {
      return kind == Kind.HALF
          ? "Các nội dung chỉ tiêu có số liệu đều đạt tiến độ."
          : "Các nội dung chỉ tiêu có số liệu đều đạt hoặc vượt chỉ tiêu.";
    }
    return "Còn "
        + behind.size()
        + (kind == Kind.HALF ? " nội dung chậm tiến độ: " : " nội dung chưa đạt chỉ tiêu: ")
        + Vi.join(behind)
        + ".";
  }

  private static final int NAMES_SHOWN = 30;

  static String reporting(Figures.Reporting r) {
    StringBuilder out =
        new StringBuilder("Đến ngày ")
            .append(Vi.shortDate(r.asOf()))
            .append(", ")
            .append(r.sent())
            .append("/")
            .append(r.expected())
            .append(" đơn vị đã gửi ")
            .append(r.periodLabel())
            .append(", trong đó ")
            .append(r.approved())
            .append(" báo cáo đã được duyệt.");
    if (r.missing().isEmpty()) {
      return out.append(" Tất cả các đơn vị đã gửi báo cáo.").toString();
    }
    List<String> shown = r.missing().stream().limit(NAMES_SHOWN).toList();
    out.append(" Còn ")
        .append(r.missing().size())
        .append(" đơn vị chưa gửi: ")
        .append(String.join(", ", shown));
    if (r.missing().size() > shown.size()) {
      out.append(" và ").append(r.missing().size() - shown.size()).append(" đơn vị khác");
    }
    return out.append(".").toString();
  }

  private static String shortcomings(Figures f, List<Line> lines) {
    List<String> facts = new ArrayList<>();
    long behind = lines.stream().filter(l -> l.verdict() == Verdict.NOT_MET).count();
    if (behind > 0) {
      facts.add(
          "còn "
              + behind
              + (f.period().kind() == Kind.HALF
                  ? " nội dung chỉ tiêu chậm tiến độ"
                  : " nội dung chỉ tiêu chưa đạt"));
    }
    if (f.reporting() != null && !f.reporting().missing().isEmpty()) {
      facts.add(f.reporting().missing().size() + " đơn vị chưa gửi báo cáo");
    }
    return facts.isEmpty() ? "" : Vi.capitalize(String.join("; ", facts)) + ".";
  }

  private static String directions(Figures f, List<Line> lines) {
    List<String> codes =
        lines.stream()
            .filter(l -> l.verdict() == Verdict.NOT_MET)
            .map(l -> l.code() == null ? l.label() : l.code())
            .toList();
    String focus =
        codes.isEmpty() ? "" : "; tập trung vào các nội dung " + String.join(", ", codes);
    int y = f.period().year();
    return switch (f.period().kind()) {
      case HALF ->
          "Tiếp tục triển khai thực hiện các chỉ tiêu, nhiệm vụ của Kế hoạch trong 6 tháng cuối năm "
              + y
              + focus
              + ".";
      case YEAR ->
          "Triển khai thực hiện các chỉ tiêu, nhiệm vụ năm "
              + (y + 1)
              + " theo Kế hoạch"
              + focus
              + ".";
      case TERM ->
          "Tổng kết, rút kinh nghiệm việc thực hiện Kế hoạch nhiệm kỳ "
              + f.termLabel()
              + (codes.isEmpty()
                  ? ""
                  : "; tiếp tục thực hiện các nội dung chưa đạt (" + String.join(", ", codes) + ")")
              + " trong nhiệm kỳ tiếp theo.";
    };
  }

  private static String nextPeriod(Figures f) {
    return switch (f.period().kind()) {
      case HALF -> "6 THÁNG CUỐI NĂM " + f.period().year();
      case YEAR -> "NĂM " + (f.period().year() + 1);
      case TERM -> "NHIỆM KỲ TIẾP THEO";
    };
  }

  static String periodPhrase(Figures f) {
    return switch (f.period().kind()) {
      case HALF -> "6 tháng đầu năm " + f.period().year();
      case YEAR -> "năm " + f.period().year();
      case TERM -> "nhiệm kỳ " + f.termLabel();
    };
  }

  private static Block heading(String text) {
    return new Block(Block.Type.HEADING, null, text);
  }

  private static Block subheading(String text) {
    return new Block(Block.Type.SUBHEADING, null, text);
  }

  private static Block paragraph(String key, String text) {
    return new Block(Block.Type.PARAGRAPH, key, text);
  }
}
