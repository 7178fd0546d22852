package vn.lhpn.kehoach.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error the REST layer can raise, turned into RFC 9457 problem+json. Nothing here ever puts a
 * class name or a stack trace into a response.
 */
public class ProblemMappers {
  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

  /** Refused authorizations, with who asked: what a security reviewer reads. */
  private static final Logger DENIED = Logger.getLogger("vn.lhpn.kehoach.security.denied");

  @jakarta.inject.Inject io.quarkus.security.identity.CurrentIdentityAssociation identities;

  @ServerExceptionMapper
  public Response api(ApiException e, UriInfo uri) {
    if (e.isDenied()) {
      logDenied(e.type().status(), uri, e.getMessage());
    }
    if (e.type() == ProblemType.SERVICE_UNAVAILABLE) {
      // a service the API needs (Keycloak for accounts) is away: say when to try again
      return Response.fromResponse(Problems.response(e, path(uri)))
          .header("Retry-After", 5)
          .build();
    }
    return Problems.response(e, path(uri));
  }

  private void logDenied(int status, UriInfo uri, String why) {
    var identity = identities.getIdentity();
    Object unit =
        identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken jwt
            ? jwt.getClaim("org_unit")
            : null;
    DENIED.warnf(
        "%d %s: user %s of unit %s: %s",
        status,
        path(uri),
        identity.isAnonymous() ? "-" : identity.getPrincipal().getName(),
        unit == null ? "-" : unit,
        why);
  }

  @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
  public Response unauthenticated(RuntimeException e, UriInfo uri) {
    return Problems.response(ProblemType.UNAUTHENTICATED, Message.of("unauthenticated"), path(uri));
  }

  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri) {
    logDenied(403, uri, "role");
    return Problems.response(ProblemType.FORBIDDEN, Message.of("forbidden.role"), path(uri));
  }

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e, UriInfo uri) {
    List<ProblemDetail.FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> fieldError(field(v.getPropertyPath().toString()), v))
            .sorted(java.util.Comparator.comparing(ProblemDetail.FieldError::field))
            .toList();
    String detail =
        errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    return Problems.response(ProblemType.VALIDATION, detail, path(uri), errors);
  }

  @ServerExceptionMapper
  public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
    String field = jsonPath(e);
    return Problems.response(
        new ApiException(
            ProblemType.VALIDATION,
            Message.of("field.not-writable", "field", field),
            List.of(new ProblemDetail.FieldError(field, Message.of("not-writable")))),
        path(uri));
  }

  @ServerExceptionMapper
  public Response mapping(JsonMappingException e, UriInfo uri) {
    String field = jsonPath(e);
    if (e instanceof JacksonConfig.RefusedText refused) {
      String name = field.isEmpty() ? "body" : field;
      return Problems.response(ApiException.invalid(name, refused.why()), path(uri));
    }
    if (field.isEmpty()) {
      return malformed(e, uri);
    }
    return Problems.response(
        new ApiException(
            ProblemType.VALIDATION,
            Message.of("field.wrong-type", "field", field),
            List.of(new ProblemDetail.FieldError(field, Message.of("wrong-type")))),
        path(uri));
  }

  /**
   * Overrides Quarkus' own mapper for this type ("abc" where a number goes), which is not a
   * problem.
   */
  @ServerExceptionMapper
  public Response mismatched(
      com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
    return mapping(e, uri);
  }

  @ServerExceptionMapper
  public Response malformed(JsonProcessingException e, UriInfo uri) {
    var loc = e.getLocation();
    return Problems.response(
        ProblemType.MALFORMED_BODY,
        loc == null
            ? Message.of("body.malformed")
            : Message.of("body.malformed-at", "line", loc.getLineNr(), "column", loc.getColumnNr()),
        path(uri));
  }

  @ServerExceptionMapper({StaleObjectStateException.class, OptimisticLockException.class})
  public Response stale(RuntimeException e, UriInfo uri) {
    return Problems.response(
        ProblemType.PRECONDITION_FAILED, Message.of("stale.concurrent"), path(uri));
  }

  @ServerExceptionMapper
  public Response duplicate(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
    return Problems.response(ProblemType.CONFLICT, Message.of("conflict.existing-data"), path(uri));
  }

  @ServerExceptionMapper
  public Response web(WebApplicationException e, UriInfo uri) {
    // Quarkus REST wraps body-reading failures; report what the client sent wrong.
    if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
      return unknownField(unknown, uri);
    } else if (e.getCause() instanceof JsonMappingException mapping) {
      return mapping(mapping, uri);
    } else if (e.getCause() instanceof JsonProcessingException parsing) {
      return malformed(parsing, uri);
    }
    ProblemType type;
    if (e instanceof NotFoundException) {
      type = ProblemType.NOT_FOUND;
    } else if (e instanceof NotAllowedException) {
      type = ProblemType.METHOD_NOT_ALLOWED;
    } else if (e instanceof NotSupportedException) {
      type = ProblemType.UNSUPPORTED_MEDIA_TYPE;
    } else if (e instanceof NotAcceptableException) {
      type = ProblemType.NOT_ACCEPTABLE;
    } else {
      type = fromStatus(e.getResponse().getStatus());
    }
    Message message =
        switch (type) {
          case NOT_FOUND -> Message.of("path.not-found");
          case METHOD_NOT_ALLOWED -> Message.of("method.not-allowed");
          case UNSUPPORTED_MEDIA_TYPE -> Message.of("media.unsupported");
          case NOT_ACCEPTABLE -> Message.of("media.not-acceptable");
          default -> null;
        };
    Response problem =
        message == null
            ? Problems.response(type, type.title(), path(uri))
            : Problems.response(type, message, path(uri));
    if (type == ProblemType.METHOD_NOT_ALLOWED
        && e.getResponse().getHeaderString("Allow") != null) {
      return Response.fromResponse(problem)
          .header("Allow", e.getResponse().getHeaderString("Allow"))
          .build();
    }
    return problem;
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    // A failure the database raised at commit arrives wrapped (RollbackException, Arc's
    // undeclared-throwable): what the client sent wrong is still a 4xx, and nothing was saved.
    for (Throwable c : causes(e)) {
      if (c instanceof StaleObjectStateException || c instanceof OptimisticLockException) {
        return stale((RuntimeException) c, uri);
      }
      if (databaseUnavailable(c)) {
        LOG.warn("Database unavailable on " + path(uri) + ": " + c);
        return Response.fromResponse(
                Problems.response(
                    ProblemType.SERVICE_UNAVAILABLE, Message.of("database.unavailable"), path(uri)))
            .header("Retry-After", 5)
            .build();
      }
      if (c instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
        if (sql.getSQLState().startsWith("22")) {
          LOG.warn("Refused a value the database cannot hold on " + path(uri) + ": " + sql);
          return Problems.response(
              ProblemType.VALIDATION, Message.of("value.out-of-range"), path(uri));
        }
        if (sql.getSQLState().equals("KH001")) {
          // a locked term (V26): the database's own words name the plan and the day
          String words =
              sql instanceof org.postgresql.util.PSQLException p
                      && p.getServerErrorMessage() != null
                  ? p.getServerErrorMessage().getMessage()
                  : null;
          return words == null
              ? Problems.response(ProblemType.CONFLICT, Message.of("plan.locked"), path(uri))
              : Problems.response(ProblemType.CONFLICT, words, path(uri));
        }
        if (sql.getSQLState().startsWith("23")) {
          return Problems.response(
              ProblemType.CONFLICT, Message.of("conflict.existing-data"), path(uri));
        }
      }
    }
    LOG.error("Unhandled error on " + path(uri), e);
    return Problems.response(ProblemType.INTERNAL, Message.of("internal.unexpected"), path(uri));
  }

  /**
   * The exception and everything behind it: causes and suppressed exceptions, outermost first. A
   * failure at commit hides the database's own error as a suppressed exception (Narayana's
   * RollbackException carries an XAException whose cause is the PSQLException), not as a cause.
   */
  static List<Throwable> causes(Throwable e) {
    List<Throwable> out = new java.util.ArrayList<>();
    java.util.Set<Throwable> seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>();
    todo.add(e);
    while (!todo.isEmpty() && out.size() < 64) {
      Throwable t = todo.removeFirst();
      if (!seen.add(t)) {
        continue;
      }
      out.add(t);
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      java.util.Collections.addAll(todo, t.getSuppressed());
    }
    return out;
  }

  /**
   * The database cannot be reached or went away under the request (SQL state class 08, an
   * administrator shutdown 57P01-57P03, no connection from the pool in time): 503, retry later.
   */
  private static boolean databaseUnavailable(Throwable c) {
    if (c instanceof org.hibernate.exception.JDBCConnectionException) {
      return true;
    }
    if (c instanceof java.sql.SQLException sql) {
      String state = sql.getSQLState();
      if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
        return true;
      }
      return sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout");
    }
    return false;
  }

  private static ProblemType fromStatus(int status) {
    for (ProblemType t : ProblemType.values()) {
      if (t.status() == status) {
        return t;
      }
    }
    return status >= 500 ? ProblemType.INTERNAL : ProblemType.BAD_REQUEST;
  }

  private static String jsonPath(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /**
   * A failed constraint: a missing value and a size said by their codes, any other by its own
   * words.
   */
  private static ProblemDetail.FieldError fieldError(
      String field, jakarta.validation.ConstraintViolation<?> v) {
    Class<?> constraint = v.getConstraintDescriptor().getAnnotation().annotationType();
    if (constraint == jakarta.validation.constraints.NotNull.class
        || constraint == jakarta.validation.constraints.NotBlank.class
        || constraint == jakarta.validation.constraints.NotEmpty.class) {
      return new ProblemDetail.FieldError(field, Message.of("required"));
    }
    if (constraint == jakarta.validation.constraints.Size.class) {
      // a text counts characters, a list its entries
      var attributes = v.getConstraintDescriptor().getAttributes();
      int min = (Integer) attributes.get("min");
      int max = (Integer) attributes.get("max");
      String what = v.getInvalidValue() instanceof CharSequence ? "text" : "list";
      return new ProblemDetail.FieldError(
          field,
          min <= 0
              ? Message.of(what + ".too-long", "max", max)
              : Message.of(what + ".size-between", "min", min, "max", max));
    }
    if (Message.known(v.getMessageTemplate())) {
      return new ProblemDetail.FieldError(field, constraintMessage(v));
    }
    return new ProblemDetail.FieldError(field, v.getMessage());
  }

  /**
   * A constraint whose message is a code of the catalog ({@code @Digits(message =
   * "number.decimals")}), its parameters from the annotation: {@code fraction} as {@code max}, the
   * options of a {@code @Pattern} of plain words ("vi|en") as {@code options}, and the other
   * numbers and texts by their own names.
   */
  private static Message constraintMessage(jakarta.validation.ConstraintViolation<?> v) {
    Map<String, Object> params = new LinkedHashMap<>();
    v.getConstraintDescriptor()
        .getAttributes()
        .forEach(
            (name, value) -> {
              if (!name.equals("message") && (value instanceof Number || value instanceof String)) {
                params.put(name, value);
              }
            });
    if (params.get("fraction") instanceof Integer fraction) {
      params.put("max", fraction);
    }
    if (params.get("regexp") instanceof String regexp && regexp.matches("[a-z_-]+(\\|[a-z_-]+)+")) {
      params.put("options", List.of(regexp.split("\\|")));
    }
    return new Message(v.getMessageTemplate(), params);
  }

  /** "setPreferences.request.language" becomes "language": clients know fields, not methods. */
  private static String field(String propertyPath) {
    String[] parts = propertyPath.split("\\.");
    return parts.length > 2
        ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length))
        : propertyPath;
  }

  private static String path(UriInfo uri) {
    return uri == null ? null : uri.getRequestUri().getRawPath();
  }
}
