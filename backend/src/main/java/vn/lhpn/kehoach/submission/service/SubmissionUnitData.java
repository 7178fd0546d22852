package vn.lhpn.kehoach.submission.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import vn.lhpn.kehoach.orgunit.service.UnitData;

/** Reports of units that close, for periods from the day of the change: a change set lists them. */
@ApplicationScoped
public class SubmissionUnitData implements UnitData {
  private final EntityManager em;

  SubmissionUnitData(EntityManager em) {
    this.em = em;
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
