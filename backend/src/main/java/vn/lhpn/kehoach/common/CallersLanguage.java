package vn.lhpn.kehoach.common;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

/**
 * The language of the request being answered, for the texts inside an answer (an import's warnings,
 * why an account moves, what a batch skipped): the same rule as a problem's ({@link
 * ProblemLanguage}): {@code Accept-Language} vi or en, both when it names neither or when there is
 * no request (a seeder, a test calling the code).
 */
public final class CallersLanguage {
  private CallersLanguage() {}

  /** The language the current request asked for, if it named vi or en. */
  public static Optional<Language> current() {
    ResteasyReactiveRequestContext request = CurrentRequestManager.get();
    if (request == null) {
      return Optional.empty();
    }
    return Language.fromAcceptLanguage(
        request.getHttpHeaders().getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
  }

  /** A message written in the caller's language, or in both ("tiếng Việt / English"). */
  public static String write(Message message) {
    if (message == null) {
      return null;
    }
    return current().map(message::in).orElseGet(message::inBoth);
  }

  /**
   * An answer that holds texts in the caller's language: it is sent with {@code Vary:
   * Accept-Language}, and with {@code Content-Language} when the caller named one.
   */
  public interface Speaks {}
}
