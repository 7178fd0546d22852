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

  /** The largest JSON body (quarkus.http.limits.max-body-size governs uploads: 6 MB). */
  public static final int MAX_JSON_BYTES = 1024 * 1024;

  /** The most any part of an uploaded .xlsx may inflate to. */
  public static final long MAX_INFLATED_BYTES = 25L * 1024 * 1024;

  /** The least compressed ÷ inflated size of a part of an upload (1 : 50 at most). */
  public static final double MIN_INFLATE_RATIO = 0.02;

  /**
   * The most lines a paragraph of a written report may have (#29): each line break is a line the
   * PDF and Word files lay out, so 5,000 of them made every download thousands of pages long.
   */
  public static final int MAX_PARAGRAPH_LINES = 100;

  /** The most lines of the list of recipients (nơi nhận) of a written report. */
  public static final int MAX_RECIPIENT_LINES = 40;

  private InputLimits() {}

  /** How many lines a text has (a final line break makes no extra line). */
  public static int lines(String text) {
    String t = text.replace("\r\n", "\n");
    int lines = 1;
    for (int i = 0; i < t.length() - 1; i++) {
      if (t.charAt(i) == '\n' || t.charAt(i) == '\r') {
        lines++;
      }
    }
    return lines;
  }

  /**
   * Whether XML 1.0 may not hold this code point, or Unicode sets it aside (#29): the other C0
   * controls, U+FFFE and U+FFFF, and every noncharacter (U+FDD0–U+FDEF, the last two of each
   * plane). One of them saved in a report made its PDF fail for everyone who opened it.
   */
  public static boolean notAText(int codePoint) {
    return codePoint >= 0xFDD0 && codePoint <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
  }

  /**
   * The text with what {@link #offence} refuses taken out, for texts stored before it refused them
   * (a render never fails on one); null stays null.
   */
  public static String printable(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .filter(
            c ->
                (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
                    && c != 0x7f
                    && c != 0xFFFD
                    && !notAText(c)
                    && !(c >= 0xD800 && c <= 0xDFFF))
        .forEach(out::appendCodePoint);
    return out.toString();
  }

  /**
   * What a text may not contain: NUL and the other control characters (tab, line feed and carriage
   * return only where {@code multiline}), U+FFFD, the mark of bytes that were not UTF-8, and the
   * code points that are no characters ({@link #notAText}). Returns what the first offence is, or
   * null when the text is clean.
   */
  public static Message offence(String text, boolean multiline) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean allowedSpace = multiline && (c == '\t' || c == '\n' || c == '\r');
      if ((c < 0x20 && !allowedSpace) || c == 0x7f) {
        return Message.of("text.control-character", "char", String.format("U+%04X", (int) c));
      }
      if (c == '\uFFFD') {
        return Message.of("text.not-utf8");
      }
      int point = text.codePointAt(i);
      if (notAText(point)) {
        return Message.of("text.not-a-character", "char", String.format("U+%04X", point));
      }
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1));
        if (!paired) {
          return Message.of("text.not-utf8");
        }
        i++;
      }
    }
    return null;
  }
}
