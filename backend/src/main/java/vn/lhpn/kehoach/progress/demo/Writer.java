package vn.lhpn.kehoach.progress.demo;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import org.hibernate.Session;
import vn.lhpn.kehoach.common.CopyIn;

/**
 * Bulk writes of past reports and targets (the demo history, the national benchmark data): rows go
 * to PostgreSQL with COPY, in chunks, with ids taken from the tables' own sequences in blocks, and
 * with the history lines a real workflow would have left. Nothing is kept once a chunk is written,
 * so millions of values load in bounded memory.
 */
final class Writer {
  /** Rows buffered before a chunk is written. */
  private static final int CHUNK = 100_000;

  private static final String TARGETS =
      "COPY target (id, plan_item_id, year, unit_code, parent_unit_code, value, required, method,"
          + " version, created_at, updated_at) FROM STDIN";
  private static final String TARGET_CHANGES =
      "COPY target_change (target_id, changed_at, changed_by, after_value, method, reason)"
          + " FROM STDIN";
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
  private static final String RETURN_REASON = "Đề nghị bổ sung minh chứng (dữ liệu mẫu)";

  private final EntityManager em;
  private final Ids targetIds = new Ids("target");
  private final Ids submissionIds = new Ids("submission");
  private final StringBuilder targets = new StringBuilder();
  private final StringBuilder targetChanges = new StringBuilder();
  private final StringBuilder submissions = new StringBuilder();
  private final StringBuilder values = new StringBuilder();
  private final StringBuilder events = new StringBuilder();
  private final String now = OffsetDateTime.now().toString();
  private int buffered;
  private long written;

  Writer(EntityManager em) {
    this.em = em;
  }

  /** A target set by splitting equally, with the history line of that split. */
  void target(long item, int year, String unit, String parent, BigDecimal value) {
    long id = targetIds.next();
    CopyIn.row(targets, id, item, year, unit, parent, value, true, "equal", 0, now, now);
    CopyIn.row(targetChanges, id, now, DemoHistory.WHO, value, "equal", "Dữ liệu mẫu: chia đều");
    counted();
  }

  void value(long submission, long item, BigDecimal number, String status) {
    CopyIn.row(values, submission, item, number, status, "[]", DemoHistory.WHO, 0, now, now);
    counted();
  }

  /** A report in its final state, with the history lines that lead there. Returns its id. */
  long submission(
      long period, String unit, String state, boolean returned, OffsetDateTime submittedAt) {
    OffsetDateTime created = submittedAt.minusDays(3);
    OffsetDateTime reviewed = submittedAt.plusDays(2);
    boolean wasSubmitted = !state.equals("draft") || returned;
    boolean wasReviewed = state.equals("approved") || returned;
    long s = submissionIds.next();
    CopyIn.row(
        submissions,
        s,
        period,
        unit,
        state,
        returned,
        returned ? RETURN_REASON : null,
        DemoHistory.WHO,
        wasSubmitted ? submittedAt : null,
        wasSubmitted ? DemoHistory.WHO : null,
        wasReviewed ? reviewed : null,
        wasReviewed ? DemoHistory.WHO : null,
        1,
        created,
        state.equals("submitted") ? submittedAt : reviewed);
    CopyIn.row(events, s, created, DemoHistory.WHO, "create", null, "draft", null);
    if (wasSubmitted) {
      CopyIn.row(events, s, submittedAt, DemoHistory.WHO, "submit", "draft", "submitted", null);
    }
    if (state.equals("approved")) {
      CopyIn.row(events, s, reviewed, DemoHistory.WHO, "approve", "submitted", "approved", null);
    } else if (returned) {
      CopyIn.row(
          events, s, reviewed, DemoHistory.WHO, "return", "submitted", "returned", RETURN_REASON);
    }
    counted();
    return s;
  }

  /** Rows written so far (targets, their history, reports, values, events). */
  long written() {
    return written;
  }

  /** Writes what is buffered: reports before their values and events. */
  void flush() {
    em.flush();
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              copy(connection, TARGETS, targets);
              copy(connection, TARGET_CHANGES, targetChanges);
              copy(connection, SUBMISSIONS, submissions);
              copy(connection, VALUES, values);
              copy(connection, EVENTS, events);
            });
    buffered = 0;
  }

  private void counted() {
    if (++buffered >= CHUNK) {
      flush();
    }
  }

  private void copy(Connection connection, String sql, StringBuilder rows) throws SQLException {
    written += CopyIn.copy(connection, sql, rows);
  }

  /** Ids of a table's identity column, taken from its sequence a thousand at a time. */
  private final class Ids {
    private final String table;
    private final Deque<Long> free = new ArrayDeque<>();

    Ids(String table) {
      this.table = table;
    }

    long next() {
      if (free.isEmpty()) {
        em.unwrap(Session.class)
            .doWork(
                connection -> {
                  try (PreparedStatement ps =
                      connection.prepareStatement(
                          "SELECT nextval(pg_get_serial_sequence(?, 'id'))"
                              + " FROM generate_series(1, 1000)")) {
                    ps.setString(1, table);
                    try (ResultSet rs = ps.executeQuery()) {
                      while (rs.next()) {
                        free.add(rs.getLong(1));
                      }
                    }
                  }
                });
      }
      return free.poll();
    }
  }
}
