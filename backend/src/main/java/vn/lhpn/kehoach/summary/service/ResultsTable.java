package vn.lhpn.kehoach.summary.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.TermRule;
import vn.lhpn.kehoach.summary.dto.SummaryDtos;
import vn.lhpn.kehoach.summary.service.Figures.Line;
import vn.lhpn.kehoach.summary.service.Figures.Verdict;
import vn.lhpn.kehoach.summary.service.ReportPeriod.Kind;

/**
 * The results table of a report in the plan's order: a row per section and group, then each item
 * with its target, achievement, ratio and verdict, as numbers and as printed.
 */
public final class ResultsTable {
  private ResultsTable() {}

  public static List<SummaryDtos.Row> rows(Figures f) {
    List<SummaryDtos.Row> out = new ArrayList<>();
    String section = null;
    String group = null;
    Kind kind = f.period().kind();
    for (Line line : f.lines()) {
      if (!line.group().section().equals(section)) {
        section = line.group().section();
        String code = section;
        String title =
            f.sections().stream()
                .filter(s -> s.code().equals(code))
                .map(Figures.Section::title)
                .findFirst()
                .orElse(section);
        out.add(heading("section", section, title));
      }
      if (!line.group().key().equals(group)) {
        group = line.group().key();
        if (!line.group().key().equals(line.key()) && !(line.group().code().equals(line.code()))) {
          out.add(heading("group", line.group().code(), line.group().title()));
        }
      }
      out.add(item(kind, f.single(), line));
    }
    return out;
  }

  private static SummaryDtos.Row heading(String kind, String code, String label) {
    return new SummaryDtos.Row(kind, code, label, null, null, null, null, "", "", "", null, "");
  }

  private static SummaryDtos.Row item(Kind kind, boolean single, Line line) {
    String target;
    String achieved;
    String unitWord = line.unitWord();
    if (line.measure() == MeasureType.ACTIVITY) {
      String each = kind == Kind.TERM ? " lượt" : " đơn vị";
      unitWord = each.strip();
      if (single && kind != Kind.TERM) {
        unitWord = null;
        target = line.target() != null && line.target().signum() > 0 ? "Thực hiện" : "Không giao";
        achieved = statusWord(line.status());
      } else {
        target = line.target() == null ? "" : Vi.number(line.target()) + each;
        achieved = line.value() == null ? "" : Vi.number(line.value()) + each;
      }
    } else {
      target = line.target() == null ? "" : Vi.amount(line.target(), line.unitWord());
      achieved = line.value() == null ? "" : Vi.amount(line.value(), line.unitWord());
    }
    if (kind == Kind.TERM
        && line.rule() == TermRule.EACH
        && line.measure() != MeasureType.ACTIVITY) {
      unitWord = "năm";
      target = line.target() == null ? "" : Vi.number(line.target()) + " năm";
      achieved = line.value() == null ? "" : Vi.number(line.value()) + " năm đạt";
    }
    return new SummaryDtos.Row(
        "item",
        line.code(),
        line.label(),
        unitWord,
        line.target(),
        line.value(),
        line.ratio(),
        target,
        achieved,
        ratioCell(line.ratio()),
        line.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        verdictWord(kind, line.verdict()));
  }

  private static String statusWord(String status) {
    if (status == null) {
      return "";
    }
    return switch (status) {
      case "done" -> "Đã thực hiện";
      case "in_progress" -> "Đang thực hiện";
      case "not_done" -> "Chưa thực hiện";
      default -> "Không áp dụng";
    };
  }

  /** The short word of a verdict in the results table. */
  public static String verdictWord(Kind kind, Verdict verdict) {
    return switch (verdict) {
      case EXCEEDED -> kind == Kind.HALF ? "Hoàn thành" : "Vượt";
      case MET -> kind == Kind.HALF ? "Đạt tiến độ" : "Đạt";
      case NOT_MET -> kind == Kind.HALF ? "Chậm" : kind == Kind.TERM ? "Không đạt" : "Chưa đạt";
      case NO_TARGET -> "Không giao";
      case NO_DATA -> "Chưa có số liệu";
    };
  }

  /** Ratio of a value to a target for the table: "104,6 %", or empty. */
  public static String ratioCell(BigDecimal ratio) {
    return ratio == null ? "" : Vi.percent(ratio);
  }
}
