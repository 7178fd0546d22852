package vn.lhpn.kehoach.progress.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.hibernate.Session;
import vn.lhpn.kehoach.common.CopyIn;
import vn.lhpn.kehoach.orgunit.UnitsChanged;
import vn.lhpn.kehoach.orgunit.service.OrgUnitTree;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanRules;
import vn.lhpn.kehoach.progress.service.NestingRule.Figure;
import vn.lhpn.kehoach.progress.service.NestingRule.Kind;
import vn.lhpn.kehoach.progress.service.NestingRule.Reported;
import vn.lhpn.kehoach.progress.service.RollupDelta.UnitFigures;

/**
 * Builds a plan's progress tables afresh from its reports, in one pass: the same {@link
 * NestingRule} and the same arithmetic as {@link RollupWriter}'s step-by-step updates, for data
 * loaded in bulk (the demo history, an import of past reports) or written before progress existed.
 */
@ApplicationScoped
public class RollupRebuild {
  private final EntityManager em;
  private final OrgUnitTree tree;

  RollupRebuild(EntityManager em, OrgUnitTree tree) {
    this.em = em;
    this.tree = tree;
  }

  /** Returns how many unit figures it wrote. */
  public int rebuild(Plan plan) {
    return rebuild(plan, plan.firstYear);
  }

  /**
   * The map changed on a day (a change set was applied): the progress of every plan that has
   * figures on the changed units from that day's year on is rolled up again by the new map
   * (docs/adr/0011), in the transaction that changed it. A plan with none there is left alone:
   * nothing it rolls up passes through them (a province's five mergers do not rebuild the plans of
   * the other provinces).
   */
  void onUnitsChanged(@Observes UnitsChanged changed) {
    int year = changed.day().getYear();
    for (Plan plan : Plan.<Plan>list("lastYear >= ?1", (short) year)) {
      if (hasFiguresOn(plan, changed.units(), Math.max(plan.firstYear, year))) {
        rebuild(plan, Math.max(plan.firstYear, year));
      }
    }
  }

  /**
   * Whether any of the units has a figure of the plan from the year on: its own, or one of its
   * subtree (folded, or an approval's delta not folded yet).
   */
  private boolean hasFiguresOn(Plan plan, Set<String> units, int fromYear) {
    if (units.isEmpty()) {
      return false;
    }
    String codes;
    try {
      codes = JSON.writeValueAsString(units);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return (Boolean)
        em.createNativeQuery(
                """
                WITH u AS (SELECT jsonb_array_elements_text(cast(?1 AS jsonb)) AS code)
                SELECT EXISTS (SELECT 1 FROM rollup_value r JOIN u ON u.code = r.unit_code
                               JOIN plan_item i ON i.id = r.plan_item_id
                               WHERE i.plan_id = ?2 AND r.year >= ?3)
                    OR EXISTS (SELECT 1 FROM rollup_delta r JOIN u ON u.code = r.unit_code
                               WHERE r.plan_id = ?2 AND r.year >= ?3)
                    OR EXISTS (SELECT 1 FROM unit_year_value r JOIN u ON u.code = r.unit_code
                               JOIN plan_item i ON i.id = r.plan_item_id
                               WHERE i.plan_id = ?2 AND r.year >= ?3)
                """)
            .setParameter(1, codes)
            .setParameter(2, plan.id)
            .setParameter(3, (short) fromYear)
            .getSingleResult();
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Rebuilds the years from {@code fromYear} to the plan's last; returns the unit figures. */
  public int rebuild(Plan plan, int fromYear) {
    int from = Math.max(plan.firstYear, fromYear);
    em.flush();
    // approvals add delta rows without locking anything shared (docs/adr/0009); while the tables
    // are rewritten from the reports, none may land between the delete and the read of the reports
    // (it would be counted twice): they wait for this transaction, and those already written are
    // committed before the delete, so the read sees their reports
    em.createNativeQuery("LOCK TABLE rollup_delta IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
    Map<Long, PlanItem> items = new HashMap<>();
    PlanRules.allocatable(plan).forEach(i -> items.put(i.id, i));
    for (String table : List.of("unit_year_value", "rollup_value", "rollup_delta")) {
      em.createNativeQuery(
              "DELETE FROM "
                  + table
                  + (table.equals("rollup_delta") // one row per unit and step (V32)
                      ? " WHERE plan_id = ?1"
                      : " WHERE plan_item_id IN (SELECT id FROM plan_item WHERE plan_id = ?1)")
                  + " AND year >= ?2")
          .setParameter(1, plan.id)
          .setParameter(2, (short) from)
          .executeUpdate();
    }
    int[] written = {0};
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              for (int year = from; year <= plan.lastYear; year++) {
                // the units above each unit on the map of the year's last day (docs/adr/0011)
                Map<String, List<String>> chains = new HashMap<>();
                var above = tree.rollupMap(year);
                written[0] +=
                    rebuildYear(
                        connection, plan, year, items, u -> chains.computeIfAbsent(u, above));
              }
            });
    return written[0];
  }

  /**
   * One year: the reports' values read in (unit, item) order, a cursor's chunk at a time, each
   * unit's figure resolved as soon as its reports are read and added to every unit above it; the
   * rows go back with COPY. Memory holds one year's subtree rows, never the values.
   */
  private static int rebuildYear(
      Connection connection,
      Plan plan,
      int year,
      Map<Long, PlanItem> items,
      Function<String, List<String>> above)
      throws SQLException {
    record Key(String unit, long item) {}
    // what each subtree row adds up to, while the year is read
    Map<Key, RollupDelta> totals = new HashMap<>();
    StringBuilder own = new StringBuilder();
    int[] figures = {0};
    try (PreparedStatement ps =
        connection.prepareStatement(
            """
            SELECT s.unit_code, v.plan_item_id, p.code, p.kind, p.number, s.state, v.number,
                   v.status
            FROM submission s
            JOIN period p ON p.id = s.period_id
            JOIN submission_value v ON v.submission_id = s.id
            WHERE p.plan_id = ? AND p.year = ? AND s.state IN ('submitted', 'approved')
            ORDER BY s.unit_code, v.plan_item_id
            """)) {
      ps.setLong(1, plan.id);
      ps.setShort(2, (short) year);
      ps.setFetchSize(20_000);
      try (ResultSet rs = ps.executeQuery()) {
        Key current = null;
        List<Reported> approved = new ArrayList<>();
        List<Reported> pending = new ArrayList<>();
        while (true) {
          boolean more = rs.next();
          Key key = more ? new Key(rs.getString(1), rs.getLong(2)) : null;
          if (current != null && !current.equals(key)) {
            PlanItem item = items.get(current.item());
            if (item != null) {
              Figure a = NestingRule.resolve(item.measureType, approved).orElse(null);
              Figure p = NestingRule.resolve(item.measureType, pending).orElse(null);
              if (a != null || p != null) {
                figures[0]++;
                CopyIn.row(
                    own,
                    current.unit(),
                    current.item(),
                    year,
                    a == null ? null : a.number(),
                    a == null ? null : a.status(),
                    a == null ? null : String.join(",", a.sources()),
                    p == null ? null : p.number(),
                    p == null ? null : p.status(),
                    p == null ? null : String.join(",", p.sources()));
                RollupDelta d = RollupDelta.of(item.measureType, new UnitFigures(a, p));
                // the units above it: its own figures are not in its rollup rows (V33)
                for (String u : above.apply(current.unit())) {
                  totals.merge(new Key(u, current.item()), d, RollupDelta::plus);
                }
              }
            }
            approved.clear();
            pending.clear();
            if (own.length() > 4_000_000) {
              CopyIn.copy(connection, UNIT_VALUES, own);
            }
          }
          if (!more) {
            break;
          }
          current = key;
          String period = rs.getString(3);
          Kind kind =
              switch (rs.getString(4)) {
                case "year" -> Kind.YEAR;
                case "half" -> Kind.HALF;
                default -> Kind.QUARTER;
              };
          int order = rs.getInt(5); // 0 when null: a year has no number
          (("approved".equals(rs.getString(6))) ? approved : pending)
              .add(new Reported(period, kind, order, rs.getBigDecimal(7), rs.getString(8)));
        }
      }
    }
    CopyIn.copy(connection, UNIT_VALUES, own);
    StringBuilder rollups = new StringBuilder();
    for (var e : totals.entrySet()) {
      RollupDelta t = e.getValue();
      CopyIn.row(
          rollups,
          e.getKey().unit(),
          e.getKey().item(),
          year,
          t.sum(),
          t.units(),
          t.done(),
          t.inProgress(),
          t.notDone(),
          t.na(),
          t.pendingSum(),
          t.pendingUnits(),
          t.fromYear(),
          t.fromHalves(),
          t.fromQuarters());
      if (rollups.length() > 4_000_000) {
        CopyIn.copy(connection, ROLLUPS, rollups);
      }
    }
    CopyIn.copy(connection, ROLLUPS, rollups);
    return figures[0];
  }

  private static final String UNIT_VALUES =
      "COPY unit_year_value (unit_code, plan_item_id, year, approved_number, approved_status,"
          + " approved_sources, pending_number, pending_status, pending_sources) FROM STDIN";
  private static final String ROLLUPS =
      "COPY rollup_value (unit_code, plan_item_id, year, approved_sum, approved_units,"
          + " approved_done, approved_in_progress, approved_not_done, approved_na, pending_sum,"
          + " pending_units, approved_from_year, approved_from_halves, approved_from_quarters)"
          + " FROM STDIN";
}
