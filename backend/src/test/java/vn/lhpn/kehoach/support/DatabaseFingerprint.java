package vn.lhpn.kehoach.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every data table of the database as its row count and the sum of its rows' transaction ids: any
 * insert, update or delete moves it. For tests that prove a refused request changed nothing.
 */
public final class DatabaseFingerprint {
  /**
   * Tables that count requests, not data: every write request, refused or not, is counted against
   * its user's write limit (RateLimitTest covers them); each database session counts its own
   * writes, and the counts of ended sessions are folded in the background (a write to any data
   * table shows in that table).
   */
  private static final Set<String> NOT_DATA = Set.of("write_rate", "data_change");

  private DatabaseFingerprint() {}

  public static String of(EntityManager em) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<String> tables =
                  em.createNativeQuery(
                          "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                              + " ORDER BY tablename")
                      .getResultList();
              assertTrue(tables.size() >= 24, "tables in the fingerprint: " + tables);
              Map<String, Object> out = new LinkedHashMap<>();
              for (String table : tables) {
                if (NOT_DATA.contains(table)) {
                  continue;
                }
                out.put(
                    table,
                    em.createNativeQuery(
                            "SELECT count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) FROM "
                                + table)
                        .getSingleResult());
              }
              return out.toString();
            });
  }
}
