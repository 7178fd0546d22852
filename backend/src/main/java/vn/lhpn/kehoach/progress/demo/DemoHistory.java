package vn.lhpn.kehoach.progress.demo;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jboss.logging.Logger;
import vn.lhpn.kehoach.allocation.service.Allocation;
import vn.lhpn.kehoach.allocation.service.AllocationContexts;
import vn.lhpn.kehoach.allocation.service.UnitTargets;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.period.service.PeriodService;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanRules;
import vn.lhpn.kehoach.progress.service.RollupRebuild;

/**
 * A deterministic demo history, so that the dashboards tell a story on the first start of a local
 * run: targets allocated for every year down to the communes, and reports for every year and
 * half-year already over, most approved, some returned, waiting or missing, some late, with values
 * around the targets. The same seed gives the same history. Loaded only when {@code
 * kehoach.demo-history.enabled} is true (the local run; never a production start).
 */
@ApplicationScoped
public class DemoHistory {
  private static final Logger LOG = Logger.getLogger(DemoHistory.class);
  static final String WHO = "du-lieu-mau";

  @ConfigMapping(prefix = "kehoach.demo-history")
  public interface Config {
    @WithDefault("false")
    boolean enabled();

    @WithDefault("2026")
    long seed();
  }

  private final Config config;
  private final Clock clock;
  private final UnitTargets unitTargets;
  private final RollupRebuild rebuild;
  private final EntityManager em;

  DemoHistory(
      Config config,
      Clock clock,
      UnitTargets unitTargets,
      RollupRebuild rebuild,
      EntityManager em) {
    this.config = config;
    this.clock = clock;
    this.unitTargets = unitTargets;
    this.rebuild = rebuild;
    this.em = em;
  }

  /** What a generation wrote. */
  public record Summary(int targets, int reports, int values) {}

  // After the seed plan (3000) and its periods (3500).
  void onStart(@Observes @Priority(4000) StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    for (Plan plan : Plan.<Plan>listAll()) {
      if (em.createQuery("select count(s) from Submission s where s.period.plan = :p", Long.class)
              .setParameter("p", plan)
              .getSingleResult()
          == 0) {
        Summary s = generate(plan.code, config.seed());
        LOG.infof(
            "Demo history for %s: %d targets, %d reports, %d values",
            plan.code, s.targets(), s.reports(), s.values());
      }
    }
  }

  /** Writes the history of a plan up to today; the plan must have no reports yet. */
  @Transactional
  public Summary generate(String planCode, long seed) {
    Plan plan = Plan.findByCode(planCode).orElseThrow();
    SplittableRandom random = new SplittableRandom(seed);
    LocalDate today = LocalDate.now(clock);
    OrgUnit root = OrgUnit.<OrgUnit>find("parentCode is null order by validFrom").firstResult();
    List<PlanItem> items = PlanRules.allocatable(plan);
    Writer writer = new Writer(em);
    Map<String, List<UnitTargets.Entry>> entries = new java.util.HashMap<>();
    int targets = 0;
    int reports = 0;
    int values = 0;
    for (int year = plan.firstYear; year <= Math.min(plan.lastYear, today.getYear()); year++) {
      List<OrgUnit> districts = AllocationContexts.children(root, year);
      Map<String, List<OrgUnit>> communes = new LinkedHashMap<>();
      for (OrgUnit d : districts) {
        communes.put(d.code, AllocationContexts.children(d, year));
      }
      for (PlanItem item : items) {
        targets += allocate(writer, item, year, root, districts, communes);
      }
      for (Period period : periods(plan, year)) {
        if (!period.endsOn.isBefore(today)) {
          continue;
        }
        List<OrgUnit> reporting = new ArrayList<>(districts);
        communes.values().forEach(reporting::addAll);
        for (OrgUnit unit : reporting) {
          if (!unit.validOn(period.endsOn)) {
            continue;
          }
          List<UnitTargets.Entry> applicable =
              entries.computeIfAbsent(
                  unit.code + "@" + year, k -> unitTargets.of(plan, period.year, unit));
          int written = report(writer, period, unit.code, applicable, random);
          if (written >= 0) {
            reports++;
            values += written;
          }
        }
      }
    }
    writer.flush();
    rebuild.rebuild(plan);
    return new Summary(targets, reports, values);
  }

  /** The plan's year and half-year periods of a year, made if the plan has none yet. */
  static List<Period> periods(Plan plan, int year) {
    List<Period> out = new ArrayList<>();
    for (Period p :
        new Period[] {
          PeriodService.build(plan, Period.Kind.half, year, 1),
          PeriodService.build(plan, Period.Kind.half, year, 2),
          PeriodService.build(plan, Period.Kind.year, year, null)
        }) {
      out.add(
          Period.find(plan, p.code)
              .orElseGet(
                  () -> {
                    p.persist();
                    return p;
                  }));
    }
    return out;
  }

  /** The plan's level split equally: province to districts with cơ sở, each to its communes. */
  private static int allocate(
      Writer writer,
      PlanItem item,
      int year,
      OrgUnit root,
      List<OrgUnit> districts,
      Map<String, List<OrgUnit>> communes) {
    if (item.measureType == MeasureType.ACTIVITY) {
      return 0;
    }
    BigDecimal level = item.level(year).map(l -> l.value).orElse(null);
    if (level == null || level.signum() <= 0) {
      return 0;
    }
    int n = 0;
    List<OrgUnit> over = AllocationContexts.withCommunes(districts, year);
    Map<String, BigDecimal> split =
        item.measureType == MeasureType.COUNT
            ? Allocation.equal(
                level, over.stream().map(u -> u.code).toList(), Allocation.Remainder.FIRST)
            : Allocation.each(level, over.stream().map(u -> u.code).toList());
    for (var d : split.entrySet()) {
      writer.target(item.id, year, d.getKey(), root.code, d.getValue());
      n++;
      List<OrgUnit> below = communes.getOrDefault(d.getKey(), List.of());
      if (below.isEmpty() || d.getValue().signum() == 0) {
        continue;
      }
      Map<String, BigDecimal> down =
          item.measureType == MeasureType.COUNT
              ? Allocation.equal(
                  d.getValue(),
                  below.stream().map(u -> u.code).toList(),
                  Allocation.Remainder.FIRST)
              : Allocation.each(d.getValue(), below.stream().map(u -> u.code).toList());
      for (var c : down.entrySet()) {
        writer.target(item.id, year, c.getKey(), d.getKey(), c.getValue());
        n++;
      }
    }
    return n;
  }

  /**
   * One unit's report for a period: 80 % approved, 6 % returned, 7 % waiting, 7 % missing (-1); one
   * in seven submitted after the due date. Returns the values written.
   */
  static int report(
      Writer writer,
      Period period,
      String unit,
      List<UnitTargets.Entry> entries,
      SplittableRandom random) {
    double outcome = random.nextDouble();
    if (outcome < 0.07) {
      return -1;
    }
    String state = outcome < 0.87 ? "approved" : outcome < 0.93 ? "draft" : "submitted";
    boolean returned = state.equals("draft");
    boolean late = random.nextInt(7) == 0;
    OffsetDateTime submitted =
        period
            .dueOn
            .plusDays(late ? 1 + random.nextInt(20) : -random.nextInt(14))
            .atTime(9 + random.nextInt(8), random.nextInt(60))
            .atOffset(ZoneOffset.ofHours(7));
    long id = writer.submission(period.id, unit, state, returned, submitted);
    int n = 0;
    double share = period.kind == Period.Kind.year ? 1.0 : 0.5;
    for (UnitTargets.Entry e : entries) {
      if (!e.applies() || random.nextInt(20) == 0) {
        continue; // not applicable, or left empty now and then
      }
      switch (e.item().measureType) {
        case COUNT -> {
          // a unit without a share of the target does little of it: sums stay near the plan's level
          double base = e.target() == null ? random.nextInt(3) : e.target().doubleValue();
          long v = Math.round(base * share * (0.7 + random.nextDouble() * 0.6));
          writer.value(id, e.item().id, BigDecimal.valueOf(v), null);
        }
        case PERCENTAGE -> {
          double base = e.target() == null ? random.nextInt(3) : e.target().doubleValue();
          double v = Math.min(100, base * (0.85 + random.nextDouble() * 0.3));
          writer.value(
              id, e.item().id, BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP), null);
        }
        case ACTIVITY -> {
          int r = random.nextInt(20);
          String status =
              r < 14 ? "done" : r < 17 ? "in_progress" : r < 19 ? "not_done" : "not_applicable";
          writer.value(id, e.item().id, null, status);
        }
      }
      n++;
    }
    return n;
  }
}
