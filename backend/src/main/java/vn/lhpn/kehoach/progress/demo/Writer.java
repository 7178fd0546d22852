package vn.lhpn.kehoach.progress.demo;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Bulk writes of the demo history: targets and values in JDBC batches, reports one by one (their
 * ids are needed), and the history lines a real workflow would have left.
 */
final class Writer {
  private record TargetRow(long item, int year, String unit, String parent, BigDecimal value) {}

  private record ValueRow(long submission, long item, BigDecimal number, String status) {}

  private record EventRow(
      long submission, OffsetDateTime at, String kind, String from, String to, String reason) {}

  private final EntityManager em;
  private final List<TargetRow> targets = new ArrayList<>();
  private final List<ValueRow> values = new ArrayList<>();
  private final List<EventRow> events = new ArrayList<>();

  Writer(EntityManager em) {
    this.em = em;
  }

  void target(long item, int year, String unit, String parent, BigDecimal value) {
    targets.add(new TargetRow(item, year, unit, parent, value));
  }

  void value(long submission, long item, BigDecimal number, String status) {
    values.add(new ValueRow(submission, item, number, status));
  }

  /** A report in its final state, with the history lines that lead there. */
  long submission(
      long period, String unit, String state, boolean returned, OffsetDateTime submittedAt) {
    OffsetDateTime created = submittedAt.minusDays(3);
    OffsetDateTime reviewed = submittedAt.plusDays(2);
    boolean wasSubmitted = !state.equals("draft") || returned;
    Number id =
        (Number)
            em.createNativeQuery(
                    """
                    INSERT INTO submission (period_id, unit_code, state, returned, return_reason,
                      created_by, submitted_at, submitted_by, reviewed_at, reviewed_by, version,
                      created_at, updated_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?8, ?9, 1, ?10, ?11)
                    RETURNING id
                    """)
                .setParameter(1, period)
                .setParameter(2, unit)
                .setParameter(3, state)
                .setParameter(4, returned)
                .setParameter(5, returned ? "Đề nghị bổ sung minh chứng (dữ liệu mẫu)" : null)
                .setParameter(6, DemoHistory.WHO)
                .setParameter(7, wasSubmitted ? submittedAt : null)
                .setParameter(8, state.equals("approved") || returned ? reviewed : null)
                .setParameter(9, state.equals("approved") || returned ? DemoHistory.WHO : null)
                .setParameter(10, created)
                .setParameter(11, state.equals("submitted") ? submittedAt : reviewed)
                .getSingleResult();
    long s = id.longValue();
    events.add(new EventRow(s, created, "create", null, "draft", null));
    if (wasSubmitted) {
      events.add(new EventRow(s, submittedAt, "submit", "draft", "submitted", null));
    }
    if (state.equals("approved")) {
      events.add(new EventRow(s, reviewed, "approve", "submitted", "approved", null));
    } else if (returned) {
      events.add(
          new EventRow(
              s,
              reviewed,
              "return",
              "submitted",
              "returned",
              "Đề nghị bổ sung minh chứng (dữ liệu mẫu)"));
    }
    return s;
  }

  void flush() {
    em.flush();
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement ps =
                  connection.prepareStatement(
                      "INSERT INTO target (plan_item_id, year, unit_code, parent_unit_code, value,"
                          + " required, method, version, created_at, updated_at)"
                          + " VALUES (?, ?, ?, ?, ?, true, 'equal', 0, now(), now())")) {
                for (TargetRow t : targets) {
                  ps.setLong(1, t.item());
                  ps.setShort(2, (short) t.year());
                  ps.setString(3, t.unit());
                  ps.setString(4, t.parent());
                  ps.setBigDecimal(5, t.value());
                  ps.addBatch();
                }
                ps.executeBatch();
              }
              try (PreparedStatement ps =
                  connection.prepareStatement(
                      "INSERT INTO target_change (target_id, changed_at, changed_by, after_value,"
                          + " method, reason) SELECT id, created_at, ?, value, method, ? FROM"
                          + " target t WHERE NOT EXISTS (SELECT 1 FROM target_change c WHERE"
                          + " c.target_id = t.id)")) {
                ps.setString(1, DemoHistory.WHO);
                ps.setString(2, "Dữ liệu mẫu: chia đều");
                ps.executeUpdate();
              }
              try (PreparedStatement ps =
                  connection.prepareStatement(
                      "INSERT INTO submission_value (submission_id, plan_item_id, number, status,"
                          + " evidence, updated_by, version, created_at, updated_at)"
                          + " VALUES (?, ?, ?, ?, '[]'::jsonb, ?, 0, now(), now())")) {
                int n = 0;
                for (ValueRow v : values) {
                  ps.setLong(1, v.submission());
                  ps.setLong(2, v.item());
                  if (v.number() == null) {
                    ps.setNull(3, Types.NUMERIC);
                  } else {
                    ps.setBigDecimal(3, v.number());
                  }
                  ps.setString(4, v.status());
                  ps.setString(5, DemoHistory.WHO);
                  ps.addBatch();
                  if (++n % 2000 == 0) {
                    ps.executeBatch();
                  }
                }
                ps.executeBatch();
              }
              try (PreparedStatement ps =
                  connection.prepareStatement(
                      "INSERT INTO submission_event (submission_id, at, actor, kind, from_state,"
                          + " to_state, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (EventRow e : events) {
                  ps.setLong(1, e.submission());
                  ps.setObject(2, e.at());
                  ps.setString(3, DemoHistory.WHO);
                  ps.setString(4, e.kind());
                  ps.setString(5, e.from());
                  ps.setString(6, e.to());
                  ps.setString(7, e.reason());
                  ps.addBatch();
                }
                ps.executeBatch();
              }
            });
    targets.clear();
    values.clear();
    events.clear();
  }
}
