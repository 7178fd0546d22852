package vn.lhpn.kehoach.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Jdbc;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.service.OrgUnitTree;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.plan.service.PlanOutlines;
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
  private final PlanOutlines outlines;
  private final Access access;
  private final UnitHierarchy hierarchy;
  private final OrgUnitTree tree;
  private final EntityManager em;
  private final SubtreeFigures subtrees;

  ProgressContext(
      PlanPolicy plans,
      PlanOutlines outlines,
      Access access,
      UnitHierarchy hierarchy,
      OrgUnitTree tree,
      EntityManager em,
      SubtreeFigures subtrees) {
    this.plans = plans;
    this.outlines = outlines;
    this.access = access;
    this.hierarchy = hierarchy;
    this.tree = tree;
    this.em = em;
    this.subtrees = subtrees;
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

  /** The items of the plan that take values, in the plan's order (the plan's read model). */
  public List<PlanOutline.Item> items(Plan plan, String itemKey) {
    List<PlanOutline.Item> all = outlines.of(plan).items();
    if (itemKey == null) {
      return all;
    }
    return List.of(
        all.stream()
            .filter(i -> i.key().equals(itemKey))
            .findFirst()
            .orElseThrow(
                () ->
                    new ApiException(
                        ProblemType.NOT_FOUND,
                        Message.of("plan.item-not-found", "plan", plan.code, "item", itemKey))));
  }

  /** Each unit's target for each item in a year: the plan's level at the top. */
  public Map<String, Map<Long, ProgressDtos.Target>> targets(
      Plan plan, int year, Collection<OrgUnit> units, List<PlanOutline.Item> items) {
    return targets(plan, year, year, units, items).getOrDefault(year, Map.of());
  }

  /** The same for a span of years, by year: one query. */
  @SuppressWarnings("unchecked")
  public Map<Integer, Map<String, Map<Long, ProgressDtos.Target>>> targets(
      Plan plan, int from, int to, Collection<OrgUnit> units, List<PlanOutline.Item> items) {
    Map<Integer, Map<String, Map<Long, ProgressDtos.Target>>> out = new HashMap<>();
    Map<Long, PlanOutline.Item> byId = new HashMap<>();
    items.forEach(i -> byId.put(i.id(), i));
    List<String> below = units.stream().filter(u -> u.parentCode != null).map(u -> u.code).toList();
    if (!below.isEmpty()) {
      Jdbc.query(
          em,
          """
          SELECT t.unit_code, t.plan_item_id, t.value, t.required, t.year
          FROM target t JOIN plan_item i ON i.id = t.plan_item_id
          WHERE i.plan_id = ? AND t.year BETWEEN ? AND ? AND t.unit_code = ANY (?)
          """,
          List.of(plan.id, (short) from, (short) to, below),
          rs -> {
            PlanOutline.Item item = byId.get(rs.getLong(2));
            if (item == null) {
              return;
            }
            BigDecimal value = rs.getBigDecimal(3);
            out.computeIfAbsent((int) rs.getShort(5), k -> new HashMap<>())
                .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                .put(
                    item.id(),
                    new ProgressDtos.Target(
                        value == null ? null : value.stripTrailingZeros(),
                        item.isActivity() ? rs.getBoolean(4) : null,
                        "allocated"));
          });
    }
    for (int year = from; year <= to; year++) {
      for (OrgUnit u : units) {
        if (u.parentCode != null) {
          continue;
        }
        Map<Long, ProgressDtos.Target> own =
            out.computeIfAbsent(year, k -> new HashMap<>())
                .computeIfAbsent(u.code, k -> new HashMap<>());
        for (PlanOutline.Item item : items) {
          var level = item.level(year);
          BigDecimal value = level.map(PlanOutline.Level::value).orElse(null);
          own.put(
              item.id(),
              new ProgressDtos.Target(
                  item.isActivity() ? null : value,
                  item.isActivity() ? item.scheduled(year) : null,
                  level.map(PlanOutline.Level::amended).orElse(false) ? "amended" : "plan"));
        }
      }
    }
    return out;
  }

  /** The rollup rows of some units for a year, by unit and item. */
  public Map<String, Map<Long, RollupDelta>> rollups(Collection<String> units, int year) {
    return rollups(units, year, year).getOrDefault(year, Map.of());
  }

  /**
   * What each unit's subtree adds up to for a span of years, by year, unit and item ({@link
   * SubtreeFigures}).
   */
  public Map<Integer, Map<String, Map<Long, RollupDelta>>> rollups(
      Collection<String> units, int from, int to) {
    return subtrees.read(units, from, to);
  }

  /** A value of an approved report: its unit, item and period, and what it says. */
  public record ApprovedValue(
      String unitCode, long itemId, String period, BigDecimal number, String status) {}

  /** The values of the approved reports of some periods in a subtree. */
  @SuppressWarnings("unchecked")
  public List<ApprovedValue> approvedValues(Plan plan, List<String> periods, Set<String> units) {
    if (units.isEmpty()) {
      return List.of();
    }
    List<Object[]> rows =
        em.createNativeQuery(
                """
            SELECT s.unit_code, v.plan_item_id, p.code, v.number, v.status
            FROM submission s
            JOIN period p ON p.id = s.period_id
            JOIN submission_value v ON v.submission_id = s.id
            WHERE p.plan_id = ?1 AND p.code IN (?2) AND s.state = 'approved' AND s.unit_code IN (?3)
            """)
            .setParameter(1, plan.id)
            .setParameter(2, periods)
            .setParameter(3, units)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new ApprovedValue(
                    (String) r[0],
                    ((Number) r[1]).longValue(),
                    (String) r[2],
                    (BigDecimal) r[3],
                    (String) r[4]))
        .toList();
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
  public Map<Long, Integer> due(
      Plan plan,
      int year,
      String root,
      Set<String> subtree,
      List<PlanOutline.Item> items,
      MonthDay mapDay) {
    return due(plan, year, year, root, subtree, items, mapDay).getOrDefault(year, Map.of());
  }

  /** The same for a span of years, by year: two queries whatever the span. */
  @SuppressWarnings("unchecked")
  public Map<Integer, Map<Long, Integer>> due(
      Plan plan,
      int from,
      int to,
      String root,
      Set<String> subtree,
      List<PlanOutline.Item> items,
      MonthDay mapDay) {
    // year → level → how many codes of the subtree the year's figures hold: those below the root on
    // the map day (docs/adr/0011), from the hierarchy kept in memory (at national scale the subtree
    // is 11,000 codes, too many to send to the database)
    Map<Integer, Map<Integer, Integer>> byLevel =
        subtree.isEmpty() ? Map.of() : tree.countByYearAndTier(root, subtree, from, to, mapDay);
    Map<Integer, Map<Long, Long>> notRequired =
        subtree.isEmpty() ? Map.of() : notRequired(plan, from, to, subtree);
    Map<Integer, Map<Long, Integer>> out = new HashMap<>();
    for (int year = from; year <= to; year++) {
      Map<Integer, Integer> levelsThatYear = byLevel.getOrDefault(year, Map.of());
      Map<Long, Long> notRequiredThatYear = notRequired.getOrDefault(year, Map.of());
      Map<Long, Integer> dueThatYear = out.computeIfAbsent(year, k -> new HashMap<>());
      for (PlanOutline.Item item : items) {
        if (!item.isActivity() || !item.scheduled(year)) {
          continue;
        }
        Set<Integer> levels = item.reportingLevels();
        long units =
            levelsThatYear.entrySet().stream()
                .filter(e -> levels.isEmpty() || levels.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
        dueThatYear.put(
            item.id(), (int) Math.max(0, units - notRequiredThatYear.getOrDefault(item.id(), 0L)));
      }
    }
    return out;
  }

  /** Subtrees up to this size are sent to the database as a list; larger ones are filtered here. */
  private static final int LISTED = 2_000;

  /**
   * How many targets of a subtree say "not required", by year and item. The "not required" rows are
   * few (a partial index holds them): for a large subtree they are all read and counted here rather
   * than sending thousands of codes.
   */
  @SuppressWarnings("unchecked")
  private Map<Integer, Map<Long, Long>> notRequired(
      Plan plan, int from, int to, Set<String> subtree) {
    Map<Integer, Map<Long, Long>> counts = new HashMap<>();
    if (subtree.size() <= LISTED) {
      List<Object[]> rows =
          em.createNativeQuery(
                  """
              SELECT t.year, t.plan_item_id, count(*) FROM target t
              JOIN plan_item i ON i.id = t.plan_item_id
              WHERE i.plan_id = ?1 AND t.year BETWEEN ?2 AND ?4 AND t.unit_code IN (?3)
                AND NOT t.required
              GROUP BY t.year, t.plan_item_id
              """)
              .setParameter(1, plan.id)
              .setParameter(2, (short) from)
              .setParameter(4, (short) to)
              .setParameter(3, subtree)
              .getResultList();
      for (Object[] r : rows) {
        counts
            .computeIfAbsent(((Number) r[0]).intValue(), k -> new HashMap<>())
            .put(((Number) r[1]).longValue(), ((Number) r[2]).longValue());
      }
      return counts;
    }
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    """
                    SELECT t.year, t.plan_item_id, t.unit_code FROM target t
                    JOIN plan_item i ON i.id = t.plan_item_id
                    WHERE i.plan_id = ?1 AND t.year BETWEEN ?2 AND ?3 AND NOT t.required
                    """)
                .setParameter(1, plan.id)
                .setParameter(2, (short) from)
                .setParameter(3, (short) to)
                .getResultList()) {
      if (subtree.contains((String) r[2])) {
        counts
            .computeIfAbsent(((Number) r[0]).intValue(), k -> new HashMap<>())
            .merge(((Number) r[1]).longValue(), 1L, Long::sum);
      }
    }
    return counts;
  }
}
