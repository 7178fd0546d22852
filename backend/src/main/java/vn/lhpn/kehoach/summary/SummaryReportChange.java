package vn.lhpn.kehoach.summary;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One save of a report: who, when, and each part it changed, before and after. */
@Entity
@Table(name = "summary_report_change")
public class SummaryReportChange extends PanacheEntityBase {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "report_id", nullable = false)
  public long reportId;

  /** The report's version this save made. */
  @Column(nullable = false)
  public long version;

  @Column(name = "changed_by", nullable = false)
  public String changedBy;

  @Column(name = "changed_at", nullable = false)
  public OffsetDateTime changedAt;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public List<Part> changes;

  /** A part of the report ("number", "paragraph:I-2") before and after (null: the draft). */
  public record Part(String part, String before, String after) {}

  public static List<SummaryReportChange> of(long reportId) {
    return list("reportId = ?1 order by version desc", reportId);
  }
}
