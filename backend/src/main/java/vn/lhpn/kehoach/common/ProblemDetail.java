package vn.lhpn.kehoach.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details, the body of every error response. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details (application/problem+json)")
public record ProblemDetail(
    @Schema(
            description = "Stable URI naming the kind of problem",
            example = "urn:kehoach:problem:validation")
        String type,
    @Schema(description = "Short summary of the kind of problem") String title,
    @Schema(description = "HTTP status code") int status,
    @Schema(description = "What went wrong with this request") String detail,
    @Schema(description = "The request path") String instance,
    @Schema(description = "For validation problems: each field that failed")
        List<FieldError> errors,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "For a conflict with a stateful resource: the state it is in now")
        String currentState,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "For a conflict: the actions allowed from the current state")
        List<String> allowed,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "For a stale write (412): the resource as it is now; its ETag is in the ETag"
                    + " header")
        Object current) {

  public ProblemDetail(
      String type,
      String title,
      int status,
      String detail,
      String instance,
      List<FieldError> errors) {
    this(type, title, status, detail, instance, errors, null, null, null);
  }

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One failed field: a JSON pointer-like path into the request, and why it failed. */
  @Schema(name = "FieldError")
  public record FieldError(
      @Schema(description = "The field that failed, e.g. `language` or `values[3].value`")
          String field,
      @Schema(description = "Why it failed") String message) {}
}
