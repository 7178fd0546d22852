package vn.lhpn.kehoach.common;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;

/**
 * Reads through JDBC in the current transaction, for the reads every dashboard makes: thousands of
 * rows without Hibernate's per-value machinery, and a list of codes as one array parameter ({@code
 * = ANY (?)}), so that the statement is the same whatever the list's length and PostgreSQL plans it
 * once. Nothing pending in the session is flushed first: for reads of tables written by SQL.
 */
public final class Jdbc {
  private Jdbc() {}

  /** What a read does with each row. */
  @FunctionalInterface
  public interface RowReader {
    void read(ResultSet rs) throws SQLException;
  }

  /** Runs a query; a collection parameter is sent as a varchar array. */
  public static void query(
      EntityManager em, String sql, List<Object> parameters, RowReader reader) {
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement ps = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                  Object p = parameters.get(i);
                  if (p instanceof Collection<?> values) {
                    ps.setArray(i + 1, connection.createArrayOf("varchar", values.toArray()));
                  } else {
                    ps.setObject(i + 1, p);
                  }
                }
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    reader.read(rs);
                  }
                }
              }
            });
  }
}
