package vn.lhpn.kehoach.allocation.service;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import vn.lhpn.kehoach.common.CopyIn;
import vn.lhpn.kehoach.common.IdBlock;

/**
 * Targets written in bulk, each with the history line an allocation leaves (loads of past data: the
 * demo history, the benchmark's national data). The target tables are written here, by their owner,
 * so a load cannot leave a target without its history. Rows are buffered and go with COPY when
 * {@link #write} is called; nothing is kept once written.
 */
public final class TargetLoad {
  private static final String TARGETS =
      "COPY target (id, plan_item_id, year, unit_code, parent_unit_code, value, required, method,"
          + " version, created_at, updated_at) FROM STDIN";
  private static final String CHANGES =
      "COPY target_change (target_id, changed_at, changed_by, after_value, method, reason)"
          + " FROM STDIN";

  private final EntityManager em;
  private final IdBlock ids;
  private final String now = OffsetDateTime.now().toString();
  private final CopyIn.Tables rows = new CopyIn.Tables(TARGETS, CHANGES);

  public TargetLoad(EntityManager em) {
    this.em = em;
    this.ids = new IdBlock(em, "target");
  }

  /**
   * A required target set by {@code method} ({@code equal}, {@code manual}, …) by {@code actor},
   * with the reason its history line gives.
   */
  public void add(
      long item,
      int year,
      String unit,
      String parent,
      BigDecimal value,
      String method,
      String actor,
      String reason) {
    long id = ids.next();
    rows.row(TARGETS, id, item, year, unit, parent, value, true, method, 0, now, now);
    rows.row(CHANGES, id, now, actor, value, method, reason);
  }

  /** Writes what is buffered; returns the rows written (targets and their history lines). */
  public long write() {
    return rows.write(em);
  }
}
