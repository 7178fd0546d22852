package vn.lhpn.kehoach.orgunit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.security.UnitHierarchy;

/**
 * The hierarchy by code, across all time: a unit's descendants are every version whose parent chain
 * leads to it, so a district keeps seeing its communes that have since closed.
 */
@ApplicationScoped
public class OrgUnitTree implements UnitHierarchy {
  private final EntityManager em;

  OrgUnitTree(EntityManager em) {
    this.em = em;
  }

  /** The code itself and the codes of all units below it. */
  @Override
  @SuppressWarnings("unchecked")
  public Set<String> subtreeCodes(String code) {
    List<String> codes =
        em.createNativeQuery(
                """
                WITH RECURSIVE sub(code) AS (
                  SELECT CAST(?1 AS varchar)
                  UNION
                  SELECT u.code FROM org_unit u JOIN sub s ON u.parent_code = s.code
                ) SELECT code FROM sub
                """)
            .setParameter(1, code)
            .getResultList();
    return new LinkedHashSet<>(codes);
  }

  /** Whether a code names a unit at the top of the hierarchy (a province). */
  @Override
  public boolean isRoot(String code) {
    Number n =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM org_unit WHERE code = ?1 AND parent_code IS NULL")
                .setParameter(1, code)
                .getSingleResult();
    return n.longValue() > 0;
  }

  /** The codes of the units above a code (parent first), without the code itself. */
  @Override
  @SuppressWarnings("unchecked")
  public Set<String> ancestorCodes(String code) {
    List<String> codes =
        em.createNativeQuery(
                """
                WITH RECURSIVE up(code, parent_code, depth) AS (
                  SELECT code, parent_code, 0 FROM org_unit WHERE code = ?1
                  UNION
                  SELECT u.code, u.parent_code, up.depth + 1
                  FROM org_unit u JOIN up ON u.code = up.parent_code
                ) SELECT code FROM up WHERE code <> ?1 GROUP BY code ORDER BY min(depth)
                """)
            .setParameter(1, code)
            .getResultList();
    return new LinkedHashSet<>(codes);
  }

  @Override
  public Optional<UnitRef> unitOn(String code, LocalDate day) {
    return OrgUnit.findByCode(code, day).map(u -> new UnitRef(u.code, u.parentCode));
  }
}
