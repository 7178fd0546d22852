package vn.lhpn.kehoach.common;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;

/**
 * Quarkus REST hands a request that matches no resource on to the next route; without this, a
 * mistyped {@code /api/...} path would get Vert.x's plain-text 404. Here it gets problem+json.
 */
public class UnmatchedApiRoutes {
  void register(@Observes Router router) {
    router
        .route("/api/*")
        .order(Integer.MAX_VALUE)
        .handler(
            ctx -> {
              ProblemType type = ProblemType.NOT_FOUND;
              var body =
                  new ProblemDetail(
                      type.uri(),
                      type.title(),
                      type.status(),
                      // a route of Vert.x, before the API's language is known: both languages
                      Message.of("route.not-found").inBoth(),
                      ctx.request().path(),
                      java.util.List.of());
              ctx.response()
                  .setStatusCode(type.status())
                  .putHeader("Content-Type", ProblemDetail.MEDIA_TYPE)
                  .end(Json.encode(body));
            });
  }
}
