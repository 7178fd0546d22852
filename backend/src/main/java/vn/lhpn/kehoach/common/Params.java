package vn.lhpn.kehoach.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Parses query parameters so that a bad value is a 400 naming the parameter (JAX-RS would answer a
 * failed conversion with a bare 404).
 */
public final class Params {
  private Params() {}

  public static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(name, Message.of("param.date"));
    }
  }

  /** A time with its offset, as lists that clients sync take in {@code updatedSince}. */
  public static java.time.OffsetDateTime time(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(name, Message.of("param.time"));
    }
  }

  public static Integer integer(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalid(name, Message.of("param.whole"));
    }
  }

  /** The first and last year any parameter or body may name: a plan's years lie well inside. */
  public static final int MIN_YEAR = 1900;

  public static final int MAX_YEAR = 2100;

  /** A year, or null when absent; outside {@value #MIN_YEAR}–{@value #MAX_YEAR} is a 400. */
  public static Integer year(String name, String value) {
    Integer year = integer(name, value);
    if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
      throw ApiException.invalid(name, Message.of("param.year", "min", MIN_YEAR, "max", MAX_YEAR));
    }
    return year;
  }

  /** A year that must be given. */
  public static int requiredYear(String name, String value) {
    Integer year = year(name, value);
    if (year == null) {
      throw ApiException.invalid(name, Message.of("required"));
    }
    return year;
  }

  /**
   * A Content-Disposition header for a download: the file name keeps letters, digits and dashes
   * only, so nothing a client sent can reach the header as anything else.
   */
  public static String attachment(String name, String extension) {
    String safe = name.replaceAll("[^A-Za-z0-9_-]", "");
    return "attachment; filename=\"" + (safe.isEmpty() ? "tep" : safe) + "." + extension + "\"";
  }

  /** "true" or "false", nothing else (for {@link #parse}). */
  public static Boolean bool(String value) {
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(value);
    };
  }

  public static <T> T parse(
      String name, String value, Function<String, T> parser, String expected) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return parser.apply(value.trim());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(name, Message.of("value.one-of", "options", expected));
    }
  }
}
