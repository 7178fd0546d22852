package vn.lhpn.kehoach.allocation.service;

import java.math.BigDecimal;
import vn.lhpn.kehoach.allocation.Target;
import vn.lhpn.kehoach.allocation.dto.AllocationDtos;
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
    if (ctx.parent().parentCode == null) {
      var level = ctx.item().level(ctx.year());
      YearLevel.Kind kind = level.map(l -> l.kind).orElse(YearLevel.Kind.NONE);
      BigDecimal value = level.map(l -> l.value).map(BigDecimal::stripTrailingZeros).orElse(null);
      Boolean required = ctx.activity() ? kind != YearLevel.Kind.NONE : null;
      return new AllocationDtos.ParentTarget(
          "plan", value, required, level.map(l -> l.raw).orElse(""));
    }
    return java.util.Optional.ofNullable(own)
        .map(
            t ->
                new AllocationDtos.ParentTarget(
                    "allocated",
                    TargetRules.plain(t.value),
                    ctx.activity() ? t.required : null,
                    null))
        .orElseGet(
            () ->
                ctx.activity()
                    // nothing set for an activity: what the implementing level says
                    ? new AllocationDtos.ParentTarget(
                        "default",
                        null,
                        PlanRules.requiredByDefault(ctx.item(), ctx.parent().level),
                        null)
                    : new AllocationDtos.ParentTarget("none", null, null, null));
  }
}
