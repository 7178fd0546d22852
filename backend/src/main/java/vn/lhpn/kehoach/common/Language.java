package vn.lhpn.kehoach.common;

import java.util.Locale;
import java.util.Optional;

/** The languages the API speaks: Vietnamese first, English second. */
public enum Language {
  VI,
  EN;

  /**
   * The language an {@code Accept-Language} header ranks first among the two (by q, then by order;
   * {@code vi-VN} counts as vi, {@code en-GB} as en), or empty when it names neither (no header,
   * {@code *}, {@code fr}).
   */
  public static Optional<Language> fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    Language best = null;
    double bestQ = 0;
    for (String range : header.split(",")) {
      String[] parts = range.trim().split(";");
      String tag = parts[0].trim().toLowerCase(Locale.ROOT);
      Language language =
          tag.equals("vi") || tag.startsWith("vi-")
              ? VI
              : tag.equals("en") || tag.startsWith("en-") ? EN : null;
      if (language == null) {
        continue;
      }
      double q = 1;
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i].trim();
        if (p.startsWith("q=")) {
          try {
            q = Double.parseDouble(p.substring(2));
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (q > bestQ) {
        best = language;
        bestQ = q;
      }
    }
    return Optional.ofNullable(best);
  }
}
