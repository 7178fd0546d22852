package vn.lhpn.kehoach.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.allocation.Target;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanRules;
import vn.lhpn.kehoach.plan.YearLevel;
import vn.lhpn.kehoach.plan.service.PlanPolicy;
import vn.lhpn.kehoach.progress.dto.ProgressDtos;
import vn.lhpn.kehoach.security.Access;
import vn.lhpn.kehoach.security.UnitHierarchy;

/**
 * What every progress read needs: the plan and unit the caller may read (their subtree only: a
 * sibling is 404), the items, the targets of units, and the rollup rows, each fetched in one query
 * for all the units and items shown.
 */
@ApplicationScoped
public class ProgressContext {
  private final PlanPolicy plans;
  private final Access access;
  private final UnitHierarchy hierarchy;
  private final EntityManager em;

  ProgressContext(PlanPolicy plans, Access access, UnitHierarchy hierarchy, EntityManager em) {
    this.plans = plans;
    this.access = access;
    this.hierarchy = hierarchy;
    this.em = em;
  }

  /**
   * The plan, if the caller may read it. Progress only reads: what it loads from here on is
   * read-only (no snapshots kept, nothing dirty-checked at commit).
   */
  public Plan plan(String planId) {
    em.unwrap(org.hibernate.Session.class).setDefaultReadOnly(true);
    return plans.readable(planId);
  }

  /** A unit of the caller's subtree as it was on a day; anything else is 404. */
  public OrgUnit unit(String code, LocalDate day) {
    String c = code == null || code.isBlank() ? access.unitCode() : code.strip();
    access.requireInScope(c, "unit");
    return OrgUnit.findByCode(c, day).orElseThrow(() -> Access.outOfScope(c));
  }

  public Set<String> subtreeOf(String code) {
    if (!access.inScope(code)) {
      return Set.of();
    }
    // the caller's own unit: its subtree was read for the scope check already
    return code.equals(access.unitCode()) ? access.subtree() : hierarchy.subtreeCodes(code);
  }

  /** The items of the plan that take values, in the plan's order. */
  public List<PlanItem> items(Plan plan, String itemKey) {
    List<PlanItem> all = PlanRules.allocatable(plan);
    if (itemKey == null) {
      return all;
    }
    return List.of(
        all.stream()
            .filter(i -> i.key.equals(itemKey))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiException.notFound("Không có mục '" + itemKey + "' / No item " + itemKey)));
  }

  /** The departments (Ban) that lead each item of a plan, in one query. */
  @SuppressWarnings("unchecked")
  public Map<Long, List<String>> departments(Plan plan) {
    Map<Long, List<String>> out = new HashMap<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    """
                    SELECT l.item_id, d.code FROM plan_item_department l
                    JOIN department d ON d.id = l.department_id
                    JOIN plan_item i ON i.id = l.item_id
                    WHERE i.plan_id = ?1 ORDER BY d.code
                    """)
                .setParameter(1, plan.id)
                .getResultList()) {
      out.computeIfAbsent(((Number) r[0]).longValue(), k -> new java.util.ArrayList<>())
          .add((String) r[1]);
    }
    return out;
  }

  /** Each unit's target for each item in a year: the plan's level at the top. */
  public Map<String, Map<Long, ProgressDtos.Target>> targets(
      Plan plan, int year, Collection<OrgUnit> units, List<PlanItem> items) {
    Map<String, Map<Long, ProgressDtos.Target>> out = new HashMap<>();
    List<String> below = units.stream().filter(u -> u.parentCode != null).map(u -> u.code).toList();
    if (!below.isEmpty()) {
      for (Target t :
          Target.<Target>list(
              "item.plan = ?1 and year = ?2 and unitCode in ?3", plan, (short) year, below)) {
        out.computeIfAbsent(t.unitCode, k -> new HashMap<>())
            .put(
                t.item.id,
                new ProgressDtos.Target(
                    t.value == null ? null : t.value.stripTrailingZeros(),
                    t.item.measureType == MeasureType.ACTIVITY ? t.required : null,
                    "allocated"));
      }
    }
    for (OrgUnit u : units) {
      if (u.parentCode == null) {
        Map<Long, ProgressDtos.Target> own = out.computeIfAbsent(u.code, k -> new HashMap<>());
        for (PlanItem item : items) {
          var level = item.level(year);
          YearLevel.Kind kind = level.map(l -> l.kind).orElse(YearLevel.Kind.NONE);
          BigDecimal value =
              level.map(l -> l.value).map(BigDecimal::stripTrailingZeros).orElse(null);
          boolean activity = item.measureType == MeasureType.ACTIVITY;
          own.put(
              item.id,
              new ProgressDtos.Target(
                  activity ? null : value, activity ? kind != YearLevel.Kind.NONE : null, "plan"));
        }
      }
    }
    return out;
  }

  /** One rollup row: the subtree of a unit for an item and a year. */
  public record Rollup(
      BigDecimal sum,
      int units,
      int done,
      int inProgress,
      int notDone,
      int na,
      BigDecimal pendingSum,
      int pendingUnits) {
    public static final Rollup NONE =
        new Rollup(BigDecimal.ZERO, 0, 0, 0, 0, 0, BigDecimal.ZERO, 0);
  }

  /** The rollup rows of some units for a year, by unit and item. */
  @SuppressWarnings("unchecked")
  public Map<String, Map<Long, Rollup>> rollups(Collection<String> units, int year) {
    Map<String, Map<Long, Rollup>> out = new HashMap<>();
    if (units.isEmpty()) {
      return out;
    }
    List<Object[]> rows =
        em.createNativeQuery(
                """
                SELECT unit_code, plan_item_id, approved_sum, approved_units, approved_done,
                       approved_in_progress, approved_not_done, approved_na,
                       pending_sum, pending_units
                FROM rollup_value WHERE year = ?1 AND unit_code IN (?2)
                """)
            .setParameter(1, (short) year)
            .setParameter(2, units)
            .getResultList();
    for (Object[] r : rows) {
      out.computeIfAbsent((String) r[0], k -> new HashMap<>())
          .put(
              ((Number) r[1]).longValue(),
              new Rollup(
                  ((BigDecimal) r[2]).stripTrailingZeros(),
                  ((Number) r[3]).intValue(),
                  ((Number) r[4]).intValue(),
                  ((Number) r[5]).intValue(),
                  ((Number) r[6]).intValue(),
                  ((Number) r[7]).intValue(),
                  ((BigDecimal) r[8]).stripTrailingZeros(),
                  ((Number) r[9]).intValue()));
    }
    return out;
  }

  /** A unit's own figures for a year, by unit and item. */
  @SuppressWarnings("unchecked")
  public Map<String, Map<Long, ProgressDtos.Figure[]>> own(Collection<String> units, int year) {
    Map<String, Map<Long, ProgressDtos.Figure[]>> out = new HashMap<>();
    if (units.isEmpty()) {
      return out;
    }
    List<Object[]> rows =
        em.createNativeQuery(
                """
                SELECT unit_code, plan_item_id, approved_number, approved_status, approved_sources,
                       pending_number, pending_status, pending_sources
                FROM unit_year_value WHERE year = ?1 AND unit_code IN (?2)
                """)
            .setParameter(1, (short) year)
            .setParameter(2, units)
            .getResultList();
    for (Object[] r : rows) {
      out.computeIfAbsent((String) r[0], k -> new HashMap<>())
          .put(
              ((Number) r[1]).longValue(),
              new ProgressDtos.Figure[] {
                figure((BigDecimal) r[2], (String) r[3], (String) r[4]),
                figure((BigDecimal) r[5], (String) r[6], (String) r[7])
              });
    }
    return out;
  }

  private static ProgressDtos.Figure figure(BigDecimal number, String status, String sources) {
    return sources == null
        ? null
        : new ProgressDtos.Figure(
            number == null ? null : number.stripTrailingZeros(),
            status,
            List.of(sources.split(",")));
  }

  /**
   * How many units of a subtree had to carry out each activity in a year: the units valid that year
   * at the levels that report it, less those the level above marked "not required".
   */
  @SuppressWarnings("unchecked")
  public Map<Long, Integer> due(Plan plan, int year, Set<String> subtree, List<PlanItem> items) {
    Map<Integer, Long> byLevel = new HashMap<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    """
                    SELECT level, count(DISTINCT code) FROM org_unit
                    WHERE code IN (?1) AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to >= ?3)
                    GROUP BY level
                    """)
                .setParameter(1, subtree)
                .setParameter(2, LocalDate.of(year, 12, 31))
                .setParameter(3, LocalDate.of(year, 1, 1))
                .getResultList()) {
      byLevel.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue());
    }
    Map<Long, Long> notRequired = new HashMap<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    """
                    SELECT t.plan_item_id, count(*) FROM target t
                    JOIN plan_item i ON i.id = t.plan_item_id
                    WHERE i.plan_id = ?1 AND t.year = ?2 AND t.unit_code IN (?3) AND NOT t.required
                    GROUP BY t.plan_item_id
                    """)
                .setParameter(1, plan.id)
                .setParameter(2, (short) year)
                .setParameter(3, subtree)
                .getResultList()) {
      notRequired.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue());
    }
    Map<Long, Integer> out = new HashMap<>();
    for (PlanItem item : items) {
      boolean scheduled = item.level(year).map(l -> l.kind != YearLevel.Kind.NONE).orElse(false);
      if (item.measureType != MeasureType.ACTIVITY || !scheduled) {
        continue;
      }
      Set<Integer> levels = PlanRules.reportingLevels(item);
      long units =
          byLevel.entrySet().stream()
              .filter(e -> levels.isEmpty() || levels.contains(e.getKey()))
              .mapToLong(Map.Entry::getValue)
              .sum();
      out.put(item.id, (int) Math.max(0, units - notRequired.getOrDefault(item.id, 0L)));
    }
    return out;
  }
}
