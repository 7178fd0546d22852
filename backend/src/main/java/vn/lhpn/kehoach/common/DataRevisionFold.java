package vn.lhpn.kehoach.common;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Keeps {@code data_change} small (V15, docs/adr/0009): each database session counts its writes in
 * a row of its own, and the revision readers compare is the sum of the rows. The rows of sessions
 * that have ended are folded into row 0 in one transaction, so every reader's sum stays the same.
 */
@ApplicationScoped
public class DataRevisionFold {
  private static final Logger LOG = Logger.getLogger(DataRevisionFold.class);

  private final EntityManager em;

  DataRevisionFold(EntityManager em) {
    this.em = em;
  }

  @Scheduled(
      every = "${kehoach.data-revision-fold.every:60s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void scheduled() {
    try {
      fold();
    } catch (RuntimeException e) {
      LOG.debugf("data revision fold skipped: %s", e);
    }
  }

  /** Returns how many rows of ended sessions it folded. */
  @Transactional
  public int fold() {
    return ((Number)
            em.createNativeQuery(
                    """
                    WITH gone AS (
                      DELETE FROM data_change
                      WHERE backend <> 0
                        AND backend NOT IN (SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL)
                      RETURNING name, changes
                    ), added AS (
                      UPDATE data_change d SET changes = d.changes + g.changes
                      FROM (SELECT name, sum(changes) AS changes FROM gone GROUP BY name) g
                      WHERE d.backend = 0 AND d.name = g.name
                      RETURNING 1
                    )
                    SELECT (SELECT count(*) FROM gone) + 0 * (SELECT count(*) FROM added)
                    """)
                .getSingleResult())
        .intValue();
  }
}
