package vn.lhpn.kehoach.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;
import vn.lhpn.kehoach.common.BaseEntity;

/** A term plan (kế hoạch toàn khóa): the document's data; its items are {@link PlanItem}s. */
@Entity
@Table(name = "plan")
public class Plan extends BaseEntity {
  /** Lifecycle of a plan. */
  public enum Status {
    draft,
    active,
    closed
  }

  /**
   * Stable code made from the document number ("11/KH-BCH" is "11-KH-BCH"), used in URLs. Unique
   * per owner, not across the system (V28): two provinces may both issue a "11/KH-BCH"; {@link
   * #ref()} names one plan everywhere.
   */
  @Column(nullable = false, length = 40)
  public String code;

  @Column(nullable = false, length = 40)
  public String number;

  @Column(nullable = false)
  public String title;

  public String subtitle;

  @Column(nullable = false)
  public String issuer;

  @Column(name = "issued_on")
  public LocalDate issuedOn;

  @Column(name = "term_start")
  public Short termStart;

  @Column(name = "term_end")
  public Short termEnd;

  @Column(name = "first_year", nullable = false)
  public short firstYear;

  @Column(name = "last_year", nullable = false)
  public short lastYear;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  public Status status = Status.active;

  /** When the term's figures were locked (khóa số liệu, V26); null while they may change. */
  @Column(name = "locked_at")
  public java.time.OffsetDateTime lockedAt;

  @Column(name = "locked_by")
  public String lockedBy;

  @Column(name = "lock_reason")
  public String lockReason;

  /** The unit that owns the plan (the province); its planners edit it. */
  @Column(name = "owner_unit_code", nullable = false, length = 16)
  public String ownerUnitCode;

  @Column(name = "source_name")
  public String sourceName;

  /**
   * Bumped by the database on any change to the plan's items, levels or departments (V9): the key
   * of the read model {@link PlanOutline}. Never written from here.
   */
  @Column(name = "content_revision", insertable = false, updatable = false)
  public long contentRevision;

  /** Separates the code from the owner in a qualified plan id: {@code 11-KH-BCH@19}. */
  public static final char OWNER_SEPARATOR = '@';

  /** The id that names this plan whoever asks: its code qualified by its owner. */
  public String ref() {
    return code + OWNER_SEPARATOR + ownerUnitCode;
  }

  /** The plan of this owner with this code. */
  public static Optional<Plan> findOwned(String ownerUnitCode, String code) {
    return find("ownerUnitCode = ?1 and code = ?2", ownerUnitCode, code).firstResultOptional();
  }

  /**
   * The plans an id may name, readable or not: a qualified id ({@code 11-KH-BCH@19}) one at most, a
   * bare code one per province that issued that number.
   */
  public static java.util.List<Plan> named(String id) {
    int at = id.lastIndexOf(OWNER_SEPARATOR);
    if (at > 0 && at < id.length() - 1) {
      return findOwned(id.substring(at + 1), id.substring(0, at)).stream().toList();
    }
    return list("code = ?1 order by ownerUnitCode", id);
  }

  /**
   * The demo's and the national generator's own plan by code (they load one plan per code); never
   * for a request, which goes through the caller's scope.
   */
  public static Optional<Plan> findByCode(String code) {
    return find("code = ?1 order by id", code).firstResultOptional();
  }
}
