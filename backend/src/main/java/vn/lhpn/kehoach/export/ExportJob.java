package vn.lhpn.kehoach.export;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.lhpn.kehoach.export.dto.ExportDtos;

/**
 * A workbook export running in the background: its state, how far it got, and the file when done.
 * In the database, so any instance answers the client's polls.
 */
@Entity
@Table(name = "export_job")
public class ExportJob extends PanacheEntityBase {
  public enum State {
    queued,
    running,
    done,
    failed
  }

  @Id public UUID id;

  @Column(nullable = false)
  public String owner;

  @Column(nullable = false, length = 12)
  @Enumerated(EnumType.STRING)
  public State state;

  public int done;
  public int total;

  @JdbcTypeCode(SqlTypes.JSON)
  @Column(nullable = false, columnDefinition = "jsonb")
  public ExportDtos.Request request;

  @Column(name = "file_name")
  public String fileName;

  @JdbcTypeCode(SqlTypes.VARBINARY)
  @Column(columnDefinition = "bytea")
  public byte[] content;

  public String error;

  /** The unit of who asked, and their roles (comma-separated): the job runs as them (V31). */
  @Column(name = "owner_unit")
  public String ownerUnit;

  @Column(name = "owner_roles", nullable = false)
  public String ownerRoles = "";

  /** How many times a worker took it (a worker that went away leaves it to another). */
  public int attempts;

  /** The worker that took it last. */
  @Column(name = "claimed_by")
  public String claimedBy;

  @Column(name = "created_at", nullable = false)
  public OffsetDateTime createdAt;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
