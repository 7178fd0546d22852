package vn.lhpn.kehoach.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every problem's texts in the language the caller asked for with {@code Accept-Language} (vi or
 * en; the SPA sends the UI's, which follows the saved preference): a message of the catalog is
 * written from its template, an older one keeps its side of "tiếng Việt / English". A caller that
 * names neither gets both, as before. An answer holding such texts ({@link CallersLanguage.Speaks},
 * written as it is serialised) gets the same headers. The saved preference is not looked up here:
 * an error path reads no database (the database may be the error).
 */
public class ProblemLanguage {
  @ServerResponseFilter
  public void inTheCallersLanguage(
      ContainerRequestContext request, ContainerResponseContext response) {
    Object entity = response.getEntity();
    if (!(entity instanceof ProblemDetail) && !(entity instanceof CallersLanguage.Speaks)) {
      return;
    }
    response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    Language.fromAcceptLanguage(request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE))
        .ifPresent(
            language -> {
              if (entity instanceof ProblemDetail problem) {
                response.setEntity(problem.in(language), null, response.getMediaType());
              }
              response
                  .getHeaders()
                  .putSingle(HttpHeaders.CONTENT_LANGUAGE, language.name().toLowerCase());
            });
  }
}
