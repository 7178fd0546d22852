package vn.lhpn.kehoach.common;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A timestamp as a native query gives it, as an instant in UTC (what the API answers). */
public final class Times {
  private Times() {}

  public static OffsetDateTime utc(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof OffsetDateTime t) {
      return t.withOffsetSameInstant(ZoneOffset.UTC);
    }
    if (value instanceof Instant t) {
      return t.atOffset(ZoneOffset.UTC);
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(ZoneOffset.UTC);
    }
    throw new IllegalStateException("timestamp of type " + value.getClass());
  }
}
