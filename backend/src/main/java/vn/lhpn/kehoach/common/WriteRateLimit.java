package vn.lhpn.kehoach.common;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Writes per user and minute (POST, PUT, PATCH, DELETE under /api): above {@code
 * kehoach.rate-limit.writes-per-minute} a 429 with {@code Retry-After}, before any work is done. A
 * person entering reports makes a few writes a minute; the limit stops a script or a stolen token
 * from flooding the database. Counted in PostgreSQL (table {@code write_rate}, one row per user and
 * minute, in a statement of its own that holds no lock past itself), so every instance counts
 * against the same limit. With the database away the write is let through to meet the database's
 * own 503.
 */
public class WriteRateLimit {
  private static final Logger LOG = Logger.getLogger(WriteRateLimit.class);

  @Inject CurrentIdentityAssociation identities;
  @Inject Clock clock;
  @Inject DataSource dataSource;

  @ConfigProperty(name = "kehoach.rate-limit.writes-per-minute", defaultValue = "120")
  int perMinute;

  /** The last minute in which this instance removed the counts of minutes gone by. */
  private final AtomicLong cleaned = new AtomicLong();

  @ServerRequestFilter
  public Uni<Response> check(ContainerRequestContext request) {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return Uni.createFrom().nullItem();
    }
    return identities
        .getDeferredIdentity()
        .flatMap(
            identity -> {
              if (identity.isAnonymous()) {
                return Uni.createFrom().nullItem();
              }
              Uni<Response> counted =
                  Uni.createFrom()
                      .item(
                          () ->
                              count(
                                  identity.getPrincipal().getName(),
                                  request.getUriInfo().getPath()));
              // the count is a database round trip: never on an event-loop thread
              return io.vertx.core.Context.isOnEventLoopThread()
                  ? counted.runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                  : counted;
            });
  }

  private Response count(String user, String path) {
    long now = clock.millis();
    long minute = now / 60_000;
    int writes;
    try (Connection c = dataSource.getConnection()) {
      writes = counted(c, user, minute);
      long last = cleaned.get();
      if (last < minute && cleaned.compareAndSet(last, minute)) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM write_rate WHERE minute < ?")) {
          ps.setLong(1, minute - 1);
          ps.executeUpdate();
        }
      }
    } catch (SQLException e) {
      LOG.debugf("write count not kept (%s): the write goes on to the database", e.getMessage());
      return null;
    }
    if (writes <= perMinute) {
      return null;
    }
    long retryAfter = Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
    return Response.fromResponse(
            Problems.response(
                ProblemType.TOO_MANY_REQUESTS,
                Message.of("writes.too-many", "perMinute", perMinute, "retryAfter", retryAfter),
                path))
        .header("Retry-After", retryAfter)
        .build();
  }

  private static int counted(Connection c, String user, long minute) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            """
            INSERT INTO write_rate (username, minute, writes) VALUES (?, ?, 1)
            ON CONFLICT (username, minute) DO UPDATE SET writes = write_rate.writes + 1
            RETURNING writes
            """)) {
      ps.setString(1, user);
      ps.setLong(2, minute);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
