package vn.lhpn.kehoach.common;

/**
 * The limits every request is held to, in one place (the README lists them): what a query or path
 * value may hold, how long a text field may be, how large a body and an upload may grow.
 */
public final class InputLimits {
  /** The longest value of a query or path parameter (unit codes, period codes, searches). */
  public static final int MAX_PARAMETER_CHARS = 200;

  /** The longest text any JSON field takes (notes and reasons have their own, smaller limits). */
  public static final int MAX_TEXT_CHARS = 10_000;

  /** The largest JSON body (quarkus.http.limits.max-body-size governs uploads: 30 MB). */
  public static final int MAX_JSON_BYTES = 1024 * 1024;

  /** The most any part of an uploaded .xlsx may inflate to. */
  public static final long MAX_INFLATED_BYTES = 25L * 1024 * 1024;

  /** The least compressed ÷ inflated size of a part of an upload (1 : 50 at most). */
  public static final double MIN_INFLATE_RATIO = 0.02;

  private InputLimits() {}

  /**
   * What a text may not contain: NUL and the other control characters (tab, line feed and carriage
   * return only where {@code multiline}), and U+FFFD, the mark of bytes that were not UTF-8.
   * Returns a description of the first offence, or null when the text is clean.
   */
  public static String offence(String text, boolean multiline) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowedSpace = multiline && (c == '\t' || c == '\n' || c == '\r');
      if ((c < 0x20 && !allowedSpace) || c == 0x7f) {
        return String.format(
            "ký tự điều khiển U+%04X không được phép / control character U+%04X not allowed",
            (int) c, (int) c);
      }
      if (c == '\uFFFD') {
        return "không phải UTF-8 hợp lệ / not valid UTF-8";
      }
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
        if (!paired) {
          return "không phải UTF-8 hợp lệ / not valid UTF-8";
        }
        i++;
      }
    }
    return null;
  }
}
