package vn.lhpn.kehoach.progress.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Moves the rollup deltas that approvals write (V15, docs/adr/0009) into the base rows, so a read
 * adds a handful of deltas at most. One transaction deletes the deltas and adds them to the base
 * rows: every reader sees the same totals before and after, and no writer waits for it (writers
 * only insert deltas). One instance folds at a time (a transaction-level advisory lock, tried and
 * not waited for); the others skip their turn.
 */
@ApplicationScoped
public class RollupFold {
  private static final Logger LOG = Logger.getLogger(RollupFold.class);

  /** The advisory lock's key: "rollup_fold". */
  public static final long LOCK = 0x726f6c6c7570L;

  private final EntityManager em;

  RollupFold(EntityManager em) {
    this.em = em;
  }

  @Scheduled(
      every = "${kehoach.rollup-fold.every:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void scheduled() {
    try {
      fold();
    } catch (RuntimeException e) {
      // the database away for a moment: the deltas wait for the next turn, reads still add them
      LOG.debugf("rollup fold skipped: %s", e);
    }
  }

  /**
   * Folds every delta there is now; returns how many delta rows it moved (one per unit and step,
   * V32; -1: another folds).
   */
  @Transactional
  public int fold() {
    boolean mine =
        (Boolean)
            em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, LOCK)
                .getSingleResult();
    if (!mine) {
      return -1;
    }
    Number moved =
        (Number)
            em.createNativeQuery(
                    """
                    WITH moved AS (
                      DELETE FROM rollup_delta RETURNING *
                    ), items AS (
                      SELECT m.unit_code, x.*, m.year
                      FROM moved m
                      CROSS JOIN LATERAL unnest(m.plan_item_id, m.approved_sum, m.approved_units,
                        m.approved_done, m.approved_in_progress, m.approved_not_done,
                        m.approved_na, m.pending_sum, m.pending_units, m.approved_from_year,
                        m.approved_from_halves, m.approved_from_quarters)
                        AS x (plan_item_id, approved_sum, approved_units, approved_done,
                              approved_in_progress, approved_not_done, approved_na, pending_sum,
                              pending_units, approved_from_year, approved_from_halves,
                              approved_from_quarters)
                    ), summed AS (
                      SELECT unit_code, plan_item_id, year, sum(approved_sum) AS s,
                             sum(approved_units) AS au, sum(approved_done) AS dn,
                             sum(approved_in_progress) AS ip, sum(approved_not_done) AS nd,
                             sum(approved_na) AS na, sum(pending_sum) AS ps,
                             sum(pending_units) AS pu, sum(approved_from_year) AS fy,
                             sum(approved_from_halves) AS fh, sum(approved_from_quarters) AS fq,
                             count(*) AS n
                      FROM items
                      WHERE plan_item_id IN (SELECT id FROM plan_item)
                      GROUP BY unit_code, plan_item_id, year
                    ), added AS (
                      INSERT INTO rollup_value (unit_code, plan_item_id, year, approved_sum,
                        approved_units, approved_done, approved_in_progress, approved_not_done,
                        approved_na, pending_sum, pending_units, approved_from_year,
                        approved_from_halves, approved_from_quarters)
                      SELECT unit_code, plan_item_id, year, s, au, dn, ip, nd, na, ps, pu, fy, fh, fq
                      FROM summed ORDER BY unit_code, year, plan_item_id
                      ON CONFLICT (unit_code, year, plan_item_id) DO UPDATE SET
                        approved_sum = rollup_value.approved_sum + excluded.approved_sum,
                        approved_units = rollup_value.approved_units + excluded.approved_units,
                        approved_done = rollup_value.approved_done + excluded.approved_done,
                        approved_in_progress = rollup_value.approved_in_progress
                          + excluded.approved_in_progress,
                        approved_not_done = rollup_value.approved_not_done
                          + excluded.approved_not_done,
                        approved_na = rollup_value.approved_na + excluded.approved_na,
                        pending_sum = rollup_value.pending_sum + excluded.pending_sum,
                        pending_units = rollup_value.pending_units + excluded.pending_units,
                        approved_from_year = rollup_value.approved_from_year
                          + excluded.approved_from_year,
                        approved_from_halves = rollup_value.approved_from_halves
                          + excluded.approved_from_halves,
                        approved_from_quarters = rollup_value.approved_from_quarters
                          + excluded.approved_from_quarters
                      RETURNING 1
                    )
                    SELECT (SELECT count(*) FROM moved) + 0 * (SELECT count(*) FROM added)
                    """)
                .getSingleResult();
    return moved.intValue();
  }
}
