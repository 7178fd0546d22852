package vn.lhpn.kehoach.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;
import vn.lhpn.kehoach.common.BaseEntity;

/** A department (Ban) of the union that leads plan items. */
@Entity
@Table(name = "department")
public class Department extends BaseEntity {
  @Column(nullable = false, unique = true, length = 16)
  public String code;

  @Column(name = "short_name", nullable = false, length = 60)
  public String shortName;

  @Column(nullable = false, length = 200)
  public String name;

  public static Optional<Department> findByCode(String code) {
    return find("code", code).firstResultOptional();
  }
}
