package vn.lhpn.kehoach.common;

import java.util.List;

/**
 * A domain or request error that becomes a problem+json response. Features extend it with static
 * factories that say what happened ({@code OrgUnitException.notFound(code)}).
 */
public class ApiException extends RuntimeException {
  private final ProblemType type;
  private final List<ProblemDetail.FieldError> errors;
  private String currentState;
  private List<String> allowed;
  private Object current;
  private jakarta.ws.rs.core.EntityTag currentTag;
  private boolean denied;
  private final Message message;

  /**
   * A problem whose text is written at the site in both languages, "tiếng Việt / English": the way
   * before the catalog. New problems take a {@link Message}.
   */
  public ApiException(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  /** A problem said by a message of the catalog: a stable code and its parameters. */
  public ApiException(ProblemType type, Message message) {
    this(type, message, List.of());
  }

  public ApiException(ProblemType type, Message message, List<ProblemDetail.FieldError> errors) {
    super(message.inBoth(errors), null, false, false);
    this.type = type;
    this.errors = List.copyOf(errors);
    this.message = message;
  }

  public ApiException(ProblemType type, String detail, List<ProblemDetail.FieldError> errors) {
    super(detail, null, false, false);
    this.type = type;
    this.errors = List.copyOf(errors);
    this.message = null;
  }

  /** The message of the catalog this problem was said with, or null (a text of both languages). */
  public Message message() {
    return message;
  }

  /**
   * Marks a refusal on authorization grounds (403, or 404 for a unit out of the caller's scope):
   * the answer logs it with the user and their unit.
   */
  public ApiException denied() {
    this.denied = true;
    return this;
  }

  public boolean isDenied() {
    return denied;
  }

  /** Says what state the resource is in and what may be done from there (for 409). */
  public ApiException withState(String state, List<String> allowedActions) {
    this.currentState = state;
    this.allowed = List.copyOf(allowedActions);
    return this;
  }

  /** Carries the resource as it is now and its ETag (for 412). */
  public ApiException withCurrent(Object resource, jakarta.ws.rs.core.EntityTag tag) {
    this.current = resource;
    this.currentTag = tag;
    return this;
  }

  public String currentState() {
    return currentState;
  }

  public List<String> allowed() {
    return allowed;
  }

  public Object current() {
    return current;
  }

  public jakarta.ws.rs.core.EntityTag currentTag() {
    return currentTag;
  }

  public ProblemType type() {
    return type;
  }

  public List<ProblemDetail.FieldError> errors() {
    return errors;
  }

  public static ApiException notFound(String what) {
    return new ApiException(ProblemType.NOT_FOUND, what);
  }

  /** One failed field of the request, said by a message of the catalog. */
  public static ApiException invalid(String field, Message reason) {
    return new ApiException(
        ProblemType.VALIDATION,
        Message.of("field.invalid", "field", field, "reason", reason),
        List.of(new ProblemDetail.FieldError(field, reason)));
  }

  public static ApiException invalid(String field, String message) {
    return new ApiException(
        ProblemType.VALIDATION,
        "Trường '" + field + "' không hợp lệ: " + message,
        List.of(new ProblemDetail.FieldError(field, message)));
  }
}
