package vn.lhpn.kehoach.summary.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.service.OrgUnitTree;
import vn.lhpn.kehoach.orgunit.service.UnitSuccession;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.plan.ItemKind;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.progress.dto.ProgressDtos;
import vn.lhpn.kehoach.progress.service.CompletenessQueries;
import vn.lhpn.kehoach.progress.service.ProgressContext;
import vn.lhpn.kehoach.progress.service.ProgressQueries;
import vn.lhpn.kehoach.progress.service.TermAssessments;
import vn.lhpn.kehoach.summary.service.Figures.Line;
import vn.lhpn.kehoach.summary.service.Figures.Verdict;
import vn.lhpn.kehoach.summary.service.ReportPeriod.Kind;

/**
 * The figures of a written report, read through the progress API's own services (the report says
 * exactly what the dashboards say): a year's progress, the first half's, or the term assessment,
 * and the completeness of the period.
 */
@ApplicationScoped
public class ReportFigures {
  private final ProgressContext context;
  private final ProgressQueries progress;
  private final TermAssessments terms;
  private final CompletenessQueries completeness;
  private final Clock clock;
  private final OrgUnitTree tree;
  private final UnitSuccession succession;

  ReportFigures(
      ProgressContext context,
      ProgressQueries progress,
      TermAssessments terms,
      CompletenessQueries completeness,
      Clock clock,
      OrgUnitTree tree,
      UnitSuccession succession) {
    this.context = context;
    this.progress = progress;
    this.terms = terms;
    this.completeness = completeness;
    this.clock = clock;
    this.tree = tree;
    this.succession = succession;
  }

  public Figures of(Plan plan, OrgUnit unit, ReportPeriod period) {
    LocalDate today = LocalDate.now(clock);
    Map<String, PlanOutline.Item> outline = new HashMap<>();
    for (PlanOutline.Item item : context.items(plan, null)) {
      outline.put(item.key(), item);
    }
    List<Line> lines =
        period.kind() == Kind.TERM
            ? term(plan, unit, outline)
            : year(
                period.kind() == Kind.HALF
                    ? progress.firstHalf(plan.ref(), unit.code, period.year())
                    : progress.unit(plan.ref(), unit.code, period.year()),
                period.kind(),
                outline);
    List<Figures.Section> sections =
        PlanItem.<PlanItem>list(
                "plan.id = ?1 and kind = ?2 order by position", plan.id, ItemKind.SECTION)
            .stream()
            .map(s -> new Figures.Section(s.code == null ? s.key : s.code, s.title))
            .toList();
    String parent =
        unit.parentCode == null
            ? null
            : OrgUnit.findByCode(unit.parentCode, period.endsOn()).map(u -> u.name).orElse(null);
    return new Figures(
        period,
        termLabel(plan),
        plan.title,
        unit.code,
        unit.name,
        unit.type,
        parent,
        context.subtreeOf(unit.code).size() <= 1,
        sections,
        lines,
        reporting(plan, unit, period, today),
        today,
        map(plan, unit, period));
  }

  /**
   * What the report says of the map's changes from the plan's first year to the period's end
   * (docs/adr/0011): each day the units below changed, what the unit had after and before and whom
   * it merged with; how the figures are added up across a change; and the units that came from
   * outside the system with no figures before.
   */
  private List<String> map(Plan plan, OrgUnit unit, ReportPeriod period) {
    Set<String> subtree = context.subtreeOf(unit.code);
    List<String> out = new ArrayList<>();
    for (LocalDate day :
        tree.changeDays(subtree, LocalDate.of(plan.firstYear, 1, 1), period.endsOn())) {
      Below before = below(unit, subtree, day.minusDays(1));
      Below after = below(unit, subtree, day);
      if (before.equals(after)) {
        continue; // names only
      }
      StringBuilder s =
          new StringBuilder("Từ " + Vi.date(day) + ", theo sắp xếp đơn vị hành chính, ");
      s.append(unit.name);
      if (unit.validFrom.equals(day)) {
        List<String> others =
            succession.predecessors(unit, day.minusDays(1)).stream()
                .filter(p -> !p.code().equals(unit.code))
                .map(UnitSuccession.Predecessor::name)
                .toList();
        if (!others.isEmpty()) {
          s.append(" hợp nhất với ").append(Vi.join(others)).append(',');
        }
      }
      s.append(" có ").append(after.describe(unit.level));
      s.append(" (trước đó ").append(before.describe(unit.level)).append(')');
      if (before.levels().containsKey(unit.level + 2)
          && !after.levels().containsKey(unit.level + 2)) {
        s.append("; không còn cấp huyện");
      }
      out.add(s.append('.').toString());
    }
    if (!out.isEmpty()) {
      out.add(
          "Số liệu của mỗi năm được tổng hợp theo các đơn vị có tại ngày 31/12 năm đó; kết quả của"
              + " đơn vị cũ trước ngày sắp xếp được chuyển sang đơn vị kế thừa, không nhập lại và"
              + " không cộng hai lần.");
    }
    if (unit.parentCode == null) {
      // the province's targets are the plan's levels: say where the province amended them
      int from = period.kind() == Kind.TERM ? plan.firstYear : period.year();
      for (PlanItem item : PlanItem.listOf(plan)) {
        for (PlanItem.Level l : item.levels) {
          if (l.amended() && l.year >= from && l.year <= period.year()) {
            out.add(
                "Chỉ tiêu năm "
                    + l.year
                    + " của nội dung "
                    + (item.code == null ? item.key : item.code)
                    + " được điều chỉnh từ "
                    + (l.originalRaw.isBlank() ? "không có mức" : l.originalRaw)
                    + " thành "
                    + l.raw
                    + " theo "
                    + l.decision
                    + "; kết quả được đánh giá theo mức đã điều chỉnh.");
          }
        }
      }
    }
    for (UnitSuccession.Gap g : succession.gaps(subtree)) {
      if (!g.day().isAfter(period.endsOn())) {
        out.add(
            Vi.capitalize(
                g.predecessors()
                    + " đơn vị cũ nhập vào "
                    + g.units()
                    + " đơn vị từ "
                    + Vi.date(g.day())
                    + " chưa từng có trên hệ thống; số liệu trước ngày đó không bao gồm các đơn vị"
                    + " này, trừ phần đã nhập từ bảng."));
      }
    }
    return out;
  }

  /**
   * The units below a unit on a day: by level (the unit's own left out), and how many of them are
   * communes (cơ sở Hội), which after 01/07/2025 sit directly below the province.
   */
  private record Below(Map<Integer, Integer> levels, int communes) {
    String describe(int level) {
      int direct = levels.getOrDefault(level + 1, 0);
      int lower = levels.getOrDefault(level + 2, 0);
      if (lower > 0) {
        return direct + " đơn vị trực thuộc và " + lower + " đơn vị cấp cơ sở";
      }
      return communes == 0
          ? direct + " đơn vị trực thuộc"
          : direct + " đơn vị trực thuộc, trong đó " + communes + " đơn vị cấp cơ sở";
    }
  }

  private Below below(OrgUnit unit, Set<String> subtree, LocalDate day) {
    Map<Integer, Integer> levels = new HashMap<>(tree.levelsOn(unit.code, subtree, day));
    levels.keySet().removeIf(level -> level <= unit.level);
    Map<Integer, Integer> tiers = tree.countOn(unit.code, subtree, day);
    return new Below(levels, unit.tier() < 3 ? tiers.getOrDefault(3, 0) : 0);
  }

  public static String termLabel(Plan plan) {
    int start = plan.termStart == null ? plan.firstYear - 1 : plan.termStart;
    int end = plan.termEnd == null ? plan.lastYear : plan.termEnd;
    return start + " - " + end;
  }

  /** The item's own words; a breakdown row with its item's code ("6.1 · Cấp tỉnh"). */
  private static String label(PlanOutline.Item item) {
    return item.code() != null ? item.title() : item.label();
  }

  private static Figures.Group group(PlanOutline.Item item) {
    PlanOutline.Group g = item.group();
    String section = g.key().substring(0, Math.max(0, g.key().length() - g.code().length() - 1));
    return new Figures.Group(g.key(), g.code(), g.label(), section);
  }

  /** One item's line: the plan's words for it and what the figures say. */
  private static Line line(
      PlanOutline.Item item,
      BigDecimal target,
      BigDecimal value,
      int units,
      int inProgress,
      int notDone,
      String status,
      BigDecimal ratio,
      Verdict verdict) {
    return new Line(
        item.key(),
        item.code(),
        label(item),
        group(item),
        item.measureType(),
        item.measureUnit(),
        item.termRule(),
        target,
        value,
        units,
        inProgress,
        notDone,
        status,
        ratio,
        verdict);
  }

  private static List<Line> year(
      ProgressDtos.UnitProgress up, Kind kind, Map<String, PlanOutline.Item> outline) {
    // a year is judged against its whole target; its first half against the half's pace
    BigDecimal bar = kind == Kind.HALF ? up.pace() : BigDecimal.ONE;
    List<Line> out = new ArrayList<>();
    for (ProgressDtos.Item i : up.items()) {
      PlanOutline.Item item = outline.get(i.itemKey());
      ProgressDtos.Subtree s = i.subtree();
      if (item.measureType() == MeasureType.ACTIVITY) {
        ProgressDtos.Activity a = s.activity();
        Verdict v =
            a.due() == 0
                ? Verdict.NO_TARGET
                : s.units() == 0
                    ? Verdict.NO_DATA
                    : i.ratio().compareTo(bar) >= 0 ? Verdict.MET : Verdict.NOT_MET;
        out.add(
            line(
                item,
                BigDecimal.valueOf(a.due()),
                BigDecimal.valueOf(a.done()),
                s.units(),
                a.inProgress(),
                a.notDone(),
                i.own() == null ? null : i.own().status(),
                i.ratio(),
                v));
        continue;
      }
      BigDecimal target = i.target().value();
      Verdict v;
      if (s.value() == null) {
        v = Verdict.NO_DATA;
      } else if (i.ratio() == null) {
        v = Verdict.NO_TARGET;
      } else if (kind == Kind.HALF) {
        v =
            i.ratio().compareTo(BigDecimal.ONE) >= 0
                ? Verdict.EXCEEDED
                : i.ratio().compareTo(bar) >= 0 ? Verdict.MET : Verdict.NOT_MET;
      } else {
        int c = i.ratio().compareTo(BigDecimal.ONE);
        v = c > 0 ? Verdict.EXCEEDED : c == 0 ? Verdict.MET : Verdict.NOT_MET;
      }
      out.add(line(item, target, s.value(), s.units(), 0, 0, null, i.ratio(), v));
    }
    return out;
  }

  private List<Line> term(Plan plan, OrgUnit unit, Map<String, PlanOutline.Item> outline) {
    ProgressDtos.Term term = terms.term(plan.ref(), unit.code);
    List<Line> out = new ArrayList<>();
    for (ProgressDtos.TermItem t : term.items()) {
      PlanOutline.Item item = outline.get(t.itemKey());
      Verdict v =
          switch (t.verdict()) {
            case "exceeded" -> Verdict.EXCEEDED;
            case "met" -> Verdict.MET;
            case "not-met" -> Verdict.NOT_MET;
            default -> t.achieved() == null ? Verdict.NO_DATA : Verdict.NO_TARGET;
          };
      out.add(line(item, t.planned(), t.achieved(), 0, 0, 0, null, t.ratio(), v));
    }
    return out;
  }

  /** Who sent the period's report; for the term, the last year report already due. */
  private Figures.Reporting reporting(
      Plan plan, OrgUnit unit, ReportPeriod period, LocalDate today) {
    String code = period.code();
    if (period.kind() == Kind.TERM) {
      code = Integer.toString(plan.lastYear);
      for (int y = plan.lastYear; y >= plan.firstYear; y--) {
        var p = Period.find(plan, Integer.toString(y));
        if (p.isPresent() && p.get().dueOn.isBefore(today)) {
          code = p.get().code;
          break;
        }
      }
    }
    if (Period.find(plan, code).isEmpty()) {
      return null;
    }
    ProgressDtos.Completeness c = completeness.completeness(plan.ref(), unit.code, code);
    List<String> missing = new ArrayList<>();
    for (ProgressDtos.CompletenessUnit u : c.units()) {
      if (!u.state().equals("submitted") && !u.state().equals("approved")) {
        missing.add(u.unit().name());
      }
    }
    String label =
        code.contains("-H")
            ? "báo cáo 6 tháng đầu năm " + code.substring(0, 4)
            : "báo cáo năm " + code;
    return new Figures.Reporting(label, today, c.expected(), c.submitted(), c.approved(), missing);
  }
}
