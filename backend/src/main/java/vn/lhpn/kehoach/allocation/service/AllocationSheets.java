package vn.lhpn.kehoach.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lhpn.kehoach.allocation.Target;
import vn.lhpn.kehoach.allocation.dto.AllocationDtos;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanRules;

/**
 * The allocation sheet of a parent unit and year as .xlsx (an item per row, a child unit per
 * column): download it, fill it in Excel, upload it back. An upload is checked whole first; every
 * error names its row and unit, and then nothing is changed. The format itself is {@link
 * AllocationSheet}.
 */
@ApplicationScoped
public class AllocationSheets {
  /** The cell of a unit given nothing for a count or a percentage (không giao). */
  static final String NOT_ALLOCATED = "-";

  private final AllocationContexts contexts;
  private final AllocationPolicy policy;
  private final TargetWriter writer;

  AllocationSheets(AllocationContexts contexts, AllocationPolicy policy, TargetWriter writer) {
    this.contexts = contexts;
    this.policy = policy;
    this.writer = writer;
  }

  @Transactional
  public byte[] sheet(String planId, int year, String parentCode) {
    Plan plan = contexts.plan(planId, year, "year");
    OrgUnit parent = contexts.unit(parentCode, year);
    List<OrgUnit> children = AllocationContexts.children(parent, year);
    List<AllocationSheet.ItemRow> rows = new ArrayList<>();
    for (PlanItem item : PlanRules.allocatable(plan)) {
      ColumnContext ctx = new ColumnContext(plan, item, year, parent, children);
      Map<String, Target> existing = TargetWriter.existing(ctx);
      Map<String, String> cells = new LinkedHashMap<>();
      for (OrgUnit child : children) {
        cells.put(child.code, cellOf(ctx, existing.get(child.code), child));
      }
      AllocationDtos.ParentTarget target = ParentTargets.of(ctx);
      String parentCell =
          ctx.activity()
              ? (Boolean.TRUE.equals(target.required()) ? "x" : "")
              : target.value() == null ? "" : target.value().toPlainString();
      rows.add(
          new AllocationSheet.ItemRow(
              0,
              item.key,
              item.code,
              item.title,
              item.measureType.code(),
              parentCell,
              Target.digest(existing.values()),
              cells));
    }
    return AllocationSheet.write(
        new AllocationSheet.Header(plan.code, year, parent.code, parent.name),
        children.stream().map(u -> u.code).toList(),
        children.stream().map(u -> u.name).toList(),
        rows);
  }

  /** Applies an uploaded sheet, or with {@code dryRun} only says what it would change. */
  @Transactional
  public AllocationDtos.BatchResult upload(byte[] bytes, boolean dryRun) {
    policy.requireSomePlanner();
    AllocationSheet.Parsed sheet = AllocationSheet.read(bytes);
    int year = sheet.header().year();
    Plan plan = contexts.plan(sheet.header().plan(), year, "year");
    OrgUnit parent = contexts.unit(sheet.header().parent(), year);
    policy.requirePlannerOf(parent);
    List<OrgUnit> children = AllocationContexts.children(parent, year);
    Map<String, OrgUnit> byCode = new LinkedHashMap<>();
    children.forEach(u -> byCode.put(u.code, u));
    List<ProblemDetail.FieldError> errors = new ArrayList<>();
    for (String code : sheet.unitCodes()) {
      if (!byCode.containsKey(code)) {
        errors.add(
            new ProblemDetail.FieldError(
                "unit " + code,
                Message.of("target.not-below", "unit", code, "parent", parent.name, "year", year)));
      }
    }
    List<Pending> pending = new ArrayList<>();
    int unchanged = 0;
    for (AllocationSheet.ItemRow row : sheet.rows()) {
      String where = "row " + row.row();
      PlanItem item = PlanItem.findByKey(plan, row.key()).orElse(null);
      if (item == null || !PlanRules.isMeasuredLeaf(item)) {
        errors.add(
            new ProblemDetail.FieldError(
                where, Message.of("sheet.no-allocatable-item", "item", row.key())));
        continue;
      }
      ColumnContext ctx = new ColumnContext(plan, item, year, parent, children);
      Map<String, Target> existing = TargetWriter.existing(ctx);
      List<AllocationDtos.RowUpdate> changes = changes(ctx, row, byCode, existing, errors);
      if (changes.isEmpty()) {
        unchanged++;
        continue;
      }
      if (!Target.digest(existing.values()).equals(row.version())) {
        errors.add(
            new ProblemDetail.FieldError(
                where, Message.of("sheet.item-changed", "item", row.key())));
        continue;
      }
      for (ProblemDetail.FieldError e :
          TargetRules.validate(ctx.measure(), byCode.keySet(), parent.name, year, changes)) {
        int i = Integer.parseInt(e.field().replaceAll("^rows\\[(\\d+)\\].*$", "$1"));
        errors.add(
            new ProblemDetail.FieldError(where + ", " + changes.get(i).unitCode(), e.message()));
      }
      pending.add(new Pending(ctx, existing, changes));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(
          ProblemType.INVALID_FILE,
          Message.of("sheet.errors", "count", errors.size()),
          errors.stream().limit(100).toList());
    }
    int set = pending.stream().mapToInt(p -> p.rows().size()).sum();
    if (!dryRun) {
      for (Pending p : pending) {
        writer.apply(p.ctx(), p.existing(), p.rows(), "sheet", "Bảng giao chỉ tiêu (.xlsx)");
      }
    }
    return new AllocationDtos.BatchResult(sheet.rows().size(), set, unchanged, List.of());
  }

  private record Pending(
      ColumnContext ctx, Map<String, Target> existing, List<AllocationDtos.RowUpdate> rows) {}

  /** The cells of a sheet row that differ from what is stored; unreadable cells become errors. */
  private static List<AllocationDtos.RowUpdate> changes(
      ColumnContext ctx,
      AllocationSheet.ItemRow row,
      Map<String, OrgUnit> byCode,
      Map<String, Target> existing,
      List<ProblemDetail.FieldError> errors) {
    String where = "row " + row.row();
    List<AllocationDtos.RowUpdate> changes = new ArrayList<>();
    for (var cell : row.cells().entrySet()) {
      OrgUnit unit = byCode.get(cell.getKey());
      if (unit == null) {
        continue;
      }
      String text = cell.getValue();
      Target current = existing.get(unit.code);
      if (ctx.activity()) {
        if (!text.isEmpty() && !text.equalsIgnoreCase("x")) {
          errors.add(
              new ProblemDetail.FieldError(
                  where + ", " + unit.code, Message.of("sheet.activity-x")));
          continue;
        }
        boolean required = text.equalsIgnoreCase("x");
        boolean effective =
            current != null
                ? current.required
                : PlanRules.requiredByDefault(ctx.item(), unit.tier());
        if (required != effective) {
          changes.add(new AllocationDtos.RowUpdate(unit.code, null, required));
        }
      } else if (text.equals(NOT_ALLOCATED)) {
        if (current == null || current.required) {
          changes.add(new AllocationDtos.RowUpdate(unit.code, null, false));
        }
      } else {
        BigDecimal value;
        try {
          value = text.isEmpty() ? null : new BigDecimal(text.replace(',', '.'));
        } catch (NumberFormatException e) {
          errors.add(
              new ProblemDetail.FieldError(
                  where + ", " + unit.code, Message.of("sheet.not-a-number", "text", text)));
          continue;
        }
        boolean wasNotAllocated = current != null && !current.required;
        if (wasNotAllocated || !TargetRules.same(current == null ? null : current.value, value)) {
          changes.add(new AllocationDtos.RowUpdate(unit.code, value, null));
        }
      }
    }
    return changes;
  }

  private static String cellOf(ColumnContext ctx, Target target, OrgUnit child) {
    if (ctx.activity()) {
      boolean required =
          target != null ? target.required : PlanRules.requiredByDefault(ctx.item(), child.tier());
      return required ? "x" : "";
    }
    if (target != null && !target.required) {
      return NOT_ALLOCATED;
    }
    return target == null || target.value == null
        ? ""
        : target.value.stripTrailingZeros().toPlainString();
  }
}
