package vn.lhpn.kehoach.common;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** The clock of the union: Vietnam's time zone, replaceable in tests. */
public class ClockProducer {
  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Produces
  @Singleton
  Clock clock() {
    return Clock.system(VIETNAM);
  }
}
