package vn.lhpn.kehoach.orgunit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import vn.lhpn.kehoach.common.BaseEntity;
import vn.lhpn.kehoach.common.Text;

/** A unit of the union's hierarchy: province, district level, commune level, affiliated. */
@Entity
@Table(name = "org_unit")
public class OrgUnit extends BaseEntity {
  @Column(nullable = false, length = 16)
  public String code;

  @Column(nullable = false, length = 200)
  public String name;

  @Column(name = "search_name", nullable = false, length = 200)
  public String searchName;

  @Column(nullable = false, length = 16)
  public OrgUnitType type;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "parent_id")
  public OrgUnit parent;

  @Column(nullable = false)
  public short level;

  @Column(name = "valid_from", nullable = false)
  public LocalDate validFrom;

  /** Last day the unit exists (inclusive); null while it exists. */
  @Column(name = "valid_to")
  public LocalDate validTo;

  @PrePersist
  @PreUpdate
  void fold() {
    searchName = Text.fold(name);
  }

  public boolean validOn(LocalDate day) {
    return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
  }

  /**
   * The unit a code names on a day; when no version of the code exists that day (the code was
   * retired), its latest version.
   */
  public static Optional<OrgUnit> findByCode(String code, LocalDate day) {
    return OrgUnit.<OrgUnit>list("code", code).stream()
        .max(
            Comparator.<OrgUnit, Boolean>comparing(u -> u.validOn(day))
                .thenComparing(u -> u.validFrom));
  }
}
