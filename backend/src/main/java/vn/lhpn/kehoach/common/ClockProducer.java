package vn.lhpn.kehoach.common;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The clock of the union, the one source of "now": its zone ({@code kehoach.time-zone}, by default
 * Asia/Ho_Chi_Minh) decides what day it is (due dates, "today", the open period); instants are kept
 * and sent in UTC. Tests may replace the clock.
 */
public class ClockProducer {
  /** The zone of the union when none is configured. */
  public static final String DEFAULT_ZONE = "Asia/Ho_Chi_Minh";

  @Produces
  @Singleton
  Clock clock(
      @ConfigProperty(name = "kehoach.time-zone", defaultValue = DEFAULT_ZONE) ZoneId zone) {
    return Clock.system(zone);
  }

  /** Now, as an instant in UTC, from the given clock. */
  public static OffsetDateTime now(Clock clock) {
    return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /**
   * Now from the application's clock, for the few places CDI does not inject (entity callbacks);
   * the system clock outside a running application (plain unit tests).
   */
  public static OffsetDateTime now() {
    ArcContainer container = Arc.container();
    Clock clock =
        container != null && container.isRunning()
            ? container.instance(Clock.class).get()
            : Clock.systemUTC();
    return now(clock);
  }
}
