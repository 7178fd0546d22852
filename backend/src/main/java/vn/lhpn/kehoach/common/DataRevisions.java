package vn.lhpn.kehoach.common;

import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Reads a revision of the data (the view {@code data_revision}, V15): the number every in-memory
 * copy (the units' links, the dashboards' answers) compares with its own. Asked several times by
 * every request, so it is read through plain JDBC: a Hibernate native query would first flush
 * whatever the session holds (docs/benchmarks.md, deadline day).
 */
public final class DataRevisions {
  private DataRevisions() {}

  /** The revision named {@code name}: {@code org_unit} or {@code progress}. */
  public static long of(EntityManager em, String name) {
    long[] revision = {0};
    Jdbc.query(
        em,
        "SELECT revision FROM data_revision WHERE name = ?",
        List.of(name),
        rs -> revision[0] = rs.getLong(1));
    return revision[0];
  }
}
