package vn.lhpn.kehoach.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** How an error deep inside a failed request is told apart: plain unit tests, no Quarkus. */
class ProblemMappersTest {
  private final ProblemMappers mappers = new ProblemMappers();

  /**
   * As seen in CI: PostgreSQL stopped while a transaction committed. Narayana's RollbackException
   * carries the database's error as a suppressed XAException, not as a cause, and Arc wraps it all.
   */
  private static Throwable commitFailure(String sqlState) {
    SQLException database = new SQLException("terminating connection", sqlState);
    XAException xa = new XAException(XAException.XAER_RMFAIL);
    xa.initCause(database);
    RollbackException rollback =
        new RollbackException("ARJUNA016053: Could not commit transaction");
    rollback.addSuppressed(xa);
    return new RuntimeException("undeclared", rollback);
  }

  @Test
  void shouldAnswer503WhenTheDatabaseWentAwayWhileCommitting() {
    var response = mappers.unexpected(commitFailure("57P01"), null);
    assertEquals(503, response.getStatus());
    assertNotNull(response.getHeaderString("Retry-After"));
  }

  @Test
  void shouldAnswer400WhenTheDatabaseRefusedAValueAtCommit() {
    assertEquals(400, mappers.unexpected(commitFailure("22003"), null).getStatus());
  }

  @Test
  void shouldStill500OnAnErrorThatIsNoneOfThese() {
    assertEquals(500, mappers.unexpected(new IllegalStateException("bug"), null).getStatus());
  }

  @Test
  void shouldReadCausesAndSuppressedOnceEachEvenInACycle() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.addSuppressed(b);
    assertEquals(2, ProblemMappers.causes(a).size());
  }
}
