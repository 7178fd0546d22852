package vn.lhpn.kehoach.common;

import jakarta.ws.rs.core.EntityTag;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * Optimistic concurrency over HTTP: the ETag of an editable resource is its version, and a write
 * must send it back in {@code If-Match}. A missing header is 428, a stale one 412: never a silent
 * overwrite.
 */
public final class Etags {
  private Etags() {}

  public static EntityTag of(long version) {
    return new EntityTag(Long.toString(version));
  }

  /** The version the client expects, from {@code If-Match: "N"}; throws 428/412 problems. */
  public static long requireVersion(String ifMatch) {
    try {
      return Long.parseLong(requireTag(ifMatch));
    } catch (NumberFormatException e) {
      throw stale();
    }
  }

  /** An ETag made from a digest of what it covers (for resources that are collections of rows). */
  public static EntityTag ofDigest(String digest) {
    return new EntityTag(digest);
  }

  /** The opaque tag the client sent in {@code If-Match}, without quotes; 428 when missing. */
  public static String requireTag(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new ApiException(ProblemType.PRECONDITION_REQUIRED, Message.of("if-match.required"));
    }
    String value = ifMatch.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  public static void check(long expected, long actual) {
    if (expected != actual) {
      throw stale();
    }
  }

  public static ApiException stale() {
    return new ApiException(ProblemType.PRECONDITION_FAILED, Message.of("stale"));
  }

  /**
   * A short digest of the parts a collection's ETag covers (for example "unit:version" of each
   * row), in the order given: the same parts give the same tag, any change another.
   */
  public static String digest(String prefix, Collection<String> parts) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(String.join(",", parts).getBytes(StandardCharsets.UTF_8));
      return prefix + HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
