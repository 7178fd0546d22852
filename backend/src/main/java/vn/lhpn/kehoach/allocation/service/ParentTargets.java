package vn.lhpn.kehoach.allocation.service;

import java.math.BigDecimal;
import vn.lhpn.kehoach.allocation.Target;
import vn.lhpn.kehoach.allocation.dto.AllocationDtos;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.plan.PlanRules;
import vn.lhpn.kehoach.plan.YearLevel;

/**
 * The target a column splits: the plan's level for the province (the top), what the level above
 * allocated for any other unit, or none; for an activity nobody set, what the item's implementing
 * level says ("default").
 */
public final class ParentTargets {
  private ParentTargets() {}

  public static AllocationDtos.ParentTarget of(ColumnContext ctx) {
    return of(
        ctx,
        ctx.parent().parentCode == null
            ? null
            : Target.of(ctx.item(), ctx.year(), ctx.parent().code).orElse(null));
  }

  /** The same from the parent unit's own target, already read (null when it has none). */
  public static AllocationDtos.ParentTarget of(ColumnContext ctx, Target own) {
    var level = ctx.item().level(ctx.year());
    return of(
        ctx.parent().parentCode == null,
        ctx.parent().tier(),
        ctx.activity(),
        level.map(l -> new PlanOutline.Level(l.raw, l.kind, l.value)).orElse(null),
        own == null ? null : new TargetRules.Allocated(own.value, own.required),
        PlanRules.requiredByDefault(ctx.item(), ctx.parent().tier()));
  }

  /** The same from the plan's read model (the overview of a unit's year). */
  public static AllocationDtos.ParentTarget of(
      PlanOutline.Item item, int year, OrgUnit parent, TargetRules.Allocated own) {
    return of(
        parent.parentCode == null,
        parent.tier(),
        item.isActivity(),
        item.level(year).orElse(null),
        own,
        item.requiredByDefault(parent.tier()));
  }

  private static AllocationDtos.ParentTarget of(
      boolean top,
      int parentLevel,
      boolean activity,
      PlanOutline.Level level,
      TargetRules.Allocated own,
      boolean requiredByDefault) {
    if (top) {
      YearLevel.Kind kind = level == null ? YearLevel.Kind.NONE : level.kind();
      BigDecimal value =
          level == null || level.value() == null ? null : level.value().stripTrailingZeros();
      Boolean required = activity ? kind != YearLevel.Kind.NONE : null;
      return new AllocationDtos.ParentTarget(
          "plan", value, required, level == null ? "" : level.raw());
    }
    if (own != null) {
      return new AllocationDtos.ParentTarget(
          "allocated", TargetRules.plain(own.value()), activity ? own.required() : null, null);
    }
    // nothing set for an activity: what the implementing level says
    return activity
        ? new AllocationDtos.ParentTarget("default", null, requiredByDefault, null)
        : new AllocationDtos.ParentTarget("none", null, null, null);
  }
}
