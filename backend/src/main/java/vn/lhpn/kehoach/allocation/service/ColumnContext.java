package vn.lhpn.kehoach.allocation.service;

import java.util.List;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;

/**
 * An allocation column, resolved and checked: one item and year, the parent unit that allocates,
 * and the units below it that year.
 */
public record ColumnContext(
    Plan plan, PlanItem item, int year, OrgUnit parent, List<OrgUnit> children) {

  public MeasureType measure() {
    return item.measureType;
  }

  public boolean activity() {
    return item.measureType == MeasureType.ACTIVITY;
  }

  public List<String> childCodes() {
    return children.stream().map(u -> u.code).toList();
  }
}
