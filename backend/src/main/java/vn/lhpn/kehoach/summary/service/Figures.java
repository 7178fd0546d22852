package vn.lhpn.kehoach.summary.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.lhpn.kehoach.orgunit.OrgUnitType;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.TermRule;

/**
 * Everything a written report says, as plain values: the unit, the period, each item's figures in
 * the plan's order, who has reported, and what the report says of the map's changes ({@code map}: a
 * sentence each, docs/adr/0011). Built from the progress reads; what {@link Drafts} writes
 * sentences from and the renderers lay out.
 */
public record Figures(
    ReportPeriod period,
    String termLabel,
    String planTitle,
    String unitCode,
    String unitName,
    OrgUnitType unitType,
    String parentName,
    boolean single,
    List<Section> sections,
    List<Line> lines,
    Reporting reporting,
    LocalDate today,
    List<String> map) {

  /** Whether any approved figure stands behind the report. */
  public boolean anyData() {
    return lines.stream().anyMatch(Line::hasData);
  }

  /** A section of the plan ("I." THỰC HIỆN CHỈ TIÊU NHIỆM KỲ): the first holds the chỉ tiêu. */
  public record Section(String code, String title) {}

  /** A chỉ tiêu or task group. */
  public record Group(String key, String code, String title, String section) {
    /** "Chỉ tiêu 2" from "Chỉ tiêu 2: Hàng năm, …"; the code otherwise. */
    public String lead(boolean targets) {
      if (title != null) {
        int colon = title.indexOf(':');
        if (colon > 0 && colon <= 30) {
          return title.substring(0, colon).strip();
        }
      }
      return (targets ? "Chỉ tiêu " : "Nhiệm vụ ") + code;
    }
  }

  /**
   * One item: its target and achievement. Activities: target = units due (or unit-years over the
   * term), value = units that did it; {@code status} is a single unit's own.
   */
  public record Line(
      String key,
      String code,
      String label,
      Group group,
      MeasureType measure,
      String unitWord,
      TermRule rule,
      BigDecimal target,
      BigDecimal value,
      int units,
      int inProgress,
      int notDone,
      String status,
      BigDecimal ratio,
      Verdict verdict) {
    /**
     * Judged, or a count reported where no target was set (an activity nobody had to do is not).
     */
    public boolean hasData() {
      return switch (verdict) {
        case EXCEEDED, MET, NOT_MET -> true;
        case NO_TARGET -> measure != MeasureType.ACTIVITY && value != null;
        case NO_DATA -> false;
      };
    }
  }

  public enum Verdict {
    EXCEEDED,
    MET,
    NOT_MET,
    NO_TARGET,
    NO_DATA
  }

  /** Who has sent the report of a period: as of a day, expected, sent, approved, and who not. */
  public record Reporting(
      String periodLabel,
      LocalDate asOf,
      int expected,
      int sent,
      int approved,
      List<String> missing) {}
}
