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
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanOutline;
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
    List<PlanOutline.Item> items = context.items(plan, null);
    Set<String> subtree = context.subtreeOf(unit.code);
    // every year of the term in one query each: targets, rollups, units due
    Map<Integer, Map<String, Map<Long, ProgressDtos.Target>>> targets =
        context.targets(plan, plan.firstYear, plan.lastYear, List.of(unit), items);
    Map<Integer, Map<String, Map<Long, Rollup>>> rollups =
        context.rollups(List.of(unit.code), plan.firstYear, plan.lastYear);
    Map<Integer, Map<Long, Integer>> due =
        context.due(plan, plan.firstYear, plan.lastYear, subtree, items);
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
        ProgressDtos.Target target =
            targets
                .getOrDefault(y, Map.of())
                .getOrDefault(unit.code, Map.of())
                .getOrDefault(item.id(), new ProgressDtos.Target(null, null, "none"));
        Rollup r =
            rollups
                .getOrDefault(y, Map.of())
                .getOrDefault(unit.code, Map.of())
                .getOrDefault(item.id(), Rollup.NONE);
        int d = due.getOrDefault(y, Map.of()).getOrDefault(item.id(), 0);
        ProgressDtos.Subtree subtreeFigure = ProgressQueries.subtree(item.measureType(), r, d);
        BigDecimal value = subtreeFigure.value();
        BigDecimal targetValue = target.value();
        if (item.isActivity()) {
          dueTotal += d;
          doneTotal += r.done();
          targetValue = d == 0 ? null : BigDecimal.valueOf(d);
        }
        years.add(new ProgressDtos.TermYear(y, targetValue, value));
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
    return new ProgressDtos.Term(plan.code, OrgUnitSummary.of(unit), groups, out);
  }
}
