package vn.lhpn.kehoach.common;

import java.util.List;

/**
 * A domain or request error that becomes a problem+json response. Features extend it with static
 * factories that say what happened ({@code OrgUnitException.notFound(code)}).
 */
public class ApiException extends RuntimeException {
  private final ProblemType type;
  private final List<ProblemDetail.FieldError> errors;

  public ApiException(ProblemType type, String detail) {
    this(type, detail, List.of());
  }

  public ApiException(ProblemType type, String detail, List<ProblemDetail.FieldError> errors) {
    super(detail, null, false, false);
    this.type = type;
    this.errors = List.copyOf(errors);
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

  public static ApiException invalid(String field, String message) {
    return new ApiException(
        ProblemType.VALIDATION,
        "Trường '" + field + "' không hợp lệ: " + message,
        List.of(new ProblemDetail.FieldError(field, message)));
  }
}
