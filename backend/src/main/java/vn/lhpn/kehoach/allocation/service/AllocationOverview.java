package vn.lhpn.kehoach.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.lhpn.kehoach.allocation.Target;
import vn.lhpn.kehoach.allocation.dto.AllocationDtos;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanRules;

/** A unit's year at a glance: every allocatable item, its own target and how it is split below. */
@ApplicationScoped
public class AllocationOverview {
  private final AllocationContexts contexts;

  AllocationOverview(AllocationContexts contexts) {
    this.contexts = contexts;
  }

  /**
   * One query for the unit's own targets and one for its children's, whatever the number of items:
   * the overview of a year costs the same for 11 units as for 29.
   */
  @Transactional
  public List<AllocationDtos.OverviewRow> overview(String planId, int year, String unitCode) {
    Plan plan = contexts.plan(planId, year, "year");
    OrgUnit unit = contexts.unit(unitCode, year);
    List<OrgUnit> children = AllocationContexts.children(unit, year);
    Set<String> childCodes = Set.copyOf(children.stream().map(u -> u.code).toList());
    Map<Long, Target> own =
        unit.parentCode == null
            ? Map.of()
            : Target.<Target>list(
                    "item.plan = ?1 and year = ?2 and unitCode = ?3", plan, (short) year, unit.code)
                .stream()
                .collect(Collectors.toMap(t -> t.item.id, Function.identity(), (a, b) -> a));
    Map<Long, List<Target>> below =
        Target.<Target>list(
                "item.plan = ?1 and year = ?2 and parentUnitCode = ?3",
                plan,
                (short) year,
                unit.code)
            .stream()
            .filter(t -> childCodes.contains(t.unitCode))
            .collect(Collectors.groupingBy(t -> t.item.id));
    List<AllocationDtos.OverviewRow> rows = new ArrayList<>();
    for (PlanItem item : PlanRules.allocatable(plan)) {
      ColumnContext ctx = new ColumnContext(plan, item, year, unit, children);
      AllocationDtos.ParentTarget target = ParentTargets.of(ctx, own.get(item.id));
      TargetRules.Summary s =
          TargetRules.summarize(
              item.measureType,
              children.size(),
              target.value(),
              below.getOrDefault(item.id, List.of()));
      rows.add(
          new AllocationDtos.OverviewRow(
              item.key,
              item.code,
              item.title,
              item.measureType.code(),
              item.measureUnit,
              target,
              s.sum(),
              s.withTarget(),
              children.size(),
              s.status()));
    }
    return rows;
  }
}
