package vn.lhpn.kehoach.target.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.importer.ItemKind;
import vn.lhpn.kehoach.plan.importer.Levels;
import vn.lhpn.kehoach.plan.importer.MeasureType;
import vn.lhpn.kehoach.plan.importer.YearLevel;
import vn.lhpn.kehoach.plan.service.PlanAccess;
import vn.lhpn.kehoach.security.CurrentUser;
import vn.lhpn.kehoach.security.OrgScope;
import vn.lhpn.kehoach.security.Roles;
import vn.lhpn.kehoach.target.Target;
import vn.lhpn.kehoach.target.TargetChange;
import vn.lhpn.kehoach.target.UnitWeight;
import vn.lhpn.kehoach.target.rest.TargetDtos;

/**
 * Allocation of the plan's yearly levels down the hierarchy: reading a column (one item, year and
 * parent unit), proposing fills, saving with history, and the overview of a unit's year. Only a
 * planner of the parent unit sets its children's targets.
 */
@ApplicationScoped
public class TargetService {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** The built-in weight: communes (cơ sở Hội) below a unit. */
  public static final String COMMUNES = "communes";

  private final OrgScope scope;
  private final CurrentUser user;
  private final PlanAccess planAccess;
  private final ReportedResults reported;

  TargetService(OrgScope scope, CurrentUser user, PlanAccess planAccess, ReportedResults reported) {
    this.scope = scope;
    this.user = user;
    this.planAccess = planAccess;
    this.reported = reported;
  }

  /** The item, year and parent a column is about, resolved and checked. */
  record Ctx(Plan plan, PlanItem item, int year, OrgUnit parent, List<OrgUnit> children) {}

  @Transactional
  public TargetDtos.Column column(String planId, String itemKey, int year, String parentCode) {
    return view(context(planId, itemKey, year, parentCode));
  }

  @Transactional
  public TargetDtos.Column save(
      String planId,
      String itemKey,
      int year,
      String parentCode,
      String ifMatch,
      TargetDtos.Update update) {
    Ctx ctx = context(planId, itemKey, year, parentCode);
    requirePlannerOf(ctx.parent());
    Map<String, Target> existing = existing(ctx);
    List<ProblemDetail.FieldError> errors = validate(ctx, update.rows());
    if (!errors.isEmpty()) {
      throw new ApiException(
          ProblemType.VALIDATION,
          errors.stream()
              .map(e -> e.field() + ": " + e.message())
              .collect(Collectors.joining("; ")),
          errors);
    }
    if (!digest(existing.values()).equals(ifMatch)) {
      throw new ApiException(
          ProblemType.PRECONDITION_FAILED,
          "Phân bổ này vừa được người khác thay đổi; hãy tải lại / This allocation changed since you read it; reload");
    }
    String method = update.method() == null ? "manual" : update.method();
    apply(ctx, existing, update.rows(), method, update.reason());
    Target.flush();
    return view(ctx);
  }

  /** A proposal, not saved: the column as a fill method would set it. */
  @Transactional
  public TargetDtos.Fill fill(
      String planId,
      String itemKey,
      int year,
      String parentCode,
      String method,
      BigDecimal value,
      String remainder,
      List<String> units,
      String weight) {
    Ctx ctx = context(planId, itemKey, year, parentCode);
    List<OrgUnit> chosen = ctx.children();
    if (units != null && !units.isEmpty()) {
      Set<String> wanted = new HashSet<>(units);
      chosen = chosen.stream().filter(u -> wanted.contains(u.code)).toList();
      if (chosen.size() != wanted.size()) {
        throw ApiException.invalid(
            "units",
            "có đơn vị không thuộc "
                + ctx.parent().name
                + " năm "
                + year
                + " / units not below the parent that year");
      }
    }
    List<String> codes = chosen.stream().map(u -> u.code).toList();
    if (codes.isEmpty()) {
      throw ApiException.invalid(
          "units", "không có đơn vị nào để phân bổ / no units to allocate to");
    }
    Map<String, BigDecimal> weights = weights(chosen, year, weight);
    MeasureType measure = ctx.item().measureType;
    Map<String, BigDecimal> values;
    switch (method == null ? "" : method) {
      case "equal", "proportional" -> {
        if (measure != MeasureType.COUNT) {
          throw ApiException.invalid(
              "method", "chỉ chia được chỉ tiêu số lượng / only counts can be split");
        }
        BigDecimal total = parentTarget(ctx).value();
        if (total == null) {
          throw new ApiException(
              ProblemType.UNPROCESSABLE,
              ctx.parent().name
                  + " chưa có chỉ tiêu năm "
                  + year
                  + " để chia / The parent has no target to split");
        }
        values =
            method.equals("equal")
                ? Allocation.equal(total, codes, remainder(remainder))
                : Allocation.proportional(total, weights);
      }
      case "each" -> values = Allocation.each(requireValue(value, measure), codes);
      case "per-commune" -> {
        if (measure != MeasureType.COUNT) {
          throw ApiException.invalid("method", "chỉ dùng cho chỉ tiêu số lượng / counts only");
        }
        values = Allocation.times(requireValue(value, measure), weights);
      }
      default -> throw ApiException.invalid("method", "equal, each, per-commune hoặc proportional");
    }
    List<TargetDtos.RowUpdate> rows =
        values.entrySet().stream()
            .map(
                e ->
                    measure == MeasureType.ACTIVITY
                        ? new TargetDtos.RowUpdate(e.getKey(), null, true)
                        : new TargetDtos.RowUpdate(e.getKey(), e.getValue(), null))
            .toList();
    return new TargetDtos.Fill(method, rows);
  }

  /**
   * Copies a year's allocation of a parent unit to later years (units that no longer exist are
   * skipped).
   */
  @Transactional
  public TargetDtos.BatchResult copy(TargetDtos.Copy copy) {
    Plan plan = plan(copy.planId());
    OrgUnit parent = parentUnit(copy.parentUnit(), copy.fromYear());
    requirePlannerOf(parent);
    requireYear(plan, copy.fromYear(), "fromYear");
    copy.toYears().forEach(y -> requireYear(plan, y, "toYears"));
    List<PlanItem> items =
        allocatable(plan).stream()
            .filter(i -> copy.itemKeys() == null || copy.itemKeys().contains(i.key))
            .toList();
    int set = 0;
    int unchanged = 0;
    List<String> skipped = new ArrayList<>();
    for (PlanItem item : items) {
      List<Target> source = Target.ofParent(item, copy.fromYear(), parent.code);
      for (int toYear : copy.toYears()) {
        Ctx ctx = new Ctx(plan, item, toYear, parent, children(parent, toYear));
        Set<String> valid = ctx.children().stream().map(u -> u.code).collect(Collectors.toSet());
        List<TargetDtos.RowUpdate> rows = new ArrayList<>();
        for (Target t : source) {
          if (valid.contains(t.unitCode)) {
            rows.add(new TargetDtos.RowUpdate(t.unitCode, t.value, t.required));
          } else {
            skipped.add(item.key + " " + toYear + " " + t.unitCode);
          }
        }
        int changed = apply(ctx, existing(ctx), rows, "copy", copy.reason());
        set += changed;
        unchanged += rows.size() - changed;
      }
    }
    return new TargetDtos.BatchResult(items.size(), set, unchanged, skipped);
  }

  /**
   * Allocates a year for every item a department leads: counts split, percentages and activities
   * passed down.
   */
  @Transactional
  public TargetDtos.BatchResult allocateDepartment(TargetDtos.Bulk bulk) {
    Plan plan = plan(bulk.planId());
    requireYear(plan, bulk.year(), "year");
    OrgUnit parent = parentUnit(bulk.parentUnit(), bulk.year());
    requirePlannerOf(parent);
    if (!bulk.method().equals("equal") && !bulk.method().equals("proportional")) {
      throw ApiException.invalid("method", "equal hoặc proportional");
    }
    List<PlanItem> items =
        allocatable(plan).stream().filter(i -> ledBy(i, bulk.department())).toList();
    if (items.isEmpty()) {
      throw ApiException.invalid(
          "department", "ban này không chủ trì mục nào / this department leads no item");
    }
    int set = 0;
    int unchanged = 0;
    List<String> skipped = new ArrayList<>();
    for (PlanItem item : items) {
      Ctx ctx = new Ctx(plan, item, bulk.year(), parent, children(parent, bulk.year()));
      if (ctx.children().isEmpty()) {
        skipped.add(item.key + ": không có đơn vị cấp dưới / no units below");
        continue;
      }
      TargetDtos.ParentTarget target = parentTarget(ctx);
      List<String> codes = ctx.children().stream().map(u -> u.code).toList();
      Map<String, BigDecimal> values = null;
      switch (item.measureType) {
        case COUNT -> {
          if (target.value() == null) {
            skipped.add(item.key + ": chưa có chỉ tiêu để chia / no target to split");
            continue;
          }
          Map<String, BigDecimal> weights = new LinkedHashMap<>();
          ctx.children()
              .forEach(u -> weights.put(u.code, BigDecimal.valueOf(communes(u, bulk.year()))));
          values =
              bulk.method().equals("equal")
                  ? Allocation.equal(target.value(), codes, Allocation.Remainder.FIRST)
                  : Allocation.proportional(target.value(), weights);
        }
        case PERCENTAGE -> {
          if (target.value() == null) {
            skipped.add(item.key + ": chưa có chỉ tiêu / no target");
            continue;
          }
          values = Allocation.each(target.value(), codes);
        }
        case ACTIVITY -> values = null;
      }
      List<TargetDtos.RowUpdate> rows = new ArrayList<>();
      if (values == null) {
        ctx.children()
            .forEach(
                u -> rows.add(new TargetDtos.RowUpdate(u.code, null, defaultRequired(item, u))));
      } else {
        values.forEach((code, v) -> rows.add(new TargetDtos.RowUpdate(code, v, null)));
      }
      int changed = apply(ctx, existing(ctx), rows, bulk.method(), bulk.reason());
      set += changed;
      unchanged += rows.size() - changed;
    }
    return new TargetDtos.BatchResult(items.size(), set, unchanged, skipped);
  }

  /**
   * Every allocatable item of a plan for a unit and year: its own target and how it is split below.
   */
  @Transactional
  public List<TargetDtos.OverviewRow> overview(String planId, int year, String unitCode) {
    Plan plan = plan(planId);
    requireYear(plan, year, "year");
    OrgUnit unit = parentUnit(unitCode, year);
    List<OrgUnit> children = children(unit, year);
    Set<String> childCodes = children.stream().map(u -> u.code).collect(Collectors.toSet());
    List<TargetDtos.OverviewRow> rows = new ArrayList<>();
    for (PlanItem item : allocatable(plan)) {
      Ctx ctx = new Ctx(plan, item, year, unit, children);
      TargetDtos.ParentTarget own = parentTarget(ctx);
      List<Target> below =
          Target.ofParent(item, year, unit.code).stream()
              .filter(t -> childCodes.contains(t.unitCode))
              .toList();
      Summary s = summarize(ctx, own, below);
      rows.add(
          new TargetDtos.OverviewRow(
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

  /** Who changed a column's targets, when, from what to what, and why. */
  @Transactional
  public List<TargetDtos.Change> history(
      String planId, String itemKey, int year, String parentCode) {
    Ctx ctx = context(planId, itemKey, year, parentCode);
    List<TargetDtos.Change> out = new ArrayList<>();
    for (Target t : existing(ctx).values()) {
      for (TargetChange c : TargetChange.of(t)) {
        out.add(
            new TargetDtos.Change(
                t.unitCode,
                c.changedAt,
                c.changedBy,
                plain(c.beforeValue),
                plain(c.afterValue),
                c.beforeRequired,
                c.afterRequired,
                c.method,
                c.reason));
      }
    }
    out.sort(
        Comparator.comparing(TargetDtos.Change::changedAt)
            .thenComparing(TargetDtos.Change::unitCode));
    return out;
  }

  /** The allocation sheet of a parent unit and year: every item, a column per child unit. */
  @Transactional
  public byte[] sheet(String planId, int year, String parentCode) {
    Plan plan = plan(planId);
    requireYear(plan, year, "year");
    OrgUnit parent = parentUnit(parentCode, year);
    List<OrgUnit> children = children(parent, year);
    List<AllocationSheet.ItemRow> rows = new ArrayList<>();
    for (PlanItem item : allocatable(plan)) {
      Ctx ctx = new Ctx(plan, item, year, parent, children);
      Map<String, Target> existing = existing(ctx);
      Map<String, String> cells = new LinkedHashMap<>();
      for (OrgUnit child : children) {
        cells.put(child.code, cellOf(ctx, existing.get(child.code), child));
      }
      TargetDtos.ParentTarget target = parentTarget(ctx);
      String parentCell =
          item.measureType == MeasureType.ACTIVITY
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
              digest(existing.values()),
              cells));
    }
    return AllocationSheet.write(
        new AllocationSheet.Header(plan.code, year, parent.code, parent.name),
        children.stream().map(u -> u.code).toList(),
        children.stream().map(u -> u.name).toList(),
        rows);
  }

  /**
   * Applies an uploaded allocation sheet, or with {@code dryRun} only says what it would change.
   * Every error is reported with its row and unit, and then nothing is changed.
   */
  @Transactional
  public TargetDtos.BatchResult uploadSheet(byte[] bytes, boolean dryRun) {
    AllocationSheet.Parsed sheet = AllocationSheet.read(bytes);
    Plan plan = plan(sheet.header().plan());
    requireYear(plan, sheet.header().year(), "year");
    int year = sheet.header().year();
    OrgUnit parent = parentUnit(sheet.header().parent(), year);
    requirePlannerOf(parent);
    List<OrgUnit> children = children(parent, year);
    Map<String, OrgUnit> byCode = new LinkedHashMap<>();
    children.forEach(u -> byCode.put(u.code, u));
    List<ProblemDetail.FieldError> errors = new ArrayList<>();
    for (String code : sheet.unitCodes()) {
      if (!byCode.containsKey(code)) {
        errors.add(
            new ProblemDetail.FieldError(
                "unit " + code,
                "không phải đơn vị trực thuộc "
                    + parent.name
                    + " năm "
                    + year
                    + " / not a unit below the parent that year"));
      }
    }
    record Pending(Ctx ctx, Map<String, Target> existing, List<TargetDtos.RowUpdate> rows) {}
    List<Pending> pending = new ArrayList<>();
    int unchanged = 0;
    for (AllocationSheet.ItemRow row : sheet.rows()) {
      String where = "row " + row.row();
      PlanItem item = PlanItem.findByKey(plan, row.key()).orElse(null);
      if (item == null
          || item.measureType == null
          || (item.kind != ItemKind.LEAF && item.kind != ItemKind.BREAKDOWN)) {
        errors.add(
            new ProblemDetail.FieldError(
                where,
                "không có mục '" + row.key() + "' để giao / no allocatable item " + row.key()));
        continue;
      }
      Ctx ctx = new Ctx(plan, item, year, parent, children);
      Map<String, Target> existing = existing(ctx);
      List<TargetDtos.RowUpdate> changes = new ArrayList<>();
      for (var cell : row.cells().entrySet()) {
        OrgUnit unit = byCode.get(cell.getKey());
        if (unit == null) {
          continue;
        }
        String text = cell.getValue();
        Target current = existing.get(unit.code);
        if (item.measureType == MeasureType.ACTIVITY) {
          if (!text.isEmpty() && !text.equalsIgnoreCase("x")) {
            errors.add(
                new ProblemDetail.FieldError(
                    where + ", " + unit.code,
                    "hoạt động: ghi x hoặc để trống / an activity takes x or nothing"));
            continue;
          }
          boolean required = text.equalsIgnoreCase("x");
          boolean effective = current != null ? current.required : defaultRequired(item, unit);
          if (required != effective) {
            changes.add(new TargetDtos.RowUpdate(unit.code, null, required));
          }
        } else {
          BigDecimal value;
          try {
            value = text.isEmpty() ? null : new BigDecimal(text.replace(',', '.'));
          } catch (NumberFormatException e) {
            errors.add(
                new ProblemDetail.FieldError(
                    where + ", " + unit.code, "'" + text + "' không phải số / not a number"));
            continue;
          }
          if (!same(current == null ? null : current.value, value)) {
            changes.add(new TargetDtos.RowUpdate(unit.code, value, null));
          }
        }
      }
      if (changes.isEmpty()) {
        unchanged++;
        continue;
      }
      if (!digest(existing.values()).equals(row.version())) {
        errors.add(
            new ProblemDetail.FieldError(
                where,
                "mục "
                    + row.key()
                    + " đã được sửa trên hệ thống sau khi tải bảng / changed in the system since the sheet was downloaded"));
        continue;
      }
      for (ProblemDetail.FieldError e : validate(ctx, changes)) {
        int i = Integer.parseInt(e.field().replaceAll("^rows\\[(\\d+)\\].*$", "$1"));
        errors.add(
            new ProblemDetail.FieldError(where + ", " + changes.get(i).unitCode(), e.message()));
      }
      pending.add(new Pending(ctx, existing, changes));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(
          ProblemType.INVALID_FILE,
          "Bảng giao chỉ tiêu có "
              + errors.size()
              + " lỗi; chưa ghi gì / The sheet has "
              + errors.size()
              + " errors; nothing was saved",
          errors.stream().limit(100).toList());
    }
    int set = pending.stream().mapToInt(p -> p.rows().size()).sum();
    if (!dryRun) {
      for (Pending p : pending) {
        apply(p.ctx(), p.existing(), p.rows(), "sheet", "Bảng giao chỉ tiêu (.xlsx)");
      }
    }
    return new TargetDtos.BatchResult(sheet.rows().size(), set, unchanged, List.of());
  }

  /** The weight of each unit: communes below it, or a named figure the planner keeps. */
  private static Map<String, BigDecimal> weights(List<OrgUnit> units, int year, String name) {
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    if (name == null || name.isBlank() || name.equals(COMMUNES)) {
      units.forEach(u -> weights.put(u.code, BigDecimal.valueOf(communes(u, year))));
      return weights;
    }
    Map<String, BigDecimal> kept = new HashMap<>();
    UnitWeight.of(year, units.stream().map(u -> u.code).toList()).stream()
        .filter(w -> w.name.equals(name))
        .forEach(w -> kept.put(w.unitCode, w.value));
    if (kept.isEmpty()) {
      throw ApiException.invalid(
          "weight",
          "chưa có số liệu '"
              + name
              + "' năm "
              + year
              + " / no figures '"
              + name
              + "' for that year");
    }
    List<String> missing =
        units.stream().map(u -> u.code).filter(c -> !kept.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw ApiException.invalid(
          "weight",
          "thiếu số liệu '"
              + name
              + "' của "
              + String.join(", ", missing)
              + " / figures missing for "
              + String.join(", ", missing));
    }
    units.forEach(u -> weights.put(u.code, kept.get(u.code)));
    return weights;
  }

  /** The figures kept for the children of a unit in a year. */
  @Transactional
  public TargetDtos.Weights weights(int year, String parentCode) {
    OrgUnit parent = parentUnit(parentCode, year);
    List<OrgUnit> children = children(parent, year);
    List<UnitWeight> kept = UnitWeight.of(year, children.stream().map(u -> u.code).toList());
    List<String> names = kept.stream().map(w -> w.name).distinct().sorted().toList();
    List<TargetDtos.WeightRow> rows = new ArrayList<>();
    for (OrgUnit child : children) {
      Map<String, BigDecimal> values = new LinkedHashMap<>();
      kept.stream()
          .filter(w -> w.unitCode.equals(child.code))
          .forEach(w -> values.put(w.name, plain(w.value)));
      rows.add(new TargetDtos.WeightRow(OrgUnitSummary.of(child), communes(child, year), values));
    }
    return new TargetDtos.Weights(year, parent.code, names, rows);
  }

  /** Sets a named figure for child units (planner of the parent unit). */
  @Transactional
  public TargetDtos.Weights saveWeights(
      int year, String parentCode, TargetDtos.WeightUpdate update) {
    OrgUnit parent = parentUnit(parentCode, year);
    requirePlannerOf(parent);
    String name = update.name().strip();
    if (name.equals(COMMUNES)) {
      throw ApiException.invalid(
          "name", "'" + COMMUNES + "' được tính từ danh mục đơn vị / is computed from the units");
    }
    Set<String> valid =
        children(parent, year).stream().map(u -> u.code).collect(Collectors.toSet());
    List<ProblemDetail.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < update.values().size(); i++) {
      TargetDtos.WeightValue v = update.values().get(i);
      if (!valid.contains(v.unitCode())) {
        errors.add(
            new ProblemDetail.FieldError(
                "values[" + i + "].unitCode",
                "không phải đơn vị trực thuộc năm "
                    + year
                    + " / not a unit below the parent that year"));
      } else if (v.value().signum() < 0) {
        errors.add(
            new ProblemDetail.FieldError(
                "values[" + i + "].value", "không được âm / must not be negative"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(
          ProblemType.VALIDATION,
          errors.stream()
              .map(e -> e.field() + ": " + e.message())
              .collect(Collectors.joining("; ")),
          errors);
    }
    for (TargetDtos.WeightValue v : update.values()) {
      UnitWeight w =
          UnitWeight.<UnitWeight>find(
                  "name = ?1 and year = ?2 and unitCode = ?3", name, (short) year, v.unitCode())
              .firstResultOptional()
              .orElseGet(UnitWeight::new);
      w.name = name;
      w.year = (short) year;
      w.unitCode = v.unitCode();
      w.value = v.value();
      w.setBy = user.username();
      w.persist();
    }
    UnitWeight.flush();
    return weights(year, parentCode);
  }

  private static String cellOf(Ctx ctx, Target target, OrgUnit child) {
    if (ctx.item().measureType == MeasureType.ACTIVITY) {
      boolean required = target != null ? target.required : defaultRequired(ctx.item(), child);
      return required ? "x" : "";
    }
    return target == null || target.value == null
        ? ""
        : target.value.stripTrailingZeros().toPlainString();
  }

  // --- reading

  private TargetDtos.Column view(Ctx ctx) {
    Map<String, Target> existing = existing(ctx);
    TargetDtos.ParentTarget parentTarget = parentTarget(ctx);
    List<TargetDtos.Row> rows = new ArrayList<>();
    for (OrgUnit child : ctx.children()) {
      Target t = existing.get(child.code);
      int communes = communes(child, ctx.year());
      if (t != null) {
        rows.add(
            new TargetDtos.Row(
                OrgUnitSummary.of(child),
                plain(t.value),
                ctx.item().measureType == MeasureType.ACTIVITY ? t.required : null,
                t.method,
                communes,
                t.updatedAt));
      } else if (ctx.item().measureType == MeasureType.ACTIVITY) {
        rows.add(
            new TargetDtos.Row(
                OrgUnitSummary.of(child),
                null,
                defaultRequired(ctx.item(), child),
                "default",
                communes,
                null));
      } else {
        rows.add(new TargetDtos.Row(OrgUnitSummary.of(child), null, null, null, communes, null));
      }
    }
    Summary s = summarize(ctx, parentTarget, new ArrayList<>(existing.values()));
    BigDecimal difference =
        s.sum() != null && parentTarget.value() != null
            ? parentTarget.value().subtract(s.sum())
            : null;
    return new TargetDtos.Column(
        ctx.plan().code,
        ctx.item().key,
        ctx.item().code,
        ctx.item().title,
        ctx.item().measureType.code(),
        ctx.item().measureUnit,
        ctx.year(),
        OrgUnitSummary.of(ctx.parent()),
        parentTarget,
        rows,
        s.sum(),
        difference,
        s.status(),
        ctx.children().size() - s.withTarget(),
        digest(existing.values()));
  }

  record Summary(BigDecimal sum, int withTarget, String status) {}

  private static Summary summarize(Ctx ctx, TargetDtos.ParentTarget parent, List<Target> targets) {
    List<Target> set =
        targets.stream()
            .filter(t -> t.value != null || ctx.item().measureType == MeasureType.ACTIVITY)
            .toList();
    int withTarget = set.size();
    int children = ctx.children().size();
    return switch (ctx.item().measureType) {
      case COUNT -> {
        BigDecimal sum =
            set.stream()
                .map(t -> t.value)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .stripTrailingZeros();
        String status;
        if (withTarget == 0) {
          status = "unallocated";
        } else if (parent.value() == null) {
          status = "no-parent-target";
        } else {
          int c = sum.compareTo(parent.value());
          status = c < 0 ? "under" : c > 0 ? "over" : "exact";
        }
        yield new Summary(sum, withTarget, status);
      }
      case PERCENTAGE ->
          new Summary(
              null,
              withTarget,
              withTarget == 0 ? "unallocated" : withTarget < children ? "partial" : "complete");
      case ACTIVITY -> new Summary(null, withTarget, withTarget == 0 ? "default" : "set");
    };
  }

  private TargetDtos.ParentTarget parentTarget(Ctx ctx) {
    if (ctx.parent().parentCode == null) {
      YearLevel.Kind kind =
          ctx.item().level(ctx.year()).map(l -> l.kind).orElse(YearLevel.Kind.NONE);
      var level = ctx.item().level(ctx.year());
      BigDecimal value = level.map(l -> l.value).map(BigDecimal::stripTrailingZeros).orElse(null);
      Boolean required =
          ctx.item().measureType == MeasureType.ACTIVITY ? kind != YearLevel.Kind.NONE : null;
      return new TargetDtos.ParentTarget("plan", value, required, level.map(l -> l.raw).orElse(""));
    }
    return Target.of(ctx.item(), ctx.year(), ctx.parent().code)
        .map(
            t ->
                new TargetDtos.ParentTarget(
                    "allocated",
                    t.value == null ? null : t.value.stripTrailingZeros(),
                    ctx.item().measureType == MeasureType.ACTIVITY ? t.required : null,
                    null))
        .orElse(new TargetDtos.ParentTarget("none", null, null, null));
  }

  // --- writing

  private List<ProblemDetail.FieldError> validate(Ctx ctx, List<TargetDtos.RowUpdate> rows) {
    List<ProblemDetail.FieldError> errors = new ArrayList<>();
    Set<String> valid = ctx.children().stream().map(u -> u.code).collect(Collectors.toSet());
    Set<String> seen = new HashSet<>();
    MeasureType measure = ctx.item().measureType;
    for (int i = 0; i < rows.size(); i++) {
      TargetDtos.RowUpdate row = rows.get(i);
      String at = "rows[" + i + "]";
      if (!valid.contains(row.unitCode())) {
        errors.add(
            new ProblemDetail.FieldError(
                at + ".unitCode",
                "'"
                    + row.unitCode()
                    + "' không phải đơn vị trực thuộc "
                    + ctx.parent().name
                    + " năm "
                    + ctx.year()
                    + " / not a unit below the parent in that year"));
        continue;
      }
      if (!seen.add(row.unitCode())) {
        errors.add(
            new ProblemDetail.FieldError(at + ".unitCode", "đơn vị lặp lại / unit given twice"));
      }
      if (measure == MeasureType.ACTIVITY) {
        if (row.value() != null) {
          errors.add(
              new ProblemDetail.FieldError(
                  at + ".value",
                  "hoạt động không có số / an activity has no number; use required"));
        }
        if (row.required() == null) {
          errors.add(
              new ProblemDetail.FieldError(
                  at + ".required", "bắt buộc với hoạt động / required for an activity"));
        }
        continue;
      }
      if (row.required() != null && !row.required()) {
        errors.add(
            new ProblemDetail.FieldError(
                at + ".required", "chỉ dùng cho hoạt động / only for activities"));
      }
      BigDecimal v = row.value();
      if (v == null) {
        continue;
      }
      if (v.signum() < 0) {
        errors.add(
            new ProblemDetail.FieldError(at + ".value", "không được âm / must not be negative"));
      } else if (measure == MeasureType.PERCENTAGE && v.compareTo(HUNDRED) > 0) {
        errors.add(
            new ProblemDetail.FieldError(
                at + ".value", "tỷ lệ không quá 100 / a percentage is at most 100"));
      } else if (measure == MeasureType.COUNT && v.stripTrailingZeros().scale() > 0) {
        errors.add(
            new ProblemDetail.FieldError(
                at + ".value", "phải là số nguyên / must be a whole number"));
      } else if (v.compareTo(new BigDecimal("100000000")) >= 0) {
        errors.add(new ProblemDetail.FieldError(at + ".value", "quá lớn / too large"));
      }
    }
    return errors;
  }

  /** Applies rows with history; returns how many targets changed. */
  private int apply(
      Ctx ctx,
      Map<String, Target> existing,
      List<TargetDtos.RowUpdate> rows,
      String method,
      String reason) {
    int changed = 0;
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    boolean activity = ctx.item().measureType == MeasureType.ACTIVITY;
    requireReasonOnceReported(ctx, existing, rows, reason, activity);
    for (TargetDtos.RowUpdate row : rows) {
      BigDecimal value = activity || row.value() == null ? null : row.value().stripTrailingZeros();
      boolean required = !activity || Boolean.TRUE.equals(row.required());
      Target t = existing.get(row.unitCode());
      BigDecimal beforeValue = t == null ? null : t.value;
      Boolean beforeRequired = t == null ? null : t.required;
      if (t != null && same(t.value, value) && t.required == required) {
        continue;
      }
      if (t == null) {
        if (value == null && !activity) {
          continue; // clearing a target that does not exist
        }
        t = new Target();
        t.item = ctx.item();
        t.year = (short) ctx.year();
        t.unitCode = row.unitCode();
        t.parentUnitCode = ctx.parent().code;
        existing.put(row.unitCode(), t);
      }
      t.value = value;
      t.required = required;
      t.method = method;
      t.persist();
      TargetChange change = new TargetChange();
      change.target = t;
      change.changedAt = now;
      change.changedBy = user.username();
      change.beforeValue = beforeValue;
      change.afterValue = value;
      change.beforeRequired = activity ? beforeRequired : null;
      change.afterRequired = activity ? required : null;
      change.method = method;
      change.reason = reason == null || reason.isBlank() ? null : reason.strip();
      change.persist();
      changed++;
    }
    return changed;
  }

  /**
   * Changing a target that units already reported against needs a reason: the history must say why
   * the goal moved under their feet. Setting a target for the first time does not.
   */
  private void requireReasonOnceReported(
      Ctx ctx,
      Map<String, Target> existing,
      List<TargetDtos.RowUpdate> rows,
      String reason,
      boolean activity) {
    if (reason != null && !reason.isBlank()) {
      return;
    }
    List<String> changing = new ArrayList<>();
    for (TargetDtos.RowUpdate row : rows) {
      Target t = existing.get(row.unitCode());
      BigDecimal value = activity || row.value() == null ? null : row.value().stripTrailingZeros();
      boolean required = !activity || Boolean.TRUE.equals(row.required());
      if (t != null && !(same(t.value, value) && t.required == required)) {
        changing.add(row.unitCode());
      }
    }
    if (!changing.isEmpty() && reported.anyReported(ctx.item(), ctx.year(), changing)) {
      throw ApiException.invalid(
          "reason",
          "đơn vị đã báo cáo kết quả cho mục này năm "
              + ctx.year()
              + "; cần nêu lý do thay đổi chỉ tiêu / results were already reported against"
              + " these targets; give a reason for the change");
    }
  }

  /** Numbers as people write them: 56, not 56.000 (the column's scale). */
  private static BigDecimal plain(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros();
  }

  private static boolean same(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  // --- context and rules

  private Ctx context(String planId, String itemKey, int year, String parentCode) {
    Plan plan = plan(planId);
    requireYear(plan, year, "year");
    PlanItem item =
        PlanItem.findByKey(plan, itemKey)
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "Kế hoạch "
                            + planId
                            + " không có mục '"
                            + itemKey
                            + "' / No item "
                            + itemKey));
    if ((item.kind != ItemKind.LEAF && item.kind != ItemKind.BREAKDOWN)
        || item.measureType == null) {
      throw ApiException.invalid("item", "chỉ giao chỉ tiêu cho mục lá / only leaves get targets");
    }
    if (PlanItem.count("parent = ?1 and kind = ?2", item, ItemKind.BREAKDOWN) > 0) {
      throw ApiException.invalid(
          "item",
          "mục này chia theo dòng chi tiết; hãy giao cho từng dòng / allocate each breakdown row of this item");
    }
    OrgUnit parent = parentUnit(parentCode, year);
    return new Ctx(plan, item, year, parent, children(parent, year));
  }

  private Plan plan(String planId) {
    return planAccess.readable(planId);
  }

  private static void requireYear(Plan plan, int year, String field) {
    if (year < plan.firstYear || year > plan.lastYear) {
      throw ApiException.invalid(
          field,
          "kế hoạch có các năm "
              + plan.firstYear
              + "–"
              + plan.lastYear
              + " / the plan covers "
              + plan.firstYear
              + "–"
              + plan.lastYear);
    }
  }

  /** A unit in the caller's subtree (its own or below), as it was in that year. */
  private OrgUnit parentUnit(String code, int year) {
    if (code == null || !scope.inSubtree(code)) {
      throw ApiException.notFound(
          "Không có đơn vị '"
              + code
              + "' trong phạm vi của bạn / No unit "
              + code
              + " in your scope");
    }
    return OrgUnit.findByCode(code, LocalDate.of(year, 7, 1))
        .orElseThrow(() -> ApiException.notFound("Không có đơn vị '" + code + "'"));
  }

  private void requirePlannerOf(OrgUnit parent) {
    if (!user.hasRole(Roles.PLANNER) || !parent.code.equals(scope.unitCode())) {
      throw new ApiException(
          ProblemType.FORBIDDEN,
          "Chỉ cán bộ kế hoạch của "
              + parent.name
              + " được giao chỉ tiêu cho đơn vị cấp dưới / Only a planner of the parent unit sets its children's targets");
    }
  }

  /** The units directly below a unit at any time during a year, one version per code. */
  static List<OrgUnit> children(OrgUnit parent, int year) {
    List<OrgUnit> all =
        OrgUnit.list(
            "parentCode = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?3) order by code, validFrom",
            parent.code,
            LocalDate.of(year, 12, 31),
            LocalDate.of(year, 1, 1));
    Map<String, OrgUnit> latest = new LinkedHashMap<>();
    all.forEach(u -> latest.put(u.code, u));
    List<OrgUnit> out = new ArrayList<>(latest.values());
    out.sort(
        Comparator.comparing(
                (OrgUnit u) -> u.type == vn.lhpn.kehoach.orgunit.OrgUnitType.AFFILIATED)
            .thenComparing(u -> u.code));
    return out;
  }

  /**
   * How many communes (cơ sở Hội) a unit counts in a year: those below it at the end of the year
   * (so a merge during the year is not counted twice); a commune counts itself.
   */
  static int communes(OrgUnit unit, int year) {
    if (unit.level >= 3) {
      return 1;
    }
    LocalDate end = LocalDate.of(year, 12, 31);
    return (int)
        OrgUnit.<OrgUnit>list(
                "parentCode = ?1 and level = 3 and validFrom <= ?2 and (validTo is null or validTo >= ?2)",
                unit.code,
                end)
            .stream()
            .map(u -> u.code)
            .distinct()
            .count();
  }

  /** A breakdown row (6.1 "Cấp tỉnh") is led by its item's department. */
  private static boolean ledBy(PlanItem item, String department) {
    PlanItem led =
        item.kind == ItemKind.BREAKDOWN && item.departments.isEmpty() ? item.parent : item;
    return led != null
        && led.departments.stream().anyMatch(d -> d.code.equalsIgnoreCase(department));
  }

  private static boolean defaultRequired(PlanItem item, OrgUnit child) {
    return Levels.fromColumn(item.implementingLevels).stream().anyMatch(l -> l >= child.level);
  }

  private static Map<String, Target> existing(Ctx ctx) {
    return Target.ofParent(ctx.item(), ctx.year(), ctx.parent().code).stream()
        .collect(Collectors.toMap(t -> t.unitCode, Function.identity(), (a, b) -> a, HashMap::new));
  }

  static List<PlanItem> allocatable(Plan plan) {
    List<PlanItem> all = PlanItem.listOf(plan);
    Set<PlanItem> withBreakdowns =
        all.stream()
            .filter(i -> i.kind == ItemKind.BREAKDOWN)
            .map(i -> i.parent)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    return all.stream()
        .filter(
            i ->
                (i.kind == ItemKind.LEAF || i.kind == ItemKind.BREAKDOWN)
                    && i.measureType != null
                    && !withBreakdowns.contains(i))
        .toList();
  }

  private static BigDecimal requireValue(BigDecimal value, MeasureType measure) {
    if (value == null || value.signum() < 0) {
      throw ApiException.invalid("value", "cần một số không âm / a number ≥ 0 is required");
    }
    if (measure == MeasureType.PERCENTAGE && value.compareTo(HUNDRED) > 0) {
      throw ApiException.invalid("value", "tỷ lệ không quá 100 / at most 100");
    }
    return value;
  }

  private static Allocation.Remainder remainder(String value) {
    if (value == null || value.isBlank()) {
      return Allocation.Remainder.FIRST;
    }
    try {
      return Allocation.Remainder.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("remainder", "first, last hoặc none");
    }
  }

  /** The ETag of a column: a digest of its targets' units and versions. */
  static String digest(java.util.Collection<Target> targets) {
    String joined =
        targets.stream()
            .sorted(Comparator.comparing((Target t) -> t.unitCode))
            .map(t -> t.unitCode + ":" + t.version)
            .collect(Collectors.joining(","));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
      return "c-" + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
