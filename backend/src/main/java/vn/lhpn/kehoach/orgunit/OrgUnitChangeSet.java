package vn.lhpn.kehoach.orgunit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A change of the map that was applied: its date, who applied it, from which file, and counts. */
@Entity
@Table(name = "org_unit_change_set")
public class OrgUnitChangeSet extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "effective_date", nullable = false)
  public LocalDate effectiveDate;

  @Column(name = "scope_code", nullable = false, length = 16)
  public String scopeCode;

  @Column(name = "applied_by", nullable = false)
  public String appliedBy;

  @Column(name = "applied_at", nullable = false)
  public OffsetDateTime appliedAt;

  @Column(name = "source_name")
  public String sourceName;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public Map<String, Integer> summary;
}
