package vn.lhpn.kehoach.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;
import vn.lhpn.kehoach.orgunit.service.OrgUnitTree;
import vn.lhpn.kehoach.orgunit.service.UnitSuccession;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.plan.TermRule;
import vn.lhpn.kehoach.progress.dto.ProgressDtos;

/**
 * The end-of-term assessment (tổng kết nhiệm kỳ) of a unit: for each leaf, planned over the term,
 * achieved, the ratio and the verdict by the item's term rule; for each chỉ tiêu and task group,
 * the verdict of its leaves. The thresholds are {@link ProgressRules}'s, the same in every view.
 */
@ApplicationScoped
public class TermAssessments {
  private final ProgressContext context;
  private final UnitSuccession succession;
  private final OrgUnitTree tree;

  TermAssessments(ProgressContext context, UnitSuccession succession, OrgUnitTree tree) {
    this.context = context;
    this.succession = succession;
    this.tree = tree;
  }

  @Transactional
  public ProgressDtos.Term term(String planId, String unitCode) {
    Plan plan = context.plan(planId);
    OrgUnit unit = context.unit(unitCode, LocalDate.of(plan.lastYear, 12, 31));
    List<PlanOutline.Item> items = context.items(plan, null);
    Set<String> subtree = context.subtreeOf(unit.code);
    // every year of the term in one query each: targets, rollups, units due
    Map<Integer, Map<String, Map<Long, ProgressDtos.Target>>> targets =
        context.targets(plan, plan.firstYear, plan.lastYear, List.of(unit), items);
    Map<Integer, Map<String, Map<Long, RollupDelta>>> rollups =
        context.rollups(List.of(unit.code), plan.firstYear, plan.lastYear);
    Map<Integer, Map<Long, Integer>> due =
        context.due(
            plan,
            plan.firstYear,
            plan.lastYear,
            unit.code,
            subtree,
            items,
            ProgressQueries.YEAR_END);
    Map<Integer, Carried> carried = carried(plan, unit, items);
    List<ProgressDtos.TermItem> out = new ArrayList<>();
    Map<String, List<ProgressDtos.TermItem>> byGroup = new LinkedHashMap<>();
    Map<String, String> groupTitles = new HashMap<>();
    for (PlanOutline.Item item : items) {
      TermRule rule = item.termRule();
      List<ProgressDtos.TermYear> years = new ArrayList<>();
      List<ProgressRules.Year> figures = new ArrayList<>();
      int dueTotal = 0;
      int doneTotal = 0;
      for (int y = plan.firstYear; y <= plan.lastYear; y++) {
        Carried c = carried.get(y);
        ProgressDtos.Target target =
            (c != null
                    ? c.targets()
                    : targets.getOrDefault(y, Map.of()).getOrDefault(unit.code, Map.of()))
                .getOrDefault(item.id(), new ProgressDtos.Target(null, null, "none"));
        RollupDelta r =
            (c != null
                    ? c.rollups()
                    : rollups.getOrDefault(y, Map.of()).getOrDefault(unit.code, Map.of()))
                .getOrDefault(item.id(), RollupDelta.ZERO);
        int d = (c != null ? c.due() : due.getOrDefault(y, Map.of())).getOrDefault(item.id(), 0);
        ProgressDtos.Subtree subtreeFigure = ProgressQueries.subtree(item.measureType(), r, d);
        BigDecimal value = subtreeFigure.value();
        BigDecimal targetValue = target.value();
        if (item.isActivity()) {
          dueTotal += d;
          doneTotal += r.done();
          targetValue = d == 0 ? null : BigDecimal.valueOf(d);
        }
        years.add(
            new ProgressDtos.TermYear(
                y, targetValue, value, c != null, "amended".equals(target.source())));
        figures.add(new ProgressRules.Year(y, targetValue, value));
      }
      ProgressRules.Assessment a =
          item.isActivity()
              ? ProgressRules.assessActivity(dueTotal, doneTotal)
              : ProgressRules.assess(rule, figures);
      String groupKey = item.group().key();
      ProgressDtos.TermItem termItem =
          new ProgressDtos.TermItem(
              item.key(),
              item.label(),
              item.group().code(),
              item.measureType().code(),
              rule.code(),
              a.planned(),
              a.achieved(),
              a.ratio(),
              a.verdict(),
              years);
      out.add(termItem);
      byGroup.computeIfAbsent(groupKey, k -> new ArrayList<>()).add(termItem);
      groupTitles.put(groupKey, item.group().label());
    }
    List<ProgressDtos.TermGroup> groups = new ArrayList<>();
    byGroup.forEach(
        (key, leaves) ->
            groups.add(
                new ProgressDtos.TermGroup(
                    key,
                    groupTitles.get(key),
                    ProgressRules.groupVerdict(
                        leaves.stream().map(ProgressDtos.TermItem::verdict).toList()),
                    leaves.stream().map(ProgressDtos.TermItem::itemKey).toList())));
    List<ProgressDtos.CarriedYear> carriedYears = new ArrayList<>();
    carried.forEach(
        (y, c) ->
            carriedYears.add(
                new ProgressDtos.CarriedYear(
                    y,
                    c.imported(),
                    c.from().stream()
                        .map(
                            p ->
                                new ProgressDtos.CarriedUnit(
                                    p.code(), p.name(), p.onSystem(), p.alsoInto()))
                        .toList())));
    List<ProgressDtos.HistoryGap> gaps =
        succession.gaps(subtree).stream()
            .filter(g -> g.day().getYear() <= plan.lastYear)
            .map(g -> new ProgressDtos.HistoryGap(g.day(), g.units(), g.predecessors()))
            .toList();
    return new ProgressDtos.Term(
        plan.code, OrgUnitSummary.of(unit), groups, out, carriedYears, gaps);
  }

  /** A year before the unit existed: its predecessors' figures, targets and units due, added up. */
  private record Carried(
      List<UnitSuccession.Predecessor> from,
      Map<Long, RollupDelta> rollups,
      Map<Long, ProgressDtos.Target> targets,
      Map<Long, Integer> due,
      boolean imported) {}

  /**
   * The years of the term that end before the unit's version started (a commune of 01/07/2025:
   * 2022-2024), each with what its predecessors of that year's last day had (docs/adr/0011): their
   * subtree rows added up as a rollup adds units (sums for counts, the mean for percentages, the
   * units that did an activity), so nothing is re-entered. Read from the predecessors' own rows: a
   * province's totals never count them twice. A unit whose only predecessor is itself (a rename)
   * carries nothing.
   */
  private Map<Integer, Carried> carried(Plan plan, OrgUnit unit, List<PlanOutline.Item> items) {
    Map<Integer, Carried> out = new TreeMap<>();
    for (int y = plan.firstYear; y <= plan.lastYear; y++) {
      LocalDate end = LocalDate.of(y, 12, 31);
      if (!unit.validFrom.isAfter(end)) {
        break;
      }
      List<UnitSuccession.Predecessor> from = succession.predecessors(unit, end);
      if (from.isEmpty()
          || (from.size() == 1
              && from.get(0).code().equals(unit.code)
              && from.get(0).alsoInto().isEmpty())) {
        continue;
      }
      List<String> codes =
          new ArrayList<>(
              from.stream()
                  .filter(UnitSuccession.Predecessor::onSystem)
                  .map(p -> p.code())
                  .toList());
      // figures loaded for the unit itself from a sheet (a Bắc Kạn commune before 01/07/2025)
      boolean imported = false;
      Map<String, Map<Long, RollupDelta>> found =
          context.rollups(
              codes.contains(unit.code)
                  ? codes
                  : java.util.stream.Stream.concat(
                          codes.stream(), java.util.stream.Stream.of(unit.code))
                      .toList(),
              y);
      if (!codes.contains(unit.code) && found.containsKey(unit.code)) {
        imported = true;
      }
      Map<Long, RollupDelta> rollups = new HashMap<>();
      found
          .values()
          .forEach(
              byItem -> byItem.forEach((item, r) -> rollups.merge(item, r, RollupDelta::plus)));
      Map<Long, Integer> due = new HashMap<>();
      for (String code : codes) {
        context
            .due(plan, y, code, tree.subtreeCodes(code), items, ProgressQueries.YEAR_END)
            .forEach((item, d) -> due.merge(item, d, Integer::sum));
      }
      List<OrgUnit> versions =
          codes.stream().map(c -> OrgUnit.findByCode(c, end)).flatMap(Optional::stream).toList();
      Map<Long, List<ProgressDtos.Target>> targets = new HashMap<>();
      context
          .targets(plan, y, versions, items)
          .values()
          .forEach(
              byItem ->
                  byItem.forEach(
                      (item, t) -> targets.computeIfAbsent(item, k -> new ArrayList<>()).add(t)));
      Map<Long, ProgressDtos.Target> combined = new HashMap<>();
      for (PlanOutline.Item item : items) {
        List<ProgressDtos.Target> these = targets.getOrDefault(item.id(), List.of());
        List<BigDecimal> values =
            these.stream().map(ProgressDtos.Target::value).filter(v -> v != null).toList();
        if (values.isEmpty()) {
          continue;
        }
        BigDecimal total = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        combined.put(
            item.id(),
            new ProgressDtos.Target(
                item.measureType() == MeasureType.PERCENTAGE
                    ? total.divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP)
                    : total,
                null,
                "allocated"));
      }
      out.put(y, new Carried(from, rollups, combined, due, imported));
    }
    return out;
  }
}
