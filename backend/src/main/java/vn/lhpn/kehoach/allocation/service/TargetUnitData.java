package vn.lhpn.kehoach.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
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
  @SuppressWarnings("unchecked")
  public List<Held> after(Collection<String> codes, LocalDate day) {
    if (codes.isEmpty()) {
      return List.of();
    }
    int firstYear = day.getDayOfYear() == 1 ? day.getYear() : day.getYear() + 1;
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
