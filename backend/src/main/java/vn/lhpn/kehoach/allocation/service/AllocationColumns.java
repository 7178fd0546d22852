package vn.lhpn.kehoach.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import vn.lhpn.kehoach.allocation.Target;
import vn.lhpn.kehoach.allocation.TargetChange;
import vn.lhpn.kehoach.allocation.dto.AllocationDtos;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;
import vn.lhpn.kehoach.plan.PlanRules;

/**
 * One allocation column (an item and year of a parent unit): read it, save it under its ETag, and
 * read its history. Only a planner of the parent unit saves.
 */
@ApplicationScoped
public class AllocationColumns {
  private final AllocationContexts contexts;
  private final AllocationPolicy policy;
  private final TargetWriter writer;

  AllocationColumns(AllocationContexts contexts, AllocationPolicy policy, TargetWriter writer) {
    this.contexts = contexts;
    this.policy = policy;
    this.writer = writer;
  }

  @Transactional
  public AllocationDtos.Column column(String planId, String itemKey, int year, String parentCode) {
    return view(contexts.column(planId, itemKey, year, parentCode));
  }

  @Transactional
  public AllocationDtos.Column save(
      String planId,
      String itemKey,
      int year,
      String parentCode,
      String ifMatch,
      AllocationDtos.Update update) {
    ColumnContext ctx = contexts.column(planId, itemKey, year, parentCode);
    policy.requirePlannerOf(ctx.parent());
    Map<String, Target> existing = TargetWriter.existing(ctx);
    List<ProblemDetail.FieldError> errors =
        TargetRules.validate(
            ctx.measure(),
            new HashSet<>(ctx.childCodes()),
            ctx.parent().name,
            ctx.year(),
            update.rows());
    if (!errors.isEmpty()) {
      throw TargetRules.invalid(errors);
    }
    if (!Target.digest(existing.values()).equals(ifMatch)) {
      throw new ApiException(ProblemType.PRECONDITION_FAILED, Message.of("allocation.stale"));
    }
    String method = update.method() == null ? "manual" : update.method();
    writer.apply(ctx, existing, update.rows(), method, update.reason());
    Target.flush();
    return view(ctx);
  }

  /** Who changed a column's targets, when, from what to what, and why. */
  @Transactional
  public List<AllocationDtos.Change> history(
      String planId, String itemKey, int year, String parentCode) {
    ColumnContext ctx = contexts.column(planId, itemKey, year, parentCode);
    List<AllocationDtos.Change> out = new ArrayList<>();
    for (Target t : TargetWriter.existing(ctx).values()) {
      for (TargetChange c : TargetChange.of(t)) {
        out.add(
            new AllocationDtos.Change(
                t.unitCode,
                c.changedAt,
                c.changedBy,
                TargetRules.plain(c.beforeValue),
                TargetRules.plain(c.afterValue),
                c.beforeRequired,
                c.afterRequired,
                c.method,
                c.reason));
      }
    }
    out.sort(
        Comparator.comparing(AllocationDtos.Change::changedAt)
            .thenComparing(AllocationDtos.Change::unitCode));
    return out;
  }

  private AllocationDtos.Column view(ColumnContext ctx) {
    Map<String, Target> existing = TargetWriter.existing(ctx);
    AllocationDtos.ParentTarget parentTarget = ParentTargets.of(ctx);
    List<AllocationDtos.Row> rows = new ArrayList<>();
    for (OrgUnit child : ctx.children()) {
      rows.add(row(ctx, child, existing.get(child.code)));
    }
    TargetRules.Summary s =
        TargetRules.summarize(
            ctx.measure(), ctx.children().size(), parentTarget.value(), existing.values());
    BigDecimal difference =
        s.sum() != null && parentTarget.value() != null
            ? parentTarget.value().subtract(s.sum())
            : null;
    return new AllocationDtos.Column(
        ctx.plan().code,
        ctx.item().key,
        ctx.item().code,
        ctx.item().title,
        ctx.measure().code(),
        ctx.item().measureUnit,
        ctx.year(),
        OrgUnitSummary.of(ctx.parent()),
        parentTarget,
        rows,
        s.sum(),
        difference,
        s.status(),
        ctx.children().size() - s.withTarget() - s.notAllocated(),
        Target.digest(existing.values()),
        !existing.isEmpty() && writer.reported(ctx, existing.keySet().stream().sorted().toList()),
        policy.allowed(ctx.parent()),
        closedDuringYear(ctx));
  }

  private static List<AllocationDtos.Row> closedDuringYear(ColumnContext ctx) {
    List<OrgUnit> closed = AllocationContexts.closedDuring(ctx.parent(), ctx.year());
    if (closed.isEmpty()) {
      return List.of();
    }
    Map<String, Target> targets = new HashMap<>();
    for (Target t : Target.ofParent(ctx.item(), ctx.year(), ctx.parent().code)) {
      targets.putIfAbsent(t.unitCode, t);
    }
    return closed.stream().map(u -> row(ctx, u, targets.get(u.code))).toList();
  }

  /** Activities: must carry out or not; counts and rates: false only when not allocated. */
  private static Boolean notAllocatedOrRequired(ColumnContext ctx, Target t) {
    if (ctx.activity()) {
      return t.required;
    }
    return t.required ? null : Boolean.FALSE;
  }

  private static AllocationDtos.Row row(ColumnContext ctx, OrgUnit child, Target t) {
    int communes = AllocationContexts.communes(child, ctx.year());
    if (t != null) {
      return new AllocationDtos.Row(
          OrgUnitSummary.of(child),
          TargetRules.plain(t.value),
          notAllocatedOrRequired(ctx, t),
          t.method,
          communes,
          t.updatedAt);
    }
    if (ctx.activity()) {
      return new AllocationDtos.Row(
          OrgUnitSummary.of(child),
          null,
          PlanRules.requiredByDefault(ctx.item(), child.tier()),
          "default",
          communes,
          null);
    }
    return new AllocationDtos.Row(OrgUnitSummary.of(child), null, null, null, communes, null);
  }
}
