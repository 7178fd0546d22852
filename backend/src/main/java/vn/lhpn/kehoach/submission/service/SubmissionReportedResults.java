package vn.lhpn.kehoach.submission.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import vn.lhpn.kehoach.allocation.service.ReportedResults;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.security.UnitHierarchy;

/** Answers the targets' question from the submissions: has anyone below reported this item? */
@ApplicationScoped
public class SubmissionReportedResults implements ReportedResults {
  private final EntityManager em;
  private final UnitHierarchy tree;

  SubmissionReportedResults(EntityManager em, UnitHierarchy tree) {
    this.em = em;
    this.tree = tree;
  }

  @Override
  public boolean anyReported(PlanItem item, int year, Collection<String> unitCodes) {
    if (unitCodes.isEmpty()) {
      return false;
    }
    Set<String> units = new HashSet<>();
    for (String code : unitCodes) {
      units.addAll(tree.subtreeCodes(code));
    }
    Number n =
        (Number)
            em.createNativeQuery(
                    """
                    SELECT count(*) FROM submission_value v
                    JOIN submission s ON s.id = v.submission_id
                    JOIN period p ON p.id = s.period_id
                    WHERE v.plan_item_id = ?1 AND p.year = ?2 AND s.unit_code IN (?3)
                      AND (v.number IS NOT NULL OR v.status IS NOT NULL)
                    """)
                .setParameter(1, item.id)
                .setParameter(2, (short) year)
                .setParameter(3, units)
                .getSingleResult();
    return n.longValue() > 0;
  }
}
