package vn.lhpn.kehoach.submission.service;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import vn.lhpn.kehoach.common.CopyIn;
import vn.lhpn.kehoach.common.IdBlock;
import vn.lhpn.kehoach.submission.Submission;

/**
 * Past reports written in bulk, each in its final state with the history lines the workflow would
 * have left on the way there (loads of past data: the demo history, the benchmark's national data).
 * The report tables are written here, by their owner: a loaded report reads, shows its history and
 * reopens as one made through the API. Rows are buffered and go with COPY when {@link #write} is
 * called (reports before their values and history); nothing is kept once written. The caller
 * rebuilds progress afterwards (RollupRebuild), as a load is not a workflow step.
 */
public final class ReportLoad {
  private static final String SUBMISSIONS =
      "COPY submission (id, period_id, unit_code, state, returned, return_reason, created_by,"
          + " submitted_at, submitted_by, reviewed_at, reviewed_by, version, created_at,"
          + " updated_at) FROM STDIN";
  private static final String VALUES =
      "COPY submission_value (submission_id, plan_item_id, number, status, evidence, updated_by,"
          + " version, created_at, updated_at) FROM STDIN";
  private static final String EVENTS =
      "COPY submission_event (submission_id, at, actor, kind, from_state, to_state, reason)"
          + " FROM STDIN";

  private final EntityManager em;
  private final IdBlock ids;
  private final String now = OffsetDateTime.now().toString();
  private final CopyIn.Tables rows = new CopyIn.Tables(SUBMISSIONS, VALUES, EVENTS);

  public ReportLoad(EntityManager em) {
    this.em = em;
    this.ids = new IdBlock(em, "submission");
  }

  /**
   * A report made three days before it was submitted and reviewed two days after, by {@code actor}:
   * {@code approved}, {@code submitted} (waiting), or a {@code draft} that was never sent or, when
   * {@code returnReason} is given, was returned with it. Returns its id.
   */
  public long report(
      long period,
      String unit,
      Submission.State state,
      String returnReason,
      OffsetDateTime submittedAt,
      String actor) {
    boolean returned = state == Submission.State.draft && returnReason != null;
    OffsetDateTime created = submittedAt.minusDays(3);
    OffsetDateTime reviewed = submittedAt.plusDays(2);
    boolean wasSubmitted = state != Submission.State.draft || returned;
    boolean wasReviewed = state == Submission.State.approved || returned;
    long s = ids.next();
    rows.row(
        SUBMISSIONS,
        s,
        period,
        unit,
        state.name(),
        returned,
        returned ? returnReason : null,
        actor,
        wasSubmitted ? submittedAt : null,
        wasSubmitted ? actor : null,
        wasReviewed ? reviewed : null,
        wasReviewed ? actor : null,
        1,
        created,
        state == Submission.State.submitted ? submittedAt : reviewed);
    rows.row(EVENTS, s, created, actor, "create", null, "draft", null);
    if (wasSubmitted) {
      rows.row(EVENTS, s, submittedAt, actor, "submit", "draft", "submitted", null);
    }
    if (state == Submission.State.approved) {
      rows.row(EVENTS, s, reviewed, actor, "approve", "submitted", "approved", null);
    } else if (returned) {
      rows.row(EVENTS, s, reviewed, actor, "return", "submitted", "returned", returnReason);
    }
    return s;
  }

  /** A value of a report: a number (counts and rates) or a status (activities). */
  public void value(long submission, long item, BigDecimal number, String status, String actor) {
    rows.row(VALUES, submission, item, number, status, "[]", actor, 0, now, now);
  }

  /** Writes what is buffered; returns the rows written (reports, values, history lines). */
  public long write() {
    return rows.write(em);
  }
}
