package vn.lhpn.kehoach.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.allocation.Target;
import vn.lhpn.kehoach.allocation.dto.AllocationDtos;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanRules;

/**
 * Allocation of many columns in one transaction: copying a year to later years, and allocating a
 * year for every item a department leads. Only a planner of the parent unit; all or nothing.
 */
@ApplicationScoped
public class BatchAllocation {
  private final AllocationContexts contexts;
  private final AllocationPolicy policy;
  private final TargetWriter writer;

  BatchAllocation(AllocationContexts contexts, AllocationPolicy policy, TargetWriter writer) {
    this.contexts = contexts;
    this.policy = policy;
    this.writer = writer;
  }

  /**
   * Copies a year's allocation of a parent unit to later years (units that no longer exist are
   * skipped).
   */
  @Transactional
  public AllocationDtos.BatchResult copy(AllocationDtos.Copy copy) {
    Plan plan = contexts.plan(copy.planId(), copy.fromYear(), "fromYear");
    OrgUnit parent = contexts.unit(copy.parentUnit(), copy.fromYear());
    policy.requirePlannerOf(parent);
    copy.toYears().forEach(y -> PlanRules.requireYear(plan, y, "toYears"));
    List<PlanItem> items =
        PlanRules.allocatable(plan).stream()
            .filter(i -> copy.itemKeys() == null || copy.itemKeys().contains(i.key))
            .toList();
    Tally tally = new Tally();
    for (PlanItem item : items) {
      List<Target> source = Target.ofParent(item, copy.fromYear(), parent.code);
      for (int toYear : copy.toYears()) {
        ColumnContext ctx =
            new ColumnContext(
                plan, item, toYear, parent, AllocationContexts.children(parent, toYear));
        Set<String> valid = Set.copyOf(ctx.childCodes());
        List<AllocationDtos.RowUpdate> rows = new ArrayList<>();
        for (Target t : source) {
          if (valid.contains(t.unitCode)) {
            rows.add(new AllocationDtos.RowUpdate(t.unitCode, t.value, t.required));
          } else {
            tally.skipped.add(
                Message.of(
                    "batch.unit-not-below", "item", item.key, "year", toYear, "unit", t.unitCode));
          }
        }
        tally.add(rows, writer.apply(ctx, TargetWriter.existing(ctx), rows, "copy", copy.reason()));
      }
    }
    return tally.result(items.size());
  }

  /**
   * Allocates a year for every item a department leads: counts split (equally or by communes),
   * percentages passed down, activities required by the implementing level.
   */
  @Transactional
  public AllocationDtos.BatchResult allocateDepartment(AllocationDtos.Bulk bulk) {
    Plan plan = contexts.plan(bulk.planId(), bulk.year(), "year");
    OrgUnit parent = contexts.unit(bulk.parentUnit(), bulk.year());
    policy.requirePlannerOf(parent);
    if (!bulk.method().equals("equal") && !bulk.method().equals("proportional")) {
      throw ApiException.invalid("method", "equal hoặc proportional");
    }
    List<PlanItem> items =
        PlanRules.allocatable(plan).stream()
            .filter(i -> PlanRules.ledBy(i, bulk.department()))
            .toList();
    if (items.isEmpty()) {
      throw ApiException.invalid("department", Message.of("allocation.department-no-item"));
    }
    List<OrgUnit> children = AllocationContexts.children(parent, bulk.year());
    Tally tally = new Tally();
    for (PlanItem item : items) {
      ColumnContext ctx = new ColumnContext(plan, item, bulk.year(), parent, children);
      if (children.isEmpty()) {
        tally.skipped.add(Message.of("batch.no-units-below", "item", item.key));
        continue;
      }
      var existing = TargetWriter.existing(ctx);
      List<AllocationDtos.RowUpdate> rows =
          departmentRows(ctx, existing, bulk.method(), tally.skipped);
      if (rows == null) {
        continue;
      }
      tally.add(rows, writer.apply(ctx, existing, rows, bulk.method(), bulk.reason()));
    }
    return tally.result(items.size());
  }

  /** The rows a department allocation sets for one column, or null (and why) when it cannot. */
  private static List<AllocationDtos.RowUpdate> departmentRows(
      ColumnContext ctx, Map<String, Target> existing, String method, List<Message> skipped) {
    BigDecimal target = ParentTargets.of(ctx).value();
    // units given nothing for the item (không giao) stay so
    java.util.function.Predicate<OrgUnit> allocated =
        u -> ctx.activity() || existing.get(u.code) == null || existing.get(u.code).required;
    List<String> codes = ctx.children().stream().filter(allocated).map(u -> u.code).toList();
    if (codes.isEmpty()) {
      skipped.add(Message.of("batch.allocated-to-none", "item", ctx.item().key));
      return null;
    }
    List<AllocationDtos.RowUpdate> rows = new ArrayList<>();
    switch (ctx.measure()) {
      case COUNT -> {
        if (target == null) {
          skipped.add(Message.of("batch.no-target-to-split", "item", ctx.item().key));
          return null;
        }
        // a split leaves out the units with no cơ sở Hội (affiliated units), as a fill does
        List<OrgUnit> over =
            AllocationContexts.withCommunes(
                ctx.children().stream().filter(allocated).toList(), ctx.year());
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        over.forEach(
            u ->
                weights.put(
                    u.code, BigDecimal.valueOf(AllocationContexts.communes(u, ctx.year()))));
        Map<String, BigDecimal> values =
            method.equals("equal")
                ? Allocation.equal(
                    target, over.stream().map(u -> u.code).toList(), Allocation.Remainder.FIRST)
                : Allocation.proportional(target, weights);
        values.forEach((code, v) -> rows.add(new AllocationDtos.RowUpdate(code, v, null)));
      }
      case PERCENTAGE -> {
        if (target == null) {
          skipped.add(Message.of("batch.no-target", "item", ctx.item().key));
          return null;
        }
        codes.forEach(code -> rows.add(new AllocationDtos.RowUpdate(code, target, null)));
      }
      case ACTIVITY ->
          ctx.children()
              .forEach(
                  u ->
                      rows.add(
                          new AllocationDtos.RowUpdate(
                              u.code, null, PlanRules.requiredByDefault(ctx.item(), u.tier()))));
    }
    return rows;
  }

  /** Counts of a batch: targets set, rows already as asked, what was skipped and why. */
  private static final class Tally {
    int set;
    int unchanged;
    final List<Message> skipped = new ArrayList<>();

    void add(List<AllocationDtos.RowUpdate> rows, int changed) {
      set += changed;
      unchanged += rows.size() - changed;
    }

    AllocationDtos.BatchResult result(int items) {
      return new AllocationDtos.BatchResult(items, set, unchanged, skipped);
    }
  }
}
