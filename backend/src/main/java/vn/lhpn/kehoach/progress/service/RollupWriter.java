package vn.lhpn.kehoach.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import vn.lhpn.kehoach.common.Jdbc;
import vn.lhpn.kehoach.orgunit.service.OrgUnitTree;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.plan.service.PlanOutlines;
import vn.lhpn.kehoach.progress.service.NestingRule.Kind;
import vn.lhpn.kehoach.progress.service.NestingRule.Reported;
import vn.lhpn.kehoach.progress.service.RollupDelta.UnitFigures;
import vn.lhpn.kehoach.submission.SubmissionChanged;

/**
 * Keeps progress in step with reports, in the transaction that changes them (docs/adr/0005): a
 * unit's own figures for the year of the report are resolved again by the {@link NestingRule}, and
 * what changed is added to (or taken from) the rollup of every unit above it, as delta rows that
 * lock nothing shared (docs/adr/0009). A unit's rollup rows hold the units below it; its own
 * figures are added when they are read (V33, docs/adr/0019). "Above" is the map of the year's last
 * day (docs/adr/0011): a commune merged away during the year keeps its own figure but adds to no
 * unit. No batch job: an approval is in the very next read of every rollup above the unit (reads
 * add base and deltas; the dashboards' kept answers are keyed by the data's revision, which these
 * writes move on: docs/adr/0008).
 */
@ApplicationScoped
public class RollupWriter {
  private final EntityManager em;
  private final OrgUnitTree hierarchy;
  private final PlanOutlines outlines;

  RollupWriter(EntityManager em, OrgUnitTree hierarchy, PlanOutlines outlines) {
    this.em = em;
    this.hierarchy = hierarchy;
    this.outlines = outlines;
  }

  void onReportChanged(@Observes SubmissionChanged changed) {
    refresh(changed.planId(), changed.unitCode(), changed.year());
  }

  /** Resolves a unit's figures for a year again and moves every rollup above it by the change. */
  public void refresh(long planId, String unitCode, int year) {
    em.flush();
    Plan plan = em.find(Plan.class, planId);
    Map<Long, List<Reported>> approved = new HashMap<>();
    Map<Long, List<Reported>> pending = new HashMap<>();
    for (ReportValue v : reports(planId, unitCode, year)) {
      (v.approved() ? approved : pending)
          .computeIfAbsent(v.item(), k -> new ArrayList<>())
          .add(v.reported());
    }
    Map<Long, UnitFigures> stored = stored(unitCode, year);
    // the units above it on the map of the year's last day (docs/adr/0011); not the unit itself:
    // its own figures are read with its rollup rows (V33, docs/adr/0019)
    List<String> chain = hierarchy.rollupAncestors(unitCode, year);
    Rows own = new Rows();
    Rows deltas = new Rows();
    // the plan's read model: no item entities loaded (and dirty-checked at every flush)
    for (PlanOutline.Item item : outlines.of(plan).items()) {
      UnitFigures before = stored.getOrDefault(item.id(), UnitFigures.NONE);
      UnitFigures after =
          new UnitFigures(
              NestingRule.resolve(item.measureType(), approved.getOrDefault(item.id(), List.of()))
                  .orElse(null),
              NestingRule.resolve(item.measureType(), pending.getOrDefault(item.id(), List.of()))
                  .orElse(null));
      if (before.equals(after)) {
        continue;
      }
      own.add(
          unitCode,
          item.id(),
          (short) year,
          after.approved() == null ? null : after.approved().number(),
          after.approved() == null ? null : after.approved().status(),
          after.approved() == null ? null : String.join(",", after.approved().sources()),
          after.pending() == null ? null : after.pending().number(),
          after.pending() == null ? null : after.pending().status(),
          after.pending() == null ? null : String.join(",", after.pending().sources()));
      RollupDelta d = RollupDelta.between(item.measureType(), before, after);
      deltas.add(
          item.id(),
          d.sum(),
          d.units(),
          d.done(),
          d.inProgress(),
          d.notDone(),
          d.na(),
          d.pendingSum(),
          d.pendingUnits(),
          d.fromYear(),
          d.fromHalves(),
          d.fromQuarters());
    }
    // two statements whatever the number of items: the rows as arrays; the deltas as one row per
    // unit above (V32), the same arrays in each. The deltas first: their insert is what a rebuild's
    // table lock waits for (or makes wait), so a step holds no row a rebuild deletes while it waits
    // for that lock (the other order could deadlock with a rebuild)
    if (!chain.isEmpty()) {
      write(ADD, DELTA_TYPES, deltas, List.of(chain.toArray(), planId, (short) year));
    }
    write(SAVE, OWN_TYPES, own, List.of());
  }

  /** Rows to send as one array per column. */
  private static final class Rows {
    final List<Object[]> rows = new ArrayList<>();

    void add(Object... row) {
      rows.add(row);
    }
  }

  private static final String[] OWN_TYPES = {
    "varchar", "int8", "int2", "numeric", "varchar", "varchar", "numeric", "varchar", "varchar"
  };
  private static final String[] DELTA_TYPES = {
    "int8", "numeric", "int4", "int4", "int4", "int4", "int4", "numeric", "int4", "int4", "int4",
    "int4"
  };

  /**
   * Sends the rows as one array per column, after the statement's leading parameters (an {@code
   * Object[]} goes as a varchar array).
   */
  private void write(String sql, String[] types, Rows rows, List<Object> leading) {
    if (rows.rows.isEmpty()) {
      return;
    }
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement ps = connection.prepareStatement(sql)) {
                int first = 1;
                for (Object p : leading) {
                  if (p instanceof Object[] codes) {
                    ps.setArray(first++, connection.createArrayOf("varchar", codes));
                  } else {
                    ps.setObject(first++, p);
                  }
                }
                for (int c = 0; c < types.length; c++) {
                  Object[] column = new Object[rows.rows.size()];
                  for (int r = 0; r < column.length; r++) {
                    column[r] = rows.rows.get(r)[c];
                  }
                  ps.setArray(first + c, connection.createArrayOf(types[c], column));
                }
                ps.executeUpdate();
              }
            });
  }

  /** A value of one of the unit's reports of the year, submitted or approved. */
  private record ReportValue(long item, boolean approved, Reported reported) {}

  private List<ReportValue> reports(long planId, String unitCode, int year) {
    List<ReportValue> out = new ArrayList<>();
    Jdbc.query(
        em,
        """
        SELECT v.plan_item_id, p.code, p.kind, p.number, s.state, v.number, v.status
        FROM submission s
        JOIN period p ON p.id = s.period_id
        JOIN submission_value v ON v.submission_id = s.id
        WHERE p.plan_id = ? AND s.unit_code = ? AND p.year = ?
          AND s.state IN ('submitted', 'approved')
        """,
        List.of(planId, unitCode, (short) year),
        rs ->
            out.add(
                new ReportValue(
                    rs.getLong(1),
                    "approved".equals(rs.getString(5)),
                    new Reported(
                        rs.getString(2),
                        kind(rs.getString(3)),
                        rs.getInt(4), // 0 when null: a year has no number
                        rs.getBigDecimal(6),
                        rs.getString(7)))));
    return out;
  }

  /** A unit's own figures of the year as last resolved, by item. */
  private Map<Long, UnitFigures> stored(String unitCode, int year) {
    Map<Long, UnitFigures> out = new HashMap<>();
    Jdbc.query(
        em,
        """
        SELECT plan_item_id, approved_number, approved_status, approved_sources,
               pending_number, pending_status, pending_sources
        FROM unit_year_value WHERE unit_code = ? AND year = ?
        """,
        List.of(unitCode, (short) year),
        rs ->
            out.put(
                rs.getLong(1),
                UnitFigures.of(
                    rs.getBigDecimal(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBigDecimal(5),
                    rs.getString(6),
                    rs.getString(7))));
    return out;
  }

  private static final String SAVE =
      """
      INSERT INTO unit_year_value (unit_code, plan_item_id, year,
        approved_number, approved_status, approved_sources,
        pending_number, pending_status, pending_sources)
      SELECT u, i, y, an, ast, aso, pn, pst, pso
      FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?) WITH ORDINALITY
        AS r (u, i, y, an, ast, aso, pn, pst, pso, n)
      ORDER BY n
      ON CONFLICT (unit_code, plan_item_id, year) DO UPDATE SET
        approved_number = excluded.approved_number,
        approved_status = excluded.approved_status,
        approved_sources = excluded.approved_sources,
        pending_number = excluded.pending_number,
        pending_status = excluded.pending_status,
        pending_sources = excluded.pending_sources
      """;

  /**
   * What the change adds to each unit above: one delta row per unit, the items as arrays (V32,
   * docs/adr/0009 and 0019), an insert that locks no row another approval needs. {@link RollupFold}
   * moves them into the base rows.
   */
  private static final String ADD =
      """
      WITH p AS (SELECT ?::varchar[] AS codes, ?::bigint AS plan_id, ?::smallint AS year)
      INSERT INTO rollup_delta (unit_code, plan_id, year, plan_item_id, approved_sum,
        approved_units, approved_done, approved_in_progress, approved_not_done, approved_na,
        pending_sum, pending_units, approved_from_year, approved_from_halves,
        approved_from_quarters)
      SELECT c.code, p.plan_id, p.year, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
      FROM p, unnest(p.codes) AS c (code)
      """;

  private static Kind kind(String periodKind) {
    return switch (periodKind) {
      case "year" -> Kind.YEAR;
      case "half" -> Kind.HALF;
      default -> Kind.QUARTER;
    };
  }
}
