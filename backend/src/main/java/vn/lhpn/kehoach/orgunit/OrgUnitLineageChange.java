package vn.lhpn.kehoach.orgunit;

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

/** A confirmation or correction of a lineage row: who, when, why, the row before and after. */
@Entity
@Table(name = "org_unit_lineage_change")
public class OrgUnitLineageChange extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "lineage_id", nullable = false)
  public long lineageId;

  @Column(nullable = false, length = 16)
  public String action;

  @Column(nullable = false, length = 500)
  public String reason;

  @Column(name = "changed_by", nullable = false)
  public String changedBy;

  @Column(name = "changed_at", nullable = false)
  public OffsetDateTime changedAt;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb", nullable = false)
  public Map<String, Object> before;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(columnDefinition = "jsonb", nullable = false)
  public Map<String, Object> after;

  public static List<OrgUnitLineageChange> of(long lineageId) {
    return list("lineageId = ?1 order by changedAt, id", lineageId);
  }
}
