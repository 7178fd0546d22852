package vn.lhpn.kehoach.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanRules;
import vn.lhpn.kehoach.plan.TermRule;
import vn.lhpn.kehoach.progress.dto.ProgressDtos;
import vn.lhpn.kehoach.progress.service.ProgressContext.Rollup;

/**
 * The end-of-term assessment (tổng kết nhiệm kỳ) of a unit: for each leaf, planned over the term,
 * achieved, the ratio and the verdict by the item's term rule; for each chỉ tiêu and task group,
 * the verdict of its leaves. The thresholds are {@link ProgressRules}'s, the same in every view.
 */
@ApplicationScoped
public class TermAssessments {
  private final ProgressContext context;

  TermAssessments(ProgressContext context) {
    this.context = context;
  }

  @Transactional
  public ProgressDtos.Term term(String planId, String unitCode) {
    Plan plan = context.plan(planId);
    OrgUnit unit = context.unit(unitCode, LocalDate.of(plan.lastYear, 12, 31));
    List<PlanItem> items = context.items(plan, null);
    Set<String> subtree = context.subtreeOf(unit.code);
    Map<Integer, Map<Long, ProgressDtos.Target>> targets = new HashMap<>();
    Map<Integer, Map<Long, Rollup>> rollups = new HashMap<>();
    Map<Integer, Map<Long, Integer>> due = new HashMap<>();
    for (int y = plan.firstYear; y <= plan.lastYear; y++) {
      targets.put(
          y, context.targets(plan, y, List.of(unit), items).getOrDefault(unit.code, Map.of()));
      rollups.put(y, context.rollups(List.of(unit.code), y).getOrDefault(unit.code, Map.of()));
      due.put(y, context.due(plan, y, subtree, items));
    }
    List<ProgressDtos.TermItem> out = new ArrayList<>();
    Map<String, List<ProgressDtos.TermItem>> byGroup = new LinkedHashMap<>();
    Map<String, String> groupTitles = new HashMap<>();
    for (PlanItem item : items) {
      TermRule rule = PlanRules.termRule(item);
      List<ProgressDtos.TermYear> years = new ArrayList<>();
      List<ProgressRules.Year> figures = new ArrayList<>();
      int dueTotal = 0;
      int doneTotal = 0;
      for (int y = plan.firstYear; y <= plan.lastYear; y++) {
        ProgressDtos.Target target =
            targets.get(y).getOrDefault(item.id, new ProgressDtos.Target(null, null, "none"));
        Rollup r = rollups.get(y).getOrDefault(item.id, Rollup.NONE);
        int d = due.get(y).getOrDefault(item.id, 0);
        ProgressDtos.Subtree subtreeFigure = ProgressQueries.subtree(item, r, d);
        BigDecimal value = subtreeFigure.value();
        BigDecimal targetValue = target.value();
        if (item.measureType == MeasureType.ACTIVITY) {
          dueTotal += d;
          doneTotal += r.done();
          targetValue = d == 0 ? null : BigDecimal.valueOf(d);
        }
        years.add(new ProgressDtos.TermYear(y, targetValue, value));
        figures.add(new ProgressRules.Year(y, targetValue, value));
      }
      ProgressRules.Assessment a =
          item.measureType == MeasureType.ACTIVITY
              ? ProgressRules.assessActivity(dueTotal, doneTotal)
              : ProgressRules.assess(rule, figures);
      PlanItem group = PlanRules.group(item);
      String groupKey = (group.parent == null ? "" : sectionOf(group)) + "-" + group.code;
      ProgressDtos.TermItem termItem =
          new ProgressDtos.TermItem(
              item.key,
              PlanRules.label(item),
              group.code,
              item.measureType.code(),
              rule.code(),
              a.planned(),
              a.achieved(),
              a.ratio(),
              a.verdict(),
              years);
      out.add(termItem);
      byGroup.computeIfAbsent(groupKey, k -> new ArrayList<>()).add(termItem);
      groupTitles.put(groupKey, group == item ? PlanRules.label(item) : group.title);
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
    return new ProgressDtos.Term(plan.code, OrgUnitSummary.of(unit), groups, out);
  }

  private static String sectionOf(PlanItem item) {
    PlanItem p = item;
    while (p.parent != null) {
      p = p.parent;
    }
    return p.code == null ? p.key : p.code;
  }
}
