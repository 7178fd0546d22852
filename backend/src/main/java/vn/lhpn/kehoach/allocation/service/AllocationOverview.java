package vn.lhpn.kehoach.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

  @Transactional
  public List<AllocationDtos.OverviewRow> overview(String planId, int year, String unitCode) {
    Plan plan = contexts.plan(planId, year, "year");
    OrgUnit unit = contexts.unit(unitCode, year);
    List<OrgUnit> children = AllocationContexts.children(unit, year);
    Set<String> childCodes = Set.copyOf(children.stream().map(u -> u.code).toList());
    List<AllocationDtos.OverviewRow> rows = new ArrayList<>();
    for (PlanItem item : PlanRules.allocatable(plan)) {
      ColumnContext ctx = new ColumnContext(plan, item, year, unit, children);
      AllocationDtos.ParentTarget own = ParentTargets.of(ctx);
      List<Target> below =
          Target.ofParent(item, year, unit.code).stream()
              .filter(t -> childCodes.contains(t.unitCode))
              .toList();
      TargetRules.Summary s =
          TargetRules.summarize(item.measureType, children.size(), own.value(), below);
      rows.add(
          new AllocationDtos.OverviewRow(
              item.key,
              item.code,
              item.title,
              item.measureType.code(),
              item.measureUnit,
              own,
              s.sum(),
              s.withTarget(),
              children.size(),
              s.status()));
    }
    return rows;
  }
}
