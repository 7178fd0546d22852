package vn.lhpn.kehoach.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.plan.ItemKind;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanRules;
import vn.lhpn.kehoach.plan.service.PlanPolicy;
import vn.lhpn.kehoach.security.Access;

/**
 * Resolves what an allocation request names (plan, item, year, parent unit) and checks it exists
 * for the caller: an unknown or unreadable plan, an item it lacks, or a unit outside the caller's
 * scope is 404; a year outside the plan or an item that takes no target is 400.
 */
@ApplicationScoped
public class AllocationContexts {
  private final PlanPolicy plans;
  private final Access access;

  AllocationContexts(PlanPolicy plans, Access access) {
    this.plans = plans;
    this.access = access;
  }

  public ColumnContext column(String planId, String itemKey, int year, String parentCode) {
    Plan plan = plan(planId, year, "year");
    PlanItem item =
        PlanItem.findByKey(plan, itemKey)
            .orElseThrow(
                () ->
                    new ApiException(
                        ProblemType.NOT_FOUND,
                        Message.of("plan.item-not-found", "plan", planId, "item", itemKey)));
    if (!PlanRules.isMeasuredLeaf(item)) {
      throw ApiException.invalid("item", Message.of("allocation.leaves-only"));
    }
    if (PlanItem.count("parent = ?1 and kind = ?2", item, ItemKind.BREAKDOWN) > 0) {
      throw ApiException.invalid("item", Message.of("allocation.by-breakdown"));
    }
    OrgUnit parent = unit(parentCode, year);
    return new ColumnContext(plan, item, year, parent, children(parent, year));
  }

  /** The plan, readable by the caller, with the year checked against its years. */
  public Plan plan(String planId, int year, String yearField) {
    Plan plan = plans.readable(planId);
    PlanRules.requireYear(plan, year, yearField);
    return plan;
  }

  /** A unit in the caller's scope (their own or below), as it was in that year; else 404. */
  public OrgUnit unit(String code, int year) {
    access.requireInScope(code);
    return OrgUnit.findByCode(code, midYear(year)).orElseThrow(() -> Access.outOfScope(code));
  }

  /**
   * The units a unit allocates a year to: those directly below it on the map of the year's last day
   * (docs/adr/0011), or of the unit's own last day when it closed during the year. A unit that
   * closed during the year keeps the target it was given ({@link #closedDuring}) but is no longer
   * in the column: its successor is, and takes the year's share.
   */
  public static List<OrgUnit> children(OrgUnit parent, int year) {
    LocalDate day = mapDay(parent, year);
    return OrgUnit.childrenDuring(parent.code, day, day);
  }

  /** The units that were below a unit during a year and closed before its map day. */
  public static List<OrgUnit> closedDuring(OrgUnit parent, int year) {
    LocalDate day = mapDay(parent, year);
    return OrgUnit.childrenDuring(parent.code, LocalDate.of(year, 1, 1), day).stream()
        .filter(u -> !u.validOn(day))
        .toList();
  }

  private static LocalDate mapDay(OrgUnit parent, int year) {
    LocalDate end = LocalDate.of(year, 12, 31);
    return parent.validTo != null && parent.validTo.isBefore(end) ? parent.validTo : end;
  }

  /** Communes (cơ sở Hội) a unit counts in a year: those below it at the end of the year. */
  public static int communes(OrgUnit unit, int year) {
    return OrgUnit.communesBelow(unit, LocalDate.of(year, 12, 31));
  }

  /**
   * The units that have cơ sở Hội below them (or are one) in a year: those a number is split over.
   * When none has, all of them.
   */
  public static List<OrgUnit> withCommunes(List<OrgUnit> units, int year) {
    List<OrgUnit> with = units.stream().filter(u -> communes(u, year) > 0).toList();
    return with.isEmpty() ? units : with;
  }

  private static LocalDate midYear(int year) {
    return LocalDate.of(year, 7, 1);
  }
}
