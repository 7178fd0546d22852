package vn.lhpn.kehoach.summary;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.lhpn.kehoach.common.BaseEntity;

/**
 * What a unit wrote into its report for a period over the draft made from the figures: the
 * letterhead fields it set and the paragraphs it changed (a paragraph it left alone is not kept and
 * follows the figures).
 */
@Entity
@Table(name = "summary_report")
public class SummaryReport extends BaseEntity {
  @Column(name = "plan_id", nullable = false)
  public long planId;

  @Column(name = "unit_code", nullable = false, length = 16)
  public String unitCode;

  /** "2025-H1", "2025" or "term". */
  @Column(nullable = false, length = 16)
  public String period;

  public String number;
  public String issuer;
  public String place;

  @Column(name = "issued_on")
  public LocalDate issuedOn;

  public String recipients;

  @Column(name = "signer_title")
  public String signerTitle;

  @Column(name = "signer_name")
  public String signerName;

  /** Paragraph key → the unit's text. */
  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public Map<String, String> paragraphs = new LinkedHashMap<>();

  @Column(name = "updated_by", nullable = false)
  public String updatedBy;

  public static Optional<SummaryReport> find(long planId, String unitCode, String period) {
    return find("planId = ?1 and unitCode = ?2 and period = ?3", planId, unitCode, period)
        .firstResultOptional();
  }
}
