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
      int created = seed(plan, today);
      LOG.infof("Created %d periods for plan %s", created, plan.code);
    }
  }

  /**
   * A plan a user imported (the next term): its year and half-year periods, all closed until its
   * planner opens one, so nobody is reminded of a term that has not started.
   */
  @Transactional
  void onImported(@Observes vn.lhpn.kehoach.plan.PlanImported imported) {
    Plan plan = Plan.findById(imported.planId());
    if (plan != null && Period.count("plan", plan) == 0) {
      int created = seed(plan, null);
      LOG.infof("Created %d closed periods for the imported plan %s", created, plan.code);
    }
  }

  /** The year and halves of every year of the plan; open the current ones when today is given. */
  private static int seed(Plan plan, LocalDate today) {
    int created = 0;
    for (int year = plan.firstYear; year <= plan.lastYear; year++) {
      for (Period p :
          new Period[] {
            PeriodService.build(plan, Period.Kind.year, year, null),
            PeriodService.build(plan, Period.Kind.half, year, 1),
            PeriodService.build(plan, Period.Kind.half, year, 2)
          }) {
        boolean current = today != null && !today.isBefore(p.startsOn) && !today.isAfter(p.endsOn);
        p.state = current ? Period.State.open : Period.State.closed;
        p.persist();
        created++;
      }
    }
    return created;
  }
}
