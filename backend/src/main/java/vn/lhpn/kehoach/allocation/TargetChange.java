package vn.lhpn.kehoach.allocation;

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
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** One change of a target, kept for good: who, when, before, after, why. */
@Entity
@Table(name = "target_change")
public class TargetChange extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "target_id")
  public Target target;

  @Column(name = "changed_at", nullable = false)
  public OffsetDateTime changedAt;

  @Column(name = "changed_by", nullable = false)
  public String changedBy;

  @Column(name = "before_value")
  public BigDecimal beforeValue;

  @Column(name = "after_value")
  public BigDecimal afterValue;

  @Column(name = "before_required")
  public Boolean beforeRequired;

  @Column(name = "after_required")
  public Boolean afterRequired;

  @Column(nullable = false, length = 16)
  public String method;

  public String reason;

  public static List<TargetChange> of(Target target) {
    return list("target = ?1 order by changedAt, id", target);
  }
}
