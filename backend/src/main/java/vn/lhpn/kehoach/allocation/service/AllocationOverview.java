package vn.lhpn.kehoach.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.allocation.dto.AllocationDtos;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.plan.service.PlanOutlines;

/** A unit's year at a glance: every allocatable item, its own target and how it is split below. */
@ApplicationScoped
public class AllocationOverview {
  private final AllocationContexts contexts;
  private final PlanOutlines outlines;
  private final EntityManager em;

  AllocationOverview(AllocationContexts contexts, PlanOutlines outlines, EntityManager em) {
    this.contexts = contexts;
    this.outlines = outlines;
    this.em = em;
  }

  /**
   * One query for the targets of the unit and of its children, whatever the number of items, read
   * as plain rows against the plan's read model: the overview of a year costs the same for 11 units
   * as for 29, and nothing is hydrated as an entity.
   */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<AllocationDtos.OverviewRow> overview(String planId, int year, String unitCode) {
    em.unwrap(org.hibernate.Session.class).setDefaultReadOnly(true);
    Plan plan = contexts.plan(planId, year, "year");
    OrgUnit unit = contexts.unit(unitCode, year);
    List<OrgUnit> children = AllocationContexts.children(unit, year);
    Set<String> childCodes = Set.copyOf(children.stream().map(u -> u.code).toList());
    Map<Long, TargetRules.Allocated> own = new HashMap<>();
    Map<Long, List<TargetRules.Allocated>> below = new HashMap<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    """
                    SELECT t.plan_item_id, t.unit_code, t.value, t.required FROM target t
                    JOIN plan_item i ON i.id = t.plan_item_id
                    WHERE i.plan_id = ?1 AND t.year = ?2
                      AND (t.parent_unit_code = ?3 OR t.unit_code = ?3)
                    """)
                .setParameter(1, plan.id)
                .setParameter(2, (short) year)
                .setParameter(3, unit.code)
                .getResultList()) {
      long item = ((Number) r[0]).longValue();
      var target = new TargetRules.Allocated((BigDecimal) r[2], (Boolean) r[3]);
      if (unit.code.equals(r[1])) {
        own.put(item, target);
      } else if (childCodes.contains((String) r[1])) {
        below.computeIfAbsent(item, k -> new ArrayList<>()).add(target);
      }
    }
    List<AllocationDtos.OverviewRow> rows = new ArrayList<>();
    for (PlanOutline.Item item : outlines.of(plan).items()) {
      AllocationDtos.ParentTarget target =
          ParentTargets.of(item, year, unit, unit.parentCode == null ? null : own.get(item.id()));
      TargetRules.Summary s =
          TargetRules.summarize(
              item.measureType(),
              children.size(),
              target.value(),
              below.getOrDefault(item.id(), List.of()));
      rows.add(
          new AllocationDtos.OverviewRow(
              item.key(),
              item.code(),
              item.title(),
              item.measureType().code(),
              item.measureUnit(),
              target,
              s.sum(),
              s.withTarget(),
              children.size(),
              s.status()));
    }
    return rows;
  }
}
