package vn.lhpn.kehoach.support;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Puts a fault into the commit of one request, on purpose and on every run: when armed for a path,
 * the first transaction of a request to that path that has written something (PostgreSQL gave it a
 * transaction id) runs the fault in its before-completion step, after the request's work and before
 * the database commits it. Transactions that only read (the caller's scope, say) are let through.
 * The fault tests use it to stop PostgreSQL at that moment, so the commit itself fails.
 */
@ApplicationScoped
public class CommitFault {
  private static final AtomicReference<Armed> ARMED = new AtomicReference<>();

  /**
   * What to do at the commit of a transaction of a request whose path ends so: the first that wrote
   * (or, with a table, the first that wrote a row of that table) after {@code skip} such.
   */
  public record Armed(
      String pathSuffix,
      String table,
      java.util.concurrent.atomic.AtomicInteger skip,
      Runnable fault) {}

  @Inject TransactionSynchronizationRegistry registry;
  @Inject CurrentVertxRequest request;
  @Inject jakarta.persistence.EntityManager em;

  public static void arm(String pathSuffix, Runnable fault) {
    ARMED.set(new Armed(pathSuffix, null, new java.util.concurrent.atomic.AtomicInteger(), fault));
  }

  /**
   * The fault at the commit of the transaction of the request that writes a row of {@code table}
   * for the {@code (skip + 1)}th time (a row it inserted or updated carries its transaction id).
   */
  public static void arm(String pathSuffix, String table, int skip, Runnable fault) {
    ARMED.set(
        new Armed(pathSuffix, table, new java.util.concurrent.atomic.AtomicInteger(skip), fault));
  }

  /** Whether the armed fault is still waiting for its transaction. */
  public static boolean armed() {
    return ARMED.get() != null;
  }

  public static void disarm() {
    ARMED.set(null);
  }

  void onBegin(@Observes @Initialized(TransactionScoped.class) Object event) {
    Armed armed = ARMED.get();
    if (armed == null || request.getCurrent() == null) {
      return;
    }
    String path = request.getCurrent().request().path();
    if (path == null || !path.endsWith(armed.pathSuffix())) {
      return;
    }
    registry.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {
            // flushes what the request changed, then asks whether this transaction wrote
            Object written =
                em.createNativeQuery("SELECT txid_current_if_assigned()").getSingleResult();
            if (written == null) {
              return;
            }
            if (armed.table() != null
                && !(Boolean)
                    em.createNativeQuery(
                            "SELECT EXISTS (SELECT 1 FROM "
                                + armed.table()
                                + " WHERE xmin::text = (txid_current() % 4294967296)::text)")
                        .getSingleResult()) {
              return;
            }
            if (armed.skip().getAndDecrement() > 0) {
              return;
            }
            if (ARMED.compareAndSet(armed, null)) {
              armed.fault().run();
            }
          }

          @Override
          public void afterCompletion(int status) {}
        });
  }
}
