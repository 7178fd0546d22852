package vn.lhpn.kehoach.allocation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import vn.lhpn.kehoach.common.BaseEntity;

/**
 * A figure kept per unit and year (hội viên, phụ nữ từ 18 tuổi…) to split targets in proportion.
 */
@Entity
@Table(name = "unit_weight")
public class UnitWeight extends BaseEntity {
  @Column(nullable = false, length = 60)
  public String name;

  @Column(nullable = false)
  public short year;

  @Column(name = "unit_code", nullable = false, length = 16)
  public String unitCode;

  @Column(nullable = false, precision = 14, scale = 3)
  public BigDecimal value;

  @Column(name = "set_by", nullable = false)
  public String setBy;

  public static List<UnitWeight> of(int year, java.util.Collection<String> unitCodes) {
    return list("year = ?1 and unitCode in ?2 order by name, unitCode", (short) year, unitCodes);
  }
}
