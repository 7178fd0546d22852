package vn.lhpn.kehoach.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
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
    @Schema(
            description =
                "What went wrong with this request, in the language the caller asked for"
                    + " (Accept-Language: vi or en), or in both (\"tiếng Việt / English\") when it"
                    + " named neither")
        String detail,
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
        Object current,
    @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
            description =
                "What went wrong as a stable code a client can act on (with params), when the"
                    + " message is in the catalog",
            example = "submission.exists")
        String code,
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(description = "The values the message names, by the names its code gives them")
        Map<String, Object> params) {

  public ProblemDetail(
      String type,
      String title,
      int status,
      String detail,
      String instance,
      List<FieldError> errors) {
    this(type, title, status, detail, instance, errors, null, null, null, null, null);
  }

  /** The same problem, its texts in one language. */
  public ProblemDetail in(Language language) {
    return new ProblemDetail(
        type,
        ProblemType.ofUri(type).map(t -> t.title(language)).orElse(Bilingual.side(title, language)),
        status,
        Message.known(code)
            ? new Message(code, params).in(language, errors == null ? List.of() : errors)
            : Bilingual.side(detail, language),
        instance,
        errors == null ? null : errors.stream().map(e -> e.in(language)).toList(),
        currentState,
        allowed,
        current,
        code,
        params);
  }

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One failed field: a JSON pointer-like path into the request, and why it failed. */
  @Schema(name = "FieldError")
  public record FieldError(
      @Schema(description = "The field that failed, e.g. `language` or `values[3].value`")
          String field,
      @Schema(description = "Why it failed, in the caller's language as `detail`") String message,
      @JsonInclude(JsonInclude.Include.NON_NULL)
          @Schema(
              description = "Why it failed as a stable code, when in the catalog",
              example = "required")
          String code,
      @JsonInclude(JsonInclude.Include.NON_EMPTY)
          @Schema(description = "The values the message names")
          Map<String, Object> params) {

    public FieldError(String field, String message) {
      this(field, message, null, null);
    }

    public FieldError(String field, Message message) {
      this(field, message.inBoth(), message.code(), message.params());
    }

    /** The same failed field, its reason in one language. */
    public FieldError in(Language language) {
      return new FieldError(
          field,
          Message.known(code)
              ? new Message(code, params).in(language)
              : Bilingual.side(message, language),
          code,
          params);
    }
  }
}
