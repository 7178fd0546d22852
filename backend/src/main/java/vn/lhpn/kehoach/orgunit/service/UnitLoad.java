package vn.lhpn.kehoach.orgunit.service;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import vn.lhpn.kehoach.common.CopyIn;
import vn.lhpn.kehoach.common.Text;

/**
 * Org units written in bulk (the benchmark's national data: thousands of made-up units), by the
 * owner of the table: each with its folded search name, as {@code OrgUnit} keeps it. Rows are
 * buffered and go with COPY when {@link #write} is called.
 */
public final class UnitLoad {
  private static final String UNITS =
      "COPY org_unit (code, name, search_name, type, parent_code, level, valid_from,"
          + " version, created_at, updated_at) FROM STDIN";

  private final EntityManager em;
  private final String now;
  private final CopyIn.Tables rows = new CopyIn.Tables(UNITS);

  /** The units are stamped as made now on {@code clock}. */
  public UnitLoad(EntityManager em, Clock clock) {
    this.em = em;
    this.now = OffsetDateTime.now(clock).toString();
  }

  /** A unit valid from a day on, with its type's code ({@code province}, {@code commune}, …). */
  public void add(String code, String name, String type, String parent, int level, LocalDate from) {
    rows.row(UNITS, code, name, Text.fold(name), type, parent, level, from, 0, now, now);
  }

  /**
   * Writes what is buffered, then puts the units without a parent at level 1 (the provinces) under
   * {@code root} when it is given. Returns the units written.
   */
  public long write(String root) {
    long n = rows.write(em);
    if (root != null) {
      em.createNativeQuery(
              "UPDATE org_unit SET parent_code = ?1 WHERE parent_code IS NULL AND level = 1")
          .setParameter(1, root)
          .executeUpdate();
    }
    return n;
  }
}
