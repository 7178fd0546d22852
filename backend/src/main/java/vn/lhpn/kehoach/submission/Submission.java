package vn.lhpn.kehoach.submission;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import vn.lhpn.kehoach.common.BaseEntity;
import vn.lhpn.kehoach.period.Period;

/** A unit's report for one period: its values, and where it stands in review. */
@Entity
@Table(name = "submission")
public class Submission extends BaseEntity {
  /** Where a submission stands; "returned" is a draft with a return reason. */
  public enum State {
    draft,
    submitted,
    approved
  }

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "period_id")
  public Period period;

  @Column(name = "unit_code", nullable = false, length = 16)
  public String unitCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  public State state = State.draft;

  @Column(nullable = false)
  public boolean returned;

  @Column(name = "return_reason")
  public String returnReason;

  @Column(name = "created_by", nullable = false, updatable = false)
  public String createdBy;

  @Column(name = "submitted_at")
  public OffsetDateTime submittedAt;

  @Column(name = "submitted_by")
  public String submittedBy;

  @Column(name = "reviewed_at")
  public OffsetDateTime reviewedAt;

  @Column(name = "reviewed_by")
  public String reviewedBy;

  /** Loaded from a sheet: figures of a unit from before it was on the system (Bắc Kạn, 2025). */
  @Column(nullable = false, updatable = false)
  public boolean imported;

  public static Optional<Submission> of(Period period, String unitCode) {
    return find("period = ?1 and unitCode = ?2", period, unitCode).firstResultOptional();
  }

  /** The state a user sees: draft, returned, submitted or approved. */
  public String displayState() {
    return state == State.draft && returned ? "returned" : state.name();
  }
}
