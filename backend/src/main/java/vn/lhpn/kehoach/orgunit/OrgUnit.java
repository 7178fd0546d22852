package vn.lhpn.kehoach.orgunit;

import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.lhpn.kehoach.common.BaseEntity;
import vn.lhpn.kehoach.common.Text;

/**
 * One version of a unit of the union's hierarchy: province, district level, commune level,
 * affiliated. A change closes the version ({@link #validTo}) and opens another, linked in {@link
 * OrgUnitLineage}. The parent is referenced by code and resolved on a date.
 */
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

  @Column(name = "parent_code", length = 16)
  public String parentCode;

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

  /**
   * The tier of the union a unit is at, as a plan's "Cấp thực hiện" names them: 1 the province, 2 a
   * district (or a unit affiliated to the province), 3 a commune (cơ sở Hội). Its level in the tree
   * until 01/07/2025; after it a commune sits at level 2 under the province and is still of tier 3.
   */
  public int tier() {
    return type.isCommune() ? 3 : level;
  }

  public boolean validOn(LocalDate day) {
    return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
  }

  /** JPQL condition: the version is valid on {@code :day}. The one place this rule is written. */
  public static final String VALID_ON =
      "validFrom <= :day and (validTo is null or validTo >= :day)";

  /** JPQL condition: the version existed at some time from {@code :from} to {@code :to}. */
  public static final String VALID_DURING =
      "validFrom <= :to and (validTo is null or validTo >= :from)";

  /** The version of a code valid on a day, if the code named a unit that day. */
  public static Optional<OrgUnit> findValid(String code, LocalDate day) {
    return find("code = :code and " + VALID_ON, Parameters.with("code", code).and("day", day))
        .firstResultOptional();
  }

  /**
   * The units directly below a unit at any time from one day to another, one version per code (the
   * latest: {@link OrgUnitVersions#latestPerCode}), affiliated units last.
   */
  public static List<OrgUnit> childrenDuring(String parentCode, LocalDate from, LocalDate to) {
    return OrgUnitVersions.latestPerCode(
        list(
            "parentCode = :parent and " + VALID_DURING,
            Parameters.with("parent", parentCode).and("from", from).and("to", to)));
  }

  /**
   * How many communes (cơ sở Hội) a unit counts on a day: those directly below it valid that day
   * (so a merge is not counted twice), under a district before 01/07/2025 and under the province
   * after it; a commune counts itself.
   */
  public static int communesBelow(OrgUnit unit, LocalDate day) {
    if (unit.type.isCommune()) {
      return 1;
    }
    return (int)
        OrgUnit.<OrgUnit>list(
                "parentCode = :parent and type in :communes and " + VALID_ON,
                Parameters.with("parent", unit.code)
                    .and("communes", OrgUnitType.COMMUNES)
                    .and("day", day))
            .stream()
            .map(u -> u.code)
            .distinct()
            .count();
  }

  /**
   * The unit a code names on a day; when no version of the code exists that day (not yet, or
   * retired), the version closest in time.
   */
  public static Optional<OrgUnit> findByCode(String code, LocalDate day) {
    List<OrgUnit> versions = list("code", code);
    return versions.stream()
        .min(
            Comparator.<OrgUnit, Boolean>comparing(u -> !u.validOn(day))
                .thenComparing(u -> distance(u, day)));
  }

  private static long distance(OrgUnit unit, LocalDate day) {
    if (unit.validFrom.isAfter(day)) {
      return unit.validFrom.toEpochDay() - day.toEpochDay();
    }
    return unit.validTo == null ? 0 : day.toEpochDay() - unit.validTo.toEpochDay();
  }
}
