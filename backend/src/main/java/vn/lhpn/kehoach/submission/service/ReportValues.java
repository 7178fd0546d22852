package vn.lhpn.kehoach.submission.service;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lhpn.kehoach.common.Jdbc;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.submission.dto.SubmissionDtos;

/**
 * A report's values to read: one statement, plain rows, no entity. A workflow step reads them for
 * its snapshot and its answer; as entities they were the most of a step's time (loaded, kept in the
 * session and dirty-checked at each flush: docs/benchmarks.md, deadline day). Only {@link
 * SubmissionWriter} loads values as entities, to change them. Nothing pending in the session is
 * flushed first ({@link Jdbc}): a caller that changed values flushes before it reads them here.
 */
public final class ReportValues {
  private ReportValues() {}

  /** One value of a report, as stored. */
  public record Row(
      long itemId,
      String itemKey,
      BigDecimal number,
      String status,
      String note,
      List<String> evidence,
      OffsetDateTime updatedAt,
      String updatedBy) {

    /** Whether the unit gave a figure or a state (a note alone is not a value). */
    public boolean filled() {
      return number != null || status != null;
    }

    /** The value as history and snapshots keep it (the same shape as a value's history line). */
    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("number", number == null ? null : number.toPlainString());
      m.put("status", status);
      m.put("note", note);
      m.put("evidence", evidence);
      return m;
    }

    /** As a person sees it; without note, evidence and author when {@code remarks} is off. */
    public SubmissionDtos.Value toDto(boolean remarks) {
      return new SubmissionDtos.Value(
          itemKey,
          number,
          status,
          remarks ? note : null,
          remarks ? evidence : List.of(),
          updatedAt,
          remarks ? updatedBy : null);
    }
  }

  /** The values of a report, in no particular order. */
  public static List<Row> of(EntityManager em, long submissionId) {
    List<Row> rows = new ArrayList<>();
    Jdbc.query(
        em,
        """
        SELECT v.plan_item_id, i.item_key, v.number, v.status, v.note,
               ARRAY(SELECT jsonb_array_elements_text(v.evidence)), v.updated_at, v.updated_by
        FROM submission_value v JOIN plan_item i ON i.id = v.plan_item_id
        WHERE v.submission_id = ?
        """,
        List.of(submissionId),
        rs -> {
          BigDecimal number = rs.getBigDecimal(3);
          rows.add(
              new Row(
                  rs.getLong(1),
                  rs.getString(2),
                  number == null ? null : number.stripTrailingZeros(),
                  rs.getString(4),
                  rs.getString(5),
                  List.of((String[]) rs.getArray(6).getArray()),
                  rs.getObject(7, OffsetDateTime.class),
                  rs.getString(8)));
        });
    return rows;
  }

  /**
   * The values in the plan's order (the outline's; a value of an item the outline no longer lists
   * comes after the others), by item key.
   */
  public static Map<String, Row> inPlanOrder(PlanOutline outline, List<Row> rows) {
    Map<Long, Integer> positions = outline.positions();
    Map<String, Row> keyed = new LinkedHashMap<>();
    rows.stream()
        .sorted(
            Comparator.comparingInt(
                (Row r) -> positions.getOrDefault(r.itemId(), Integer.MAX_VALUE)))
        .forEach(r -> keyed.put(r.itemKey(), r));
    return keyed;
  }
}
