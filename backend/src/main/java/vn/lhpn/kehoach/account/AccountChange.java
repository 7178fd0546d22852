package vn.lhpn.kehoach.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One change made to an account through the system: who, when, what, before and after; written
 * before the change is made ({@link #PENDING}), so no change stands without its record.
 */
@Entity
@Table(name = "account_change")
public class AccountChange extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  /** Keycloak's id of the account; null only while the creation of a new one is pending. */
  @Column(name = "account_id")
  public String accountId;

  /** pending: written before Keycloak was asked; done: Keycloak made it (V29). */
  @Column(nullable = false)
  public String state = DONE;

  public static final String PENDING = "pending";
  public static final String DONE = "done";

  @Column(nullable = false)
  public String username;

  @Column(nullable = false)
  public String action;

  @Column(name = "changed_by", nullable = false)
  public String changedBy;

  @Column(name = "changed_at", nullable = false)
  public OffsetDateTime changedAt;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb")
  public Map<String, Object> before;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb")
  public Map<String, Object> after;

  public static List<AccountChange> of(String accountId) {
    return list("accountId = ?1 order by changedAt desc, id desc", accountId);
  }
}
