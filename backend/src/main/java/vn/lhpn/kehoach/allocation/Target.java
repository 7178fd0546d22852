package vn.lhpn.kehoach.allocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import vn.lhpn.kehoach.common.BaseEntity;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.plan.PlanItem;

/** What a parent unit gave one of its children for a plan leaf and a year. */
@Entity
@Table(name = "target")
public class Target extends BaseEntity {
  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "plan_item_id")
  public PlanItem item;

  @Column(nullable = false)
  public short year;

  @Column(name = "unit_code", nullable = false, length = 16)
  public String unitCode;

  @Column(name = "parent_unit_code", nullable = false, length = 16)
  public String parentUnitCode;

  /** For counts and percentages; null for activities. */
  @Column(precision = 14, scale = 3)
  public BigDecimal value;

  /** For activities: whether the unit must carry it out that year. */
  @Column(nullable = false)
  public boolean required = true;

  @Column(nullable = false, length = 16)
  public String method;

  public static List<Target> ofParent(PlanItem item, int year, String parentUnitCode) {
    return list(
        "item = ?1 and year = ?2 and parentUnitCode = ?3", item, (short) year, parentUnitCode);
  }

  public static java.util.Optional<Target> of(PlanItem item, int year, String unitCode) {
    return find("item = ?1 and year = ?2 and unitCode = ?3", item, (short) year, unitCode)
        .firstResultOptional();
  }

  /** The ETag of a column: a digest of its targets' units and versions (docs/adr/0002). */
  public static String digest(Collection<Target> targets) {
    return Etags.digest(
        "c-",
        targets.stream()
            .sorted(Comparator.comparing((Target t) -> t.unitCode))
            .map(t -> t.unitCode + ":" + t.version)
            .toList());
  }
}
