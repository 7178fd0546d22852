package vn.lhpn.kehoach.common;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Writes per user and minute (POST, PUT, PATCH, DELETE under /api): above {@code
 * kehoach.rate-limit.writes-per-minute} a 429 with {@code Retry-After}, before any work is done. A
 * person entering reports makes a few writes a minute; the limit stops a script or a stolen token
 * from flooding the database. Counted per instance: behind N instances a user gets N times it.
 */
public class WriteRateLimit {
  /** One user's writes in the current minute. */
  private record Window(long minute, AtomicInteger count) {}

  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  @Inject CurrentIdentityAssociation identities;
  @Inject Clock clock;

  @ConfigProperty(name = "kehoach.rate-limit.writes-per-minute", defaultValue = "120")
  int perMinute;

  @ServerRequestFilter
  public Uni<Response> check(ContainerRequestContext request) {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return Uni.createFrom().nullItem();
    }
    return identities
        .getDeferredIdentity()
        .map(
            identity ->
                identity.isAnonymous()
                    ? null
                    : count(identity.getPrincipal().getName(), request.getUriInfo().getPath()));
  }

  private Response count(String user, String path) {
    long now = clock.millis();
    long minute = now / 60_000;
    if (windows.size() > 10_000) {
      windows.values().removeIf(w -> w.minute() < minute);
    }
    Window w =
        windows.compute(
            user,
            (k, old) ->
                old == null || old.minute() != minute
                    ? new Window(minute, new AtomicInteger())
                    : old);
    if (w.count().incrementAndGet() <= perMinute) {
      return null;
    }
    long retryAfter = Math.max(1, ((minute + 1) * 60_000 - now + 999) / 1000);
    return Response.fromResponse(
            Problems.response(
                ProblemType.TOO_MANY_REQUESTS,
                "Quá "
                    + perMinute
                    + " thao tác ghi trong một phút; hãy thử lại sau "
                    + retryAfter
                    + " giây / More than "
                    + perMinute
                    + " writes in a minute; retry after "
                    + retryAfter
                    + " s",
                path))
        .header("Retry-After", retryAfter)
        .build();
  }
}
