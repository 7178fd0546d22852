package vn.lhpn.kehoach.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses; the one place that knows their shape. */
public final class Problems {
  private Problems() {}

  public static Response response(ProblemType type, String detail, String path) {
    return response(type, detail, path, List.of());
  }

  public static Response response(ProblemType type, Message message, String path) {
    return response(new ApiException(type, message), path);
  }

  public static Response response(ApiException e, String path) {
    ProblemType type = e.type();
    Response.ResponseBuilder builder =
        Response.status(type.status())
            .type(ProblemDetail.MEDIA_TYPE)
            .entity(
                new ProblemDetail(
                    type.uri(),
                    type.title(),
                    type.status(),
                    e.getMessage(),
                    path,
                    e.errors(),
                    e.currentState(),
                    e.allowed(),
                    e.current(),
                    e.message() == null ? null : e.message().code(),
                    e.message() == null ? null : e.message().params()));
    if (e.currentTag() != null) {
      builder.tag(e.currentTag());
    }
    if (type == ProblemType.UNAUTHENTICATED) {
      builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return builder.build();
  }

  public static Response response(
      ProblemType type, String detail, String path, List<ProblemDetail.FieldError> errors) {
    Response.ResponseBuilder builder =
        Response.status(type.status())
            .type(ProblemDetail.MEDIA_TYPE)
            .entity(
                new ProblemDetail(type.uri(), type.title(), type.status(), detail, path, errors));
    if (type == ProblemType.UNAUTHENTICATED) {
      builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return builder.build();
  }
}
