package vn.lhpn.kehoach.demo;

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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jboss.logging.Logger;
import vn.lhpn.kehoach.allocation.service.Allocation;
import vn.lhpn.kehoach.allocation.service.UnitTargets;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitType;
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

  /**
   * Writes the history of a plan up to today; the plan must have no reports yet. Each period is
   * reported on the map of its last day, so a history that crosses a change of the map (the real
   * one: 01/12/2024, 01/07/2025) has the units of that day report, under the parent of that day;
   * each year is allocated along the map of its last day, and along the map of its middle for the
   * units that closed during it.
   */
  @Transactional
  public Summary generate(String planCode, long seed) {
    Plan plan = Plan.findByCode(planCode).orElseThrow();
    SplittableRandom random = new SplittableRandom(seed);
    LocalDate today = LocalDate.now(clock);
    OrgUnit root = OrgUnit.<OrgUnit>find("parentCode is null order by validFrom").firstResult();
    List<PlanItem> items = PlanRules.allocatable(plan);
    Writer writer = new Writer(em);
    Map<String, List<UnitTargets.Entry>> entries = new HashMap<>();
    // a day's tree serves its year's allocation and every period that ends on it
    Map<LocalDate, Map<String, List<OrgUnit>>> trees = new HashMap<>();
    int targets = 0;
    int reports = 0;
    int values = 0;
    for (int year = plan.firstYear; year <= Math.min(plan.lastYear, today.getYear()); year++) {
      Set<String> allocated = new HashSet<>();
      for (LocalDate day : List.of(LocalDate.of(year, 12, 31), LocalDate.of(year, 6, 30))) {
        Map<String, List<OrgUnit>> tree = trees.computeIfAbsent(day, d -> treeOn(root, d));
        for (PlanItem item : items) {
          targets += allocate(writer, item, year, root, tree, allocated);
        }
      }
      for (Period period : periods(plan, year)) {
        if (!period.endsOn.isBefore(today)) {
          continue;
        }
        for (List<OrgUnit> children :
            trees.computeIfAbsent(period.endsOn, d -> treeOn(root, d)).values()) {
          for (OrgUnit unit : children) {
            List<UnitTargets.Entry> applicable =
                entries.computeIfAbsent(
                    unit.id + "@" + year, k -> unitTargets.of(plan, period.year, unit));
            int written = report(writer, period, unit.code, applicable, random);
            if (written >= 0) {
              reports++;
              values += written;
            }
          }
        }
      }
    }
    writer.flush();
    rebuild.rebuild(plan);
    return new Summary(targets, reports, values);
  }

  /** The units below the root on a day, by their parent's code, parents before children. */
  private static Map<String, List<OrgUnit>> treeOn(OrgUnit root, LocalDate day) {
    Map<String, List<OrgUnit>> tree = new LinkedHashMap<>();
    Deque<String> parents = new ArrayDeque<>(List.of(root.code));
    while (!parents.isEmpty()) {
      String parent = parents.poll();
      List<OrgUnit> children = OrgUnit.childrenDuring(parent, day, day);
      if (!children.isEmpty()) {
        tree.put(parent, children);
        children.forEach(c -> parents.add(c.code));
      }
    }
    return tree;
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

  /**
   * The plan's level split equally down the tree of a day, from the province to the units below it,
   * leaving out the affiliated units (no cơ sở Hội) where others share it. A unit that already has
   * its target of the year (from the map of the year's end) keeps it.
   */
  private static int allocate(
      Writer writer,
      PlanItem item,
      int year,
      OrgUnit root,
      Map<String, List<OrgUnit>> tree,
      Set<String> allocated) {
    if (item.measureType == MeasureType.ACTIVITY) {
      return 0;
    }
    BigDecimal level = item.level(year).map(l -> l.value).orElse(null);
    if (level == null || level.signum() <= 0) {
      return 0;
    }
    return allocateBelow(writer, item, year, root.code, level, tree, allocated);
  }

  private static int allocateBelow(
      Writer writer,
      PlanItem item,
      int year,
      String parent,
      BigDecimal value,
      Map<String, List<OrgUnit>> tree,
      Set<String> allocated) {
    List<OrgUnit> children = tree.getOrDefault(parent, List.of());
    List<OrgUnit> over =
        children.stream().anyMatch(u -> u.type != OrgUnitType.AFFILIATED)
            ? children.stream().filter(u -> u.type != OrgUnitType.AFFILIATED).toList()
            : children;
    if (over.isEmpty() || value.signum() == 0) {
      return 0;
    }
    List<String> codes = over.stream().map(u -> u.code).toList();
    Map<String, BigDecimal> split =
        item.measureType == MeasureType.COUNT
            ? Allocation.equal(value, codes, Allocation.Remainder.FIRST)
            : Allocation.each(value, codes);
    int n = 0;
    for (var share : split.entrySet()) {
      if (allocated.add(item.id + "/" + share.getKey())) {
        writer.target(item.id, year, share.getKey(), parent, share.getValue());
        n++;
      }
      n += allocateBelow(writer, item, year, share.getKey(), share.getValue(), tree, allocated);
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
      switch (e.item().measureType()) {
        case COUNT -> {
          // a unit without a share of the target does little of it: sums stay near the plan's level
          double base = e.target() == null ? random.nextInt(3) : e.target().doubleValue();
          long v = Math.round(base * share * (0.7 + random.nextDouble() * 0.6));
          writer.value(id, e.item().id(), BigDecimal.valueOf(v), null);
        }
        case PERCENTAGE -> {
          double base = e.target() == null ? random.nextInt(3) : e.target().doubleValue();
          double v = Math.min(100, base * (0.85 + random.nextDouble() * 0.3));
          writer.value(
              id, e.item().id(), BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP), null);
        }
        case ACTIVITY -> {
          int r = random.nextInt(20);
          String status =
              r < 14 ? "done" : r < 17 ? "in_progress" : r < 19 ? "not_done" : "not_applicable";
          writer.value(id, e.item().id(), null, status);
        }
      }
      n++;
    }
    return n;
  }
}
