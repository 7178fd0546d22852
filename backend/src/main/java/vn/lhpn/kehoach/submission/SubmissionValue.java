package vn.lhpn.kehoach.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.lhpn.kehoach.common.BaseEntity;
import vn.lhpn.kehoach.plan.PlanItem;

/** The value a unit reports for one leaf: a number or a status, a note and evidence links. */
@Entity
@Table(name = "submission_value")
public class SubmissionValue extends BaseEntity {
  /** The status of an activity. */
  public enum Status {
    done,
    in_progress,
    not_done,
    not_applicable
  }

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "submission_id")
  public Submission submission;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "plan_item_id")
  public PlanItem item;

  @Column(precision = 14, scale = 3)
  public BigDecimal number;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  @Column(length = 16)
  public Status status;

  @Column(length = 2000)
  public String note;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public List<String> evidence = new ArrayList<>();

  @Column(name = "updated_by", nullable = false)
  public String updatedBy;

  /**
   * The values of a report, to change. To read them, {@code ReportValues} gives rows: no entity is
   * kept in the session and dirty-checked at each flush.
   */
  public static List<SubmissionValue> of(Submission submission) {
    return list("submission = ?1", submission);
  }

  /** The value as history and snapshots keep it. */
  public Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", number == null ? null : number.stripTrailingZeros().toPlainString());
    m.put("status", status == null ? null : status.name());
    m.put("note", note);
    m.put("evidence", List.copyOf(evidence));
    return m;
  }
}
