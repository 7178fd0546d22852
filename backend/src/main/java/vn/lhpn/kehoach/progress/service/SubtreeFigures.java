package vn.lhpn.kehoach.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.lhpn.kehoach.common.Jdbc;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.progress.service.RollupDelta.UnitFigures;

/**
 * The one reader of the rollup tables: what a unit's subtree adds up to is the rollup rows of the
 * units below it ({@code rollup_total}: base rows and the deltas not folded yet) plus the unit's
 * own figures ({@code unit_year_value}), which are not in its rows (V33, docs/adr/0019).
 */
@ApplicationScoped
public class SubtreeFigures {
  private final EntityManager em;

  SubtreeFigures(EntityManager em) {
    this.em = em;
  }

  /**
   * Each unit's subtree figures for a span of years, by year, unit and item: two queries whatever
   * the span. Two, not one {@code UNION ALL}: PostgreSQL plans the union in parallel, and starting
   * its workers cost 10–15 ms against ~2 ms for both parts (the national data set). The price: a
   * step that commits between the two can be in one part and not the other for that one read; it
   * moved the data's revision, so the next read (and the kept answers, docs/adr/0008) has both.
   */
  public Map<Integer, Map<String, Map<Long, RollupDelta>>> read(
      Collection<String> units, int from, int to) {
    Map<Integer, Map<String, Map<Long, RollupDelta>>> out = new HashMap<>();
    if (units.isEmpty()) {
      return out;
    }
    List<String> codes = List.copyOf(units);
    Jdbc.query(
        em,
        """
        SELECT unit_code, plan_item_id, approved_sum, approved_units, approved_done,
               approved_in_progress, approved_not_done, approved_na,
               pending_sum, pending_units,
               approved_from_year, approved_from_halves, approved_from_quarters, year
        FROM rollup_total WHERE year BETWEEN ? AND ? AND unit_code = ANY (?)
        """,
        List.of((short) from, (short) to, codes),
        rs ->
            add(
                out,
                rs.getShort(14),
                rs.getString(1),
                rs.getLong(2),
                new RollupDelta(
                    rs.getBigDecimal(3).stripTrailingZeros(),
                    rs.getInt(4),
                    rs.getInt(5),
                    rs.getInt(6),
                    rs.getInt(7),
                    rs.getInt(8),
                    rs.getBigDecimal(9).stripTrailingZeros(),
                    rs.getInt(10),
                    rs.getInt(11),
                    rs.getInt(12),
                    rs.getInt(13))));
    Jdbc.query(
        em,
        """
        SELECT u.unit_code, u.plan_item_id, u.year, i.measure_type,
               u.approved_number, u.approved_status, u.approved_sources,
               u.pending_number, u.pending_status, u.pending_sources
        FROM unit_year_value u JOIN plan_item i ON i.id = u.plan_item_id
        WHERE u.year BETWEEN ? AND ? AND u.unit_code = ANY (?) AND i.measure_type IS NOT NULL
        """,
        List.of((short) from, (short) to, codes),
        rs ->
            add(
                out,
                rs.getShort(3),
                rs.getString(1),
                rs.getLong(2),
                RollupDelta.of(
                    MeasureType.fromCode(rs.getString(4)),
                    UnitFigures.of(
                        rs.getBigDecimal(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBigDecimal(8),
                        rs.getString(9),
                        rs.getString(10)))));
    // 1.5 + 0.5 is 2, as the database's sum read before
    out.values()
        .forEach(byUnit -> byUnit.values().forEach(row -> row.replaceAll((k, r) -> r.stripped())));
    return out;
  }

  /** Adds one row's figures to what the unit's subtree holds for that year and item. */
  private static void add(
      Map<Integer, Map<String, Map<Long, RollupDelta>>> out,
      int year,
      String unit,
      long item,
      RollupDelta figures) {
    out.computeIfAbsent(year, k -> new HashMap<>())
        .computeIfAbsent(unit, k -> new HashMap<>())
        .merge(item, figures, RollupDelta::plus);
  }
}
