package vn.lhpn.kehoach.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import vn.lhpn.kehoach.orgunit.service.UnitData;

/**
 * Targets of units that close, for the years that start on or after the day of the change: a change
 * set lists them (a target is for a year; a year the change cuts in two stays with the units that
 * reported its first half).
 */
@ApplicationScoped
public class TargetUnitData implements UnitData {
  private final EntityManager em;

  TargetUnitData(EntityManager em) {
    this.em = em;
  }

  @Override
  public String kind() {
    return "targets";
  }

  @Override
  public int move(
      String from, String to, String toParent, LocalDate day, String actor, String reason) {
    // the targets of the years from the day's; a year the successor has its own target for stays
    return ((Number)
            em.createNativeQuery(
                    """
                    WITH moved AS (
                      UPDATE target t SET unit_code = ?2, parent_unit_code = ?3,
                        version = t.version + 1, updated_at = now()
                      WHERE t.unit_code = ?1 AND t.year >= ?4
                        AND NOT EXISTS (SELECT 1 FROM target o WHERE o.plan_item_id = t.plan_item_id
                                        AND o.year = t.year AND o.unit_code = ?2)
                      RETURNING t.id, t.value, t.required)
                    , changes AS (
                      INSERT INTO target_change (target_id, changed_at, changed_by, before_value,
                        after_value, before_required, after_required, method, reason)
                      SELECT id, now(), ?5, value, value, required, required, 'follow-map', ?6
                      FROM moved RETURNING 1)
                    SELECT count(*) FROM changes
                    """)
                .setParameter(1, from)
                .setParameter(2, to)
                .setParameter(3, toParent)
                .setParameter(4, (short) firstYear(day))
                .setParameter(5, actor)
                .setParameter(6, reason)
                .getSingleResult())
        .intValue();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Integer> moveAll(List<Move> moves, LocalDate day, String actor) {
    if (moves.isEmpty()) {
      return Map.of();
    }
    // one target per successor, item and year: of two closed units' targets, the first's moves
    return UnitData.Moves.counts(
        em.createNativeQuery(
                """
                WITH pick AS (
                  SELECT DISTINCT ON (m.to_code, t.plan_item_id, t.year)
                    t.id, m.from_code, m.to_code, m.to_parent, m.reason
                  FROM %s
                  JOIN target t ON t.unit_code = m.from_code
                  WHERE t.year >= ?2
                    AND NOT EXISTS (SELECT 1 FROM target o WHERE o.plan_item_id = t.plan_item_id
                                    AND o.year = t.year AND o.unit_code = m.to_code)
                  ORDER BY m.to_code, t.plan_item_id, t.year, m.ord)
                , moved AS (
                  UPDATE target t SET unit_code = pick.to_code, parent_unit_code = pick.to_parent,
                    version = t.version + 1, updated_at = now()
                  FROM pick WHERE t.id = pick.id
                  RETURNING t.id, t.value, t.required, pick.from_code, pick.reason)
                , changes AS (
                  INSERT INTO target_change (target_id, changed_at, changed_by, before_value,
                    after_value, before_required, after_required, method, reason)
                  SELECT id, now(), ?3, value, value, required, required, 'follow-map', reason
                  FROM moved)
                SELECT from_code, count(*) FROM moved GROUP BY from_code
                """
                    .formatted(UnitData.Moves.FROM))
            .setParameter(1, UnitData.Moves.json(moves))
            .setParameter(2, (short) firstYear(day))
            .setParameter(3, actor)
            .getResultList());
  }

  /** The first year wholly after the day: a year the change cuts in two stays where it was. */
  private static int firstYear(LocalDate day) {
    return day.getDayOfYear() == 1 ? day.getYear() : day.getYear() + 1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Held> after(Collection<String> codes, LocalDate day) {
    if (codes.isEmpty()) {
      return List.of();
    }
    int firstYear = firstYear(day);
    List<Object[]> rows =
        em.createNativeQuery(
                """
                SELECT unit_code, count(*), min(year) FROM target
                WHERE unit_code IN (?1) AND year >= ?2
                GROUP BY unit_code ORDER BY unit_code
                """)
            .setParameter(1, codes)
            .setParameter(2, (short) firstYear)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Held(
                    (String) r[0], "targets", ((Number) r[1]).intValue(), String.valueOf(r[2])))
        .toList();
  }
}
