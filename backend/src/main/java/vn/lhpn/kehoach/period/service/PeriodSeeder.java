package vn.lhpn.kehoach.period.service;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.logging.Logger;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.plan.Plan;

/**
 * Gives a plan without periods its years and half-years (sơ kết 6 tháng), the current ones open, so
 * units can report at once.
 */
@ApplicationScoped
public class PeriodSeeder {
  private static final Logger LOG = Logger.getLogger(PeriodSeeder.class);

  /** Whether to create the default periods of plans that have none. */
  @ConfigMapping(prefix = "kehoach.seed.periods")
  public interface Config {
    @WithDefault("true")
    boolean enabled();
  }

  private final Config config;
  private final Clock clock;

  PeriodSeeder(Config config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  // After the seed plan (priority 3000).
  @Transactional
  void onStart(@Observes @Priority(3500) StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    for (Plan plan : Plan.<Plan>listAll()) {
      if (Period.count("plan", plan) > 0) {
        continue;
      }
      int created = 0;
      for (int year = plan.firstYear; year <= plan.lastYear; year++) {
        for (Period p :
            new Period[] {
              PeriodService.build(plan, Period.Kind.year, year, null),
              PeriodService.build(plan, Period.Kind.half, year, 1),
              PeriodService.build(plan, Period.Kind.half, year, 2)
            }) {
          boolean current = !today.isBefore(p.startsOn) && !today.isAfter(p.endsOn);
          p.state = current ? Period.State.open : Period.State.closed;
          p.persist();
          created++;
        }
      }
      LOG.infof("Created %d periods for plan %s", created, plan.code);
    }
  }
}
