package vn.lhpn.kehoach.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The messages not yet in the catalog ({@link Messages}) are written in both languages at once,
 * "tiếng Việt / English", several such pairs joined by "; ". A caller who asked for one language
 * gets its side only (field names stay on both sides); a message in one language stays as it is.
 */
public final class Bilingual {
  private static final Pattern FIELD = Pattern.compile("^([\\w\\[\\].]+: )(.*)$");

  private Bilingual() {}

  public static String side(String text, Language language) {
    if (text == null) {
      return null;
    }
    boolean english = language == Language.EN;
    return Stream.of(text.split("; ", -1))
        .map(segment -> side(segment, english))
        .collect(Collectors.joining("; "));
  }

  private static String side(String segment, boolean english) {
    String[] pieces = segment.split(" / ", -1);
    if (pieces.length < 2) {
      return segment;
    }
    if (pieces.length == 2) {
      // "rows[0].value: không được âm / must not be negative": the field name stays on both sides
      Matcher field = FIELD.matcher(pieces[0]);
      if (field.matches()) {
        return english ? field.group(1) + pieces[1] : pieces[0];
      }
      return english ? pieces[1] : pieces[0];
    }
    // a message that embeds others: its own sentence in the chosen language
    return english ? pieces[1].split(": ", -1)[0] : pieces[0];
  }
}
