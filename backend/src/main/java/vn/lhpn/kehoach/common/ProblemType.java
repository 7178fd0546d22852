package vn.lhpn.kehoach.common;

/**
 * The stable kinds of problem the API reports. The {@code type} URI of a problem is {@code
 * urn:kehoach:problem:<slug>}; clients may switch on it, so a slug never changes meaning.
 */
public enum ProblemType {
  BAD_REQUEST("bad-request", 400, "Yêu cầu không hợp lệ", "Bad request"),
  MALFORMED_BODY(
      "malformed-body", 400, "Nội dung yêu cầu không đọc được", "Malformed request body"),
  VALIDATION("validation", 400, "Dữ liệu không hợp lệ", "Validation failed"),
  UNAUTHENTICATED("unauthenticated", 401, "Chưa đăng nhập", "Not authenticated"),
  FORBIDDEN("forbidden", 403, "Không có quyền", "Forbidden"),
  NOT_FOUND("not-found", 404, "Không tìm thấy", "Not found"),
  METHOD_NOT_ALLOWED(
      "method-not-allowed", 405, "Phương thức không được hỗ trợ", "Method not allowed"),
  NOT_ACCEPTABLE("not-acceptable", 406, "Định dạng trả về không được hỗ trợ", "Not acceptable"),
  CONFLICT("conflict", 409, "Xung đột trạng thái", "Conflict"),
  PRECONDITION_FAILED(
      "precondition-failed", 412, "Dữ liệu đã bị người khác thay đổi", "Precondition failed"),
  UNSUPPORTED_MEDIA_TYPE(
      "unsupported-media-type",
      415,
      "Định dạng nội dung không được hỗ trợ",
      "Unsupported media type"),
  PAYLOAD_TOO_LARGE("payload-too-large", 413, "Tệp quá lớn", "Payload too large"),
  INVALID_FILE("invalid-file", 422, "Tệp không đúng định dạng", "The file cannot be used"),
  UNPROCESSABLE("unprocessable", 422, "Không xử lý được", "Unprocessable request"),
  PRECONDITION_REQUIRED("precondition-required", 428, "Thiếu If-Match", "Precondition required"),
  TOO_MANY_REQUESTS(
      "too-many-requests", 429, "Quá nhiều yêu cầu; hãy thử lại sau", "Too many requests"),
  INTERNAL("internal", 500, "Lỗi hệ thống", "Internal error"),
  SERVICE_UNAVAILABLE(
      "service-unavailable", 503, "Dịch vụ tạm thời gián đoạn", "Service unavailable");

  private final String slug;
  private final int status;
  private final String vi;
  private final String en;

  ProblemType(String slug, int status, String vi, String en) {
    this.slug = slug;
    this.status = status;
    this.vi = vi;
    this.en = en;
  }

  public String uri() {
    return "urn:kehoach:problem:" + slug;
  }

  public int status() {
    return status;
  }

  /** The title in both languages, "tiếng Việt / English". */
  public String title() {
    return vi + " / " + en;
  }

  public String title(Language language) {
    return language == Language.EN ? en : vi;
  }

  /** The kind of problem a type URI names, if it is one of these. */
  public static java.util.Optional<ProblemType> ofUri(String uri) {
    for (ProblemType t : values()) {
      if (t.uri().equals(uri)) {
        return java.util.Optional.of(t);
      }
    }
    return java.util.Optional.empty();
  }
}
