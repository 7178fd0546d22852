package vn.lhpn.kehoach.common;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.Deque;
import org.hibernate.Session;

/**
 * Ids of a table's identity column for rows written in bulk (COPY names its ids): taken from the
 * table's own sequence a thousand at a time, so they never meet the ids of rows written one by one.
 */
public final class IdBlock {
  private static final int BLOCK = 1000;

  private final EntityManager em;
  private final String table;
  private final Deque<Long> free = new ArrayDeque<>();

  public IdBlock(EntityManager em, String table) {
    this.em = em;
    this.table = table;
  }

  public long next() {
    if (free.isEmpty()) {
      em.unwrap(Session.class)
          .doWork(
              connection -> {
                try (PreparedStatement ps =
                    connection.prepareStatement(
                        "SELECT nextval(pg_get_serial_sequence(?, 'id'))"
                            + " FROM generate_series(1, ?)")) {
                  ps.setString(1, table);
                  ps.setInt(2, BLOCK);
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      free.add(rs.getLong(1));
                    }
                  }
                }
              });
    }
    return free.poll();
  }
}
