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
      throw ApiException.invalid(name, "ngày dạng YYYY-MM-DD / a date as YYYY-MM-DD");
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
      throw ApiException.invalid(
          name, "ISO 8601 có múi giờ, ví dụ 2026-01-01T00:00:00+07:00 / ISO 8601 with offset");
    }
  }

  public static Integer integer(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalid(name, "phải là số nguyên / must be a whole number");
    }
  }

  /** The first and last year any parameter or body may name: a plan's years lie well inside. */
  public static final int MIN_YEAR = 1900;

  public static final int MAX_YEAR = 2100;

  /** A year, or null when absent; outside {@value #MIN_YEAR}–{@value #MAX_YEAR} is a 400. */
  public static Integer year(String name, String value) {
    Integer year = integer(name, value);
    if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
      throw ApiException.invalid(
          name,
          "năm từ " + MIN_YEAR + " đến " + MAX_YEAR + " / a year " + MIN_YEAR + "–" + MAX_YEAR);
    }
    return year;
  }

  /** A year that must be given. */
  public static int requiredYear(String name, String value) {
    Integer year = year(name, value);
    if (year == null) {
      throw ApiException.invalid(name, "bắt buộc / required");
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
      throw ApiException.invalid(name, "phải là một trong / must be one of: " + expected);
    }
  }
}
