package vn.lhpn.kehoach.submission;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.lhpn.kehoach.plan.PlanItem;

/**
 * One line of a submission's history: a value change (before, after) or a transition (from, to,
 * reason). Written once, never changed: the entity is immutable and the table refuses UPDATE and
 * DELETE.
 */
@Entity
@Immutable
@Table(name = "submission_event")
public class SubmissionEvent extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "submission_id")
  public Submission submission;

  @Column(nullable = false)
  public OffsetDateTime at;

  @Column(nullable = false)
  public String actor;

  /** create, value, submit, approve, return, reopen, move (a change of the map). */
  @Column(nullable = false, length = 12)
  public String kind;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "plan_item_id")
  public PlanItem item;

  @Column(name = "from_state", length = 12)
  public String fromState;

  @Column(name = "to_state", length = 12)
  public String toState;

  public String reason;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "before_value", columnDefinition = "jsonb")
  public Map<String, Object> before;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(name = "after_value", columnDefinition = "jsonb")
  public Map<String, Object> after;

  /** On approval: item key → value as approved. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb")
  public Map<String, Map<String, Object>> snapshot;

  public static List<SubmissionEvent> of(Submission submission) {
    return list("submission = ?1 order by id", submission);
  }

  public static Optional<SubmissionEvent> lastApproval(Submission submission) {
    return find("submission = ?1 and kind = 'approve' order by id desc", submission)
        .firstResultOptional();
  }
}
