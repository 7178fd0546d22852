package vn.lhpn.kehoach.submission.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import vn.lhpn.kehoach.orgunit.service.UnitData;

/** Reports of units that close, for periods from the day of the change: a change set lists them. */
@ApplicationScoped
public class SubmissionUnitData implements UnitData {
  private final EntityManager em;

  SubmissionUnitData(EntityManager em) {
    this.em = em;
  }

  @Override
  public String kind() {
    return "reports";
  }

  @Override
  public int move(
      String from, String to, String toParent, LocalDate day, String actor, String reason) {
    // the reports of periods from the day; a period the successor reported itself stays
    return ((Number)
            em.createNativeQuery(
                    """
                    WITH moved AS (
                      UPDATE submission s SET unit_code = ?2, version = s.version + 1,
                        updated_at = now()
                      FROM period p
                      WHERE p.id = s.period_id AND s.unit_code = ?1 AND p.starts_on >= ?3
                        AND NOT EXISTS (SELECT 1 FROM submission o
                                        WHERE o.period_id = s.period_id AND o.unit_code = ?2)
                      RETURNING s.id)
                    , events AS (
                      INSERT INTO submission_event (submission_id, at, actor, kind, reason)
                      SELECT id, now(), ?4, 'move', ?5 FROM moved RETURNING 1)
                    SELECT count(*) FROM events
                    """)
                .setParameter(1, from)
                .setParameter(2, to)
                .setParameter(3, day)
                .setParameter(4, actor)
                .setParameter(5, reason)
                .getSingleResult())
        .intValue();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Map<String, Integer> moveAll(List<Move> moves, LocalDate day, String actor) {
    if (moves.isEmpty()) {
      return Map.of();
    }
    // one report per successor and period: of two closed units' reports, the first's moves
    return UnitData.Moves.counts(
        em.createNativeQuery(
                """
                WITH pick AS (
                  SELECT DISTINCT ON (m.to_code, s.period_id) s.id, m.from_code, m.to_code, m.reason
                  FROM %s
                  JOIN submission s ON s.unit_code = m.from_code
                  JOIN period p ON p.id = s.period_id
                  WHERE p.starts_on >= ?2
                    AND NOT EXISTS (SELECT 1 FROM submission o
                                    WHERE o.period_id = s.period_id AND o.unit_code = m.to_code)
                  ORDER BY m.to_code, s.period_id, m.ord)
                , moved AS (
                  UPDATE submission s SET unit_code = pick.to_code, version = s.version + 1,
                    updated_at = now()
                  FROM pick WHERE s.id = pick.id
                  RETURNING s.id, pick.from_code, pick.reason)
                , events AS (
                  INSERT INTO submission_event (submission_id, at, actor, kind, reason)
                  SELECT id, now(), ?3, 'move', reason FROM moved)
                SELECT from_code, count(*) FROM moved GROUP BY from_code
                """
                    .formatted(UnitData.Moves.FROM))
            .setParameter(1, UnitData.Moves.json(moves))
            .setParameter(2, day)
            .setParameter(3, actor)
            .getResultList());
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<Held> after(Collection<String> codes, LocalDate day) {
    if (codes.isEmpty()) {
      return List.of();
    }
    List<Object[]> rows =
        em.createNativeQuery(
                """
                SELECT s.unit_code, count(*), min(p.code)
                FROM submission s JOIN period p ON p.id = s.period_id
                WHERE s.unit_code IN (?1) AND p.starts_on >= ?2
                GROUP BY s.unit_code ORDER BY s.unit_code
                """)
            .setParameter(1, codes)
            .setParameter(2, day)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new Held(
                    (String) r[0], "reports", ((Number) r[1]).intValue(), String.valueOf(r[2])))
        .toList();
  }
}
