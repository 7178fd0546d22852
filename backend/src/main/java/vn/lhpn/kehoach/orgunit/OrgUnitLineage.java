package vn.lhpn.kehoach.orgunit;

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
import java.time.LocalDate;
import java.util.List;

/** One edge of the history: on a date, an old unit version became (part of) a new one. */
@Entity
@Table(name = "org_unit_lineage")
public class OrgUnitLineage extends PanacheEntityBase {
  /** Kinds of change, as GSO data and the resolutions describe them. */
  public enum Change {
    MERGE,
    RECLASSIFY,
    MOVE,
    DISSOLVE,
    SPLIT,
    RENAME;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Change fromCode(String code) {
      return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  @Column(name = "effective_date", nullable = false)
  public LocalDate effectiveDate;

  @Column(nullable = false, length = 16)
  @jakarta.persistence.Convert(converter = ChangeConverter.class)
  public Change change;

  /** The old unit's version; null for a unit that never was on the system (another province's). */
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "from_unit_id")
  public OrgUnit from;

  /** The old unit's code and name as the source gave them, whether or not it was on the system. */
  @Column(name = "from_code", nullable = false, length = 16)
  public String fromCode;

  @Column(name = "from_name", nullable = false, length = 200)
  public String fromName;

  /** The change set that recorded it; null for the lineage the first start loaded. */
  @Column(name = "change_set_id")
  public Long changeSetId;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "to_unit_id")
  public OrgUnit to;

  @Column(nullable = false)
  public boolean confirmed = true;

  /** Bumped by every confirmation or correction (If-Match). */
  @jakarta.persistence.Version
  @Column(nullable = false)
  public long version;

  public static List<OrgUnitLineage> successorsOf(OrgUnit unit) {
    return list("from", unit);
  }

  public static List<OrgUnitLineage> predecessorsOf(OrgUnit unit) {
    return list("to", unit);
  }

  @jakarta.persistence.Converter
  public static class ChangeConverter
      implements jakarta.persistence.AttributeConverter<Change, String> {
    @Override
    public String convertToDatabaseColumn(Change change) {
      return change == null ? null : change.code();
    }

    @Override
    public Change convertToEntityAttribute(String code) {
      return code == null ? null : Change.fromCode(code);
    }
  }
}
