package vn.lhpn.kehoach.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jboss.logging.Logger;
import vn.lhpn.kehoach.allocation.service.Allocation;
import vn.lhpn.kehoach.allocation.service.UnitTargets;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.plan.PlanRules;
import vn.lhpn.kehoach.plan.YearLevel;
import vn.lhpn.kehoach.plan.service.PlanOutlines;
import vn.lhpn.kehoach.progress.service.RollupRebuild;

/**
 * The national data set of the benchmark (#14, docs/benchmarks.md): the national union above the
 * seeded province, as many more provinces, districts and communes as the country had before the
 * 2025 reform (63, 705, 10,598 by default), made-up names ("Tỉnh Mẫu 07"), and the same history as
 * {@link DemoHistory} for every one of them: targets split equally down the whole tree for every
 * year, and reports for every year and half-year already over. Deterministic for a seed.
 *
 * <p>It loads the way data comes in bulk: rows with COPY through {@link Writer}, progress built
 * from them in one pass by {@link RollupRebuild}; one transaction per year. Only when {@code
 * kehoach.national-data.enabled} is true, on a database of its own (infra/bench/national.sh).
 */
@ApplicationScoped
public class NationalData {
  private static final Logger LOG = Logger.getLogger(NationalData.class);

  @ConfigMapping(prefix = "kehoach.national-data")
  public interface Config {
    @WithDefault("false")
    boolean enabled();

    @WithDefault("63")
    int provinces();

    @WithDefault("705")
    int districts();

    @WithDefault("10598")
    int communes();

    @WithDefault("2026")
    long seed();
  }

  /** What a load wrote and how long it took. */
  public record Summary(
      int units, long targets, long reports, long values, Duration load, Duration progress) {
    /** Targets and reported values per second of the load (progress built apart). */
    public long valuesPerSecond() {
      return (targets + values) * 1000 / Math.max(1, load.toMillis());
    }
  }

  private final Config config;
  private final Clock clock;
  private final NationalUnits nationalUnits;
  private final RollupRebuild rebuild;
  private final EntityManager em;
  private final PlanOutlines outlines;

  NationalData(
      Config config,
      Clock clock,
      NationalUnits nationalUnits,
      RollupRebuild rebuild,
      EntityManager em,
      PlanOutlines outlines) {
    this.config = config;
    this.clock = clock;
    this.nationalUnits = nationalUnits;
    this.rebuild = rebuild;
    this.em = em;
    this.outlines = outlines;
  }

  // After the seed plan (3000) and its periods (3500); never together with the demo history.
  void onStart(@Observes @Priority(4000) StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    int units = QuarkusTransaction.requiringNew().call(nationalUnits::add);
    for (String plan :
        QuarkusTransaction.requiringNew()
            .call(() -> Plan.<Plan>listAll().stream().map(p -> p.code).toList())) {
      boolean empty =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      em.createQuery(
                                  "select count(s) from Submission s where s.period.plan.code = :p",
                                  Long.class)
                              .setParameter("p", plan)
                              .getSingleResult()
                          == 0);
      if (empty) {
        Summary s = history(plan, units);
        LOG.infof(
            "National data for %s: %d units, %d targets, %d reports, %d values loaded in %d ms"
                + " (%d targets and values per second); progress built in %d ms",
            plan,
            s.units(),
            s.targets(),
            s.reports(),
            s.values(),
            s.load().toMillis(),
            s.valuesPerSecond(),
            s.progress().toMillis());
      }
    }
  }

  /** Targets and reports of every year up to today, then progress built from them. */
  Summary history(String planCode, int unitCount) {
    SplittableRandom random = new SplittableRandom(config.seed());
    LocalDate today = LocalDate.now(clock);
    long started = System.nanoTime();
    long[] totals = new long[3]; // targets, reports, values
    int[] years =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  Plan plan = Plan.findByCode(planCode).orElseThrow();
                  return new int[] {plan.firstYear, Math.min(plan.lastYear, today.getYear())};
                });
    for (int y = years[0]; y <= years[1]; y++) {
      int year = y;
      QuarkusTransaction.requiringNew()
          .timeout(3600)
          .run(() -> year(planCode, year, today, random, totals));
      LOG.infof(
          "National data %s %d: %d targets, %d reports, %d values so far",
          planCode, year, totals[0], totals[1], totals[2]);
    }
    Duration load = Duration.ofNanos(System.nanoTime() - started);
    long progressStarted = System.nanoTime();
    QuarkusTransaction.requiringNew()
        .timeout(3600)
        .run(() -> rebuild.rebuild(Plan.findByCode(planCode).orElseThrow()));
    return new Summary(
        unitCount,
        totals[0],
        totals[1],
        totals[2],
        load,
        Duration.ofNanos(System.nanoTime() - progressStarted));
  }

  private void year(
      String planCode, int year, LocalDate today, SplittableRandom random, long[] totals) {
    Plan plan = Plan.findByCode(planCode).orElseThrow();
    List<PlanItem> items = PlanRules.allocatable(plan);
    Writer writer = new Writer(em);
    // the year's tree: the latest version of each code valid during the year
    Map<String, NationalUnits.Unit> units = new LinkedHashMap<>();
    for (NationalUnits.Unit u : nationalUnits.load()) {
      if (u.validDuring(year)) {
        units.put(u.code(), u);
      }
    }
    Map<String, List<NationalUnits.Unit>> children = new HashMap<>();
    units.values().stream()
        .filter(u -> u.parent() != null)
        .forEach(u -> children.computeIfAbsent(u.parent(), k -> new ArrayList<>()).add(u));
    Map<String, Integer> communes = new HashMap<>();
    LocalDate endOfYear = LocalDate.of(year, 12, 31);
    communesBelow(NationalUnits.ROOT, children, endOfYear, communes);
    // targets: the plan's level split equally from the national union down to the communes
    Map<String, Map<Long, BigDecimal>> targets = new HashMap<>();
    for (PlanItem item : items) {
      if (item.measureType == MeasureType.ACTIVITY) {
        continue;
      }
      BigDecimal level = item.level(year).map(l -> l.value).orElse(null);
      if (level != null && level.signum() > 0) {
        totals[0] +=
            split(writer, item, year, NationalUnits.ROOT, level, children, communes, targets);
      }
    }
    Map<Long, PlanOutline.Item> outline = new HashMap<>();
    outlines.of(plan).items().forEach(i -> outline.put(i.id(), i));
    List<ItemYear> itemYears =
        items.stream()
            .map(
                i ->
                    new ItemYear(
                        outline.get(i.id),
                        i.level(year).map(l -> l.kind).orElse(YearLevel.Kind.NONE)
                            != YearLevel.Kind.NONE,
                        PlanRules.reportingLevels(i)))
            .toList();
    for (Period period : DemoHistory.periods(plan, year)) {
      if (!period.endsOn.isBefore(today)) {
        continue;
      }
      for (NationalUnits.Unit unit : units.values()) {
        if (unit.level() == 0 || !unit.validOn(period.endsOn)) {
          continue;
        }
        int written =
            DemoHistory.report(
                writer, period, unit.code(), entries(itemYears, unit, targets), random);
        if (written >= 0) {
          totals[1]++;
          totals[2] += written;
        }
      }
    }
    writer.flush();
  }

  private static int communesBelow(
      String code,
      Map<String, List<NationalUnits.Unit>> children,
      LocalDate day,
      Map<String, Integer> out) {
    int n = 0;
    for (NationalUnits.Unit u : children.getOrDefault(code, List.of())) {
      int below = communesBelow(u.code(), children, day, out);
      n += u.level() == 3 && u.validOn(day) ? 1 : below;
    }
    out.put(code, n);
    return n;
  }

  /** Splits a unit's value over its children with communes below (all when none has). */
  private static int split(
      Writer writer,
      PlanItem item,
      int year,
      String parent,
      BigDecimal value,
      Map<String, List<NationalUnits.Unit>> children,
      Map<String, Integer> communes,
      Map<String, Map<Long, BigDecimal>> targets) {
    List<NationalUnits.Unit> kids = children.getOrDefault(parent, List.of());
    if (kids.isEmpty()) {
      return 0;
    }
    List<String> over =
        kids.stream()
            .filter(u -> u.level() == 3 || communes.getOrDefault(u.code(), 0) > 0)
            .map(NationalUnits.Unit::code)
            .toList();
    if (over.isEmpty()) {
      over = kids.stream().map(NationalUnits.Unit::code).toList();
    }
    Map<String, BigDecimal> shares =
        item.measureType == MeasureType.COUNT
            ? Allocation.equal(value, over, Allocation.Remainder.FIRST)
            : Allocation.each(value, over);
    int n = 0;
    for (var e : shares.entrySet()) {
      writer.target(item.id, year, e.getKey(), parent, e.getValue());
      targets.computeIfAbsent(e.getKey(), k -> new HashMap<>()).put(item.id, e.getValue());
      n++;
      if (e.getValue().signum() != 0) {
        n += split(writer, item, year, e.getKey(), e.getValue(), children, communes, targets);
      }
    }
    return n;
  }

  /** A leaf of the plan in a year: whether it is scheduled, and the levels that report it. */
  private record ItemYear(PlanOutline.Item item, boolean scheduled, Set<Integer> levels) {}

  /** What {@link UnitTargets#of} answers for a unit, from the targets just split. */
  private static List<UnitTargets.Entry> entries(
      List<ItemYear> items, NationalUnits.Unit unit, Map<String, Map<Long, BigDecimal>> targets) {
    List<UnitTargets.Entry> out = new ArrayList<>(items.size());
    Map<Long, BigDecimal> own = targets.getOrDefault(unit.code(), Map.of());
    for (ItemYear i : items) {
      boolean applies =
          i.scheduled() && (i.levels().isEmpty() || i.levels().contains(unit.level()));
      BigDecimal target = own.get(i.item().id());
      out.add(
          new UnitTargets.Entry(
              i.item(), applies, target == null ? "none" : "allocated", target, null, null));
    }
    return out;
  }
}
