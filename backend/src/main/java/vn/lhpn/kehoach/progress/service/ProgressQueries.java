package vn.lhpn.kehoach.progress.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.plan.PlanRules;
import vn.lhpn.kehoach.progress.dto.ProgressDtos;

/**
 * Progress of a unit's year: every item's own and subtree figures against the target, the units
 * below side by side, and the figures behind any number. Read from the rollup rows kept in step
 * with every approval: a read costs one row per unit and item shown, whatever lies below.
 */
@ApplicationScoped
public class ProgressQueries {
  /** The day of the map a year's figures are rolled up by, and the first half's (ADR 0011). */
  static final MonthDay YEAR_END = MonthDay.of(12, 31);

  static final MonthDay HALF_END = MonthDay.of(6, 30);

  private final ProgressContext context;
  private final ProgressCache cache;
  private final Clock clock;

  ProgressQueries(ProgressContext context, ProgressCache cache, Clock clock) {
    this.context = context;
    this.cache = cache;
    this.clock = clock;
  }

  @Transactional
  public ProgressDtos.UnitProgress unit(String planId, String unitCode, int year) {
    Plan plan = context.plan(planId);
    PlanRules.requireYear(plan, year, "year");
    OrgUnit unit = context.unit(unitCode, LocalDate.of(year, 12, 31));
    LocalDate today = LocalDate.now(clock);
    return cache.get(
        new ProgressCache.Key("unit", plan.id, plan.contentRevision, unit.code, year, today),
        () -> {
          Map<Long, RollupDelta> rollups =
              context.rollups(List.of(unit.code), year).getOrDefault(unit.code, Map.of());
          Map<Long, ProgressDtos.Figure[]> own =
              context.own(List.of(unit.code), year).getOrDefault(unit.code, Map.of());
          return progress(
              plan, unit, year, ProgressRules.pace(year, today), rollups, own, YEAR_END);
        });
  }

  /**
   * Progress of the first half of a year (sơ kết 6 tháng): the approved reports for the half-year,
   * or else its quarters (the nesting rule within the half), added up the subtree as the rollup
   * does for the year, against the year's targets with the half of the year as the pace.
   */
  @Transactional
  public ProgressDtos.UnitProgress firstHalf(String planId, String unitCode, int year) {
    Plan plan = context.plan(planId);
    PlanRules.requireYear(plan, year, "year");
    OrgUnit unit = context.unit(unitCode, LocalDate.of(year, 6, 30));
    HalfYear half = HalfYear.of(context, plan, unit.code, year);
    BigDecimal pace = ProgressRules.pace(year, LocalDate.now(clock)).min(HalfYear.PACE);
    return progress(plan, unit, year, pace, half.rollups(), half.own(), HALF_END);
  }

  private ProgressDtos.UnitProgress progress(
      Plan plan,
      OrgUnit unit,
      int year,
      BigDecimal pace,
      Map<Long, RollupDelta> rollups,
      Map<Long, ProgressDtos.Figure[]> own,
      MonthDay mapDay) {
    List<PlanOutline.Item> items = context.items(plan, null);
    Map<Long, ProgressDtos.Target> targets =
        context.targets(plan, year, List.of(unit), items).getOrDefault(unit.code, Map.of());
    Map<Long, Integer> due =
        context.due(plan, year, unit.code, context.subtreeOf(unit.code), items, mapDay);
    List<ProgressDtos.Item> out = new ArrayList<>();
    for (PlanOutline.Item item : items) {
      ProgressDtos.Target target =
          targets.getOrDefault(item.id(), new ProgressDtos.Target(null, null, "none"));
      ProgressDtos.Figure[] figures = own.get(item.id());
      ProgressDtos.Subtree subtree =
          subtree(
              item.measureType(),
              rollups.getOrDefault(item.id(), RollupDelta.ZERO),
              due.getOrDefault(item.id(), 0));
      BigDecimal ratio = ratio(item.measureType(), subtree, target);
      out.add(
          new ProgressDtos.Item(
              item.key(),
              item.code(),
              item.label(),
              item.group().code(),
              item.group().title(),
              item.measureType().code(),
              item.measureUnit(),
              item.departments(),
              target,
              figures == null ? null : figures[0],
              subtree,
              ratio,
              ProgressRules.state(ratio, hasTarget(item.measureType(), target), pace)));
    }
    return new ProgressDtos.UnitProgress(plan.code, OrgUnitSummary.of(unit), year, pace, out);
  }

  /** The units just below a unit, side by side: each item's subtree figure against its target. */
  @Transactional
  public ProgressDtos.Table table(String planId, String unitCode, int year) {
    Plan plan = context.plan(planId);
    PlanRules.requireYear(plan, year, "year");
    OrgUnit unit = context.unit(unitCode, LocalDate.of(year, 12, 31));
    LocalDate today = LocalDate.now(clock);
    return cache.get(
        new ProgressCache.Key("table", plan.id, plan.contentRevision, unit.code, year, today),
        () -> table(plan, unit, year, ProgressRules.pace(year, today)));
  }

  private ProgressDtos.Table table(Plan plan, OrgUnit unit, int year, BigDecimal pace) {
    // the year is rolled up by the map of its last day (docs/adr/0011): the units below then; a
    // unit closed during the year shows the units it had
    LocalDate end = LocalDate.of(year, 12, 31);
    List<OrgUnit> children =
        unit.validOn(end)
            ? OrgUnit.childrenDuring(unit.code, end, end)
            : OrgUnit.childrenDuring(unit.code, LocalDate.of(year, 1, 1), end);
    List<PlanOutline.Item> items = context.items(plan, null);
    List<String> codes = children.stream().map(u -> u.code).toList();
    var targets = context.targets(plan, year, children, items);
    var rollups = context.rollups(codes, year);
    List<ProgressDtos.TableRow> rows = new ArrayList<>();
    for (PlanOutline.Item item : items) {
      List<ProgressDtos.Cell> cells = new ArrayList<>();
      for (OrgUnit child : children) {
        ProgressDtos.Target target =
            targets
                .getOrDefault(child.code, Map.of())
                .getOrDefault(item.id(), new ProgressDtos.Target(null, null, "none"));
        RollupDelta r =
            rollups.getOrDefault(child.code, Map.of()).getOrDefault(item.id(), RollupDelta.ZERO);
        // activities: units that did it ÷ units that reported (due per child would cost a query
        // each)
        ProgressDtos.Subtree subtree = subtree(item.measureType(), r, r.units());
        BigDecimal ratio = ratio(item.measureType(), subtree, target);
        cells.add(
            new ProgressDtos.Cell(
                child.code,
                subtree.value(),
                target.value(),
                ratio,
                ProgressRules.state(ratio, hasTarget(item.measureType(), target), pace)));
      }
      rows.add(
          new ProgressDtos.TableRow(
              item.key(), item.label(), item.group().code(), item.measureType().code(), cells));
    }
    return new ProgressDtos.Table(
        plan.code,
        OrgUnitSummary.of(unit),
        year,
        children.stream().map(OrgUnitSummary::of).toList(),
        rows);
  }

  /**
   * Every unit of a subtree with its own figure for one item and year: the rows behind a number.
   */
  @Transactional
  public ProgressDtos.Values values(String planId, String unitCode, int year, String itemKey) {
    Plan plan = context.plan(planId);
    PlanRules.requireYear(plan, year, "year");
    OrgUnit unit = context.unit(unitCode, LocalDate.of(year, 12, 31));
    PlanOutline.Item item = context.items(plan, itemKey).get(0);
    Set<String> subtree = context.subtreeOf(unit.code);
    var own = context.own(subtree, year);
    List<ProgressDtos.Value> out = new ArrayList<>();
    for (OrgUnit u :
        OrgUnit.<OrgUnit>list(
            "code in :codes and " + OrgUnit.VALID_DURING + " order by level, code",
            Parameters.with("codes", subtree)
                .and("from", LocalDate.of(year, 1, 1))
                .and("to", LocalDate.of(year, 12, 31)))) {
      ProgressDtos.Figure[] f = own.getOrDefault(u.code, Map.of()).get(item.id());
      if (f != null && out.stream().noneMatch(v -> v.unit().code().equals(u.code))) {
        out.add(new ProgressDtos.Value(OrgUnitSummary.of(u), f[0], f[1]));
      }
    }
    return new ProgressDtos.Values(plan.code, item.key(), item.label(), year, out);
  }

  static ProgressDtos.Subtree subtree(MeasureType measure, RollupDelta r, int due) {
    BigDecimal pending = r.pendingUnits() == 0 ? null : r.pendingSum();
    return switch (measure) {
      case COUNT ->
          new ProgressDtos.Subtree(
              r.units() == 0 ? null : r.sum(),
              "sum",
              r.units(),
              null,
              pending,
              r.pendingUnits(),
              r.sources());
      case PERCENTAGE ->
          new ProgressDtos.Subtree(
              r.units() == 0
                  ? null
                  : r.sum()
                      .divide(BigDecimal.valueOf(r.units()), 2, RoundingMode.HALF_UP)
                      .stripTrailingZeros(),
              "mean",
              r.units(),
              null,
              r.pendingUnits() == 0
                  ? null
                  : r.pendingSum()
                      .divide(BigDecimal.valueOf(r.pendingUnits()), 2, RoundingMode.HALF_UP)
                      .stripTrailingZeros(),
              r.pendingUnits(),
              r.sources());
      case ACTIVITY ->
          new ProgressDtos.Subtree(
              BigDecimal.valueOf(r.done()),
              "units",
              r.units(),
              new ProgressDtos.Activity(due, r.done(), r.inProgress(), r.notDone(), r.na()),
              null,
              r.pendingUnits(),
              r.sources());
    };
  }

  /** Counts and percentages against the target; activities: units done ÷ units due. */
  static BigDecimal ratio(
      MeasureType measure, ProgressDtos.Subtree subtree, ProgressDtos.Target target) {
    if (measure == MeasureType.ACTIVITY) {
      int due = subtree.activity() == null ? 0 : subtree.activity().due();
      return due == 0 ? null : ProgressRules.ratio(subtree.value(), BigDecimal.valueOf(due));
    }
    return ProgressRules.ratio(subtree.value(), target.value());
  }

  static boolean hasTarget(MeasureType measure, ProgressDtos.Target target) {
    if (measure == MeasureType.ACTIVITY) {
      return Boolean.TRUE.equals(target.required());
    }
    return target.value() != null && target.value().signum() > 0;
  }
}
