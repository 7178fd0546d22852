package vn.lhpn.kehoach.emulation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.emulation.dto.EmulationDtos;
import vn.lhpn.kehoach.orgunit.service.OrgUnitTree;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.plan.service.PlanOutlines;
import vn.lhpn.kehoach.plan.service.PlanPolicy;
import vn.lhpn.kehoach.security.Access;
import vn.lhpn.kehoach.security.Roles;

/**
 * The scores of thi đua, computed when read from the approved figures (docs/adr/0015): for each
 * unit of each cluster the caller may read, every line of the scoring table against the unit's own
 * approved figure of the year and its target, a report sent on time for each period whose due date
 * has come, the manual part; a year, or the term as the sum of its years; the rank in the cluster.
 * Who reads: a unit its own cluster, the levels above every cluster with a unit in their subtree.
 */
@ApplicationScoped
public class EmulationScores {
  private final EntityManager em;
  private final EmulationSettings settings;
  private final PlanPolicy plans;
  private final PlanOutlines outlines;
  private final OrgUnitTree tree;
  private final Access access;
  private final Clock clock;

  EmulationScores(
      EntityManager em,
      EmulationSettings settings,
      PlanPolicy plans,
      PlanOutlines outlines,
      OrgUnitTree tree,
      Access access,
      Clock clock) {
    this.em = em;
    this.settings = settings;
    this.plans = plans;
    this.outlines = outlines;
    this.tree = tree;
    this.access = access;
    this.clock = clock;
  }

  @Transactional
  public EmulationDtos.Scores scores(String planId, Integer year) {
    Plan plan = plans.readable(planId);
    return scores(plan, years(plan, year), year);
  }

  /** The years of a request: the one asked (a year of the plan), or the term up to this year. */
  private List<Integer> years(Plan plan, Integer year) {
    if (year != null) {
      if (year < plan.firstYear || year > plan.lastYear) {
        throw ApiException.invalid(
            "year", "một năm của kế hoạch, " + plan.firstYear + "–" + plan.lastYear);
      }
      return List.of(year);
    }
    int last = Math.min(plan.lastYear, LocalDate.now(clock).getYear());
    List<Integer> out = new ArrayList<>();
    for (int y = plan.firstYear; y <= last; y++) {
      out.add(y);
    }
    return out;
  }

  EmulationDtos.Scores scores(Plan plan, List<Integer> years, Integer year) {
    EmulationDtos.Scoring scoring = settings.scoring(plan);
    ScoringRules.Table table = EmulationSettings.table(scoring);
    List<EmulationDtos.Cluster> clusters = visible(settings.clusters(plan));
    Set<String> units = new HashSet<>();
    clusters.forEach(c -> units.addAll(c.units()));
    ScoreSources sources = new ScoreSources(em, outlines, tree, plan, years, units);
    Map<String, String> names = tree.latestNames(units);
    List<EmulationDtos.ClusterScores> out = new ArrayList<>();
    for (EmulationDtos.Cluster c : clusters) {
      List<EmulationDtos.UnitScore> scored = new ArrayList<>();
      for (String unit : c.units()) {
        scored.add(score(unit, names.getOrDefault(unit, unit), years, table, sources));
      }
      Map<String, ScoringRules.Ranked> ranks = new HashMap<>();
      ScoringRules.rank(
              scored.stream()
                  .map(s -> new ScoringRules.Entry(s.unitCode(), s.unitName(), s.total()))
                  .toList())
          .forEach(r -> ranks.put(r.unit(), r));
      List<EmulationDtos.UnitScore> ranked =
          scored.stream()
              .map(
                  s ->
                      new EmulationDtos.UnitScore(
                          s.unitCode(),
                          s.unitName(),
                          ranks.get(s.unitCode()).rank(),
                          ranks.get(s.unitCode()).tiedWith(),
                          s.linesTotal(),
                          s.onTimeTotal(),
                          s.manualTotal(),
                          s.total(),
                          s.lines(),
                          s.periods(),
                          s.manual()))
              .sorted(
                  java.util.Comparator.comparingInt(EmulationDtos.UnitScore::rank)
                      .thenComparing(EmulationDtos.UnitScore::unitCode))
              .toList();
      out.add(
          new EmulationDtos.ClusterScores(
              c.code(), c.name(), c.leaderUnit(), mayEnterManual(plan, c), ranked));
    }
    return new EmulationDtos.Scores(plan.code, year, years, settings.versions(plan)[0], out);
  }

  /** A unit's clusters it is in, and every cluster with a unit in the caller's subtree. */
  private List<EmulationDtos.Cluster> visible(List<EmulationDtos.Cluster> all) {
    String own = access.unitCode();
    return all.stream()
        .filter(c -> c.units().contains(own) || c.units().stream().anyMatch(access::inScope))
        .toList();
  }

  /** The province's planner, or a reviewer or planner of the cluster's leading unit. */
  boolean mayEnterManual(Plan plan, EmulationDtos.Cluster c) {
    if (plans.allowed(plan).contains(PlanPolicy.EDIT) && access.isProvincePlanner()) {
      return true;
    }
    return c.leaderUnit() != null
        && c.leaderUnit().equals(access.unitCode())
        && (access.hasRole(Roles.REVIEWER) || access.hasRole(Roles.PLANNER));
  }

  private EmulationDtos.UnitScore score(
      String unit, String name, List<Integer> years, ScoringRules.Table table, ScoreSources s) {
    Map<String, EmulationDtos.LineScore> lines = new LinkedHashMap<>();
    List<EmulationDtos.PeriodScore> periods = new ArrayList<>();
    List<EmulationDtos.Manual> manual = new ArrayList<>();
    BigDecimal linesTotal = BigDecimal.ZERO.setScale(2);
    BigDecimal onTimeTotal = BigDecimal.ZERO.setScale(2);
    BigDecimal manualTotal = BigDecimal.ZERO.setScale(2);
    for (int year : years) {
      int tier = s.tier(unit, LocalDate.of(year, 12, 31));
      for (ScoringRules.Line line : table.lines()) {
        PlanOutline.Item item = s.items.get(line.item());
        if (item == null) {
          continue;
        }
        ScoringRules.LineScore ls =
            ScoringRules.line(line, s.figure(unit, item, year, tier), table);
        linesTotal = linesTotal.add(ls.score());
        lines.merge(
            line.item(),
            new EmulationDtos.LineScore(
                item.key(),
                item.code(),
                item.title(),
                ls.max(),
                ls.ratio(),
                ls.base(),
                ls.bonus(),
                ls.score(),
                ls.note()),
            (a, b) ->
                new EmulationDtos.LineScore(
                    a.item(),
                    a.code(),
                    a.title(),
                    a.max().add(b.max()),
                    null,
                    a.base().add(b.base()),
                    a.bonus().add(b.bonus()),
                    a.score().add(b.score()),
                    years.size() + " năm"));
      }
      for (ScoreSources.Due p : s.periods.getOrDefault(year, List.of())) {
        if (s.tier(unit, p.endsOn()) < 0) {
          continue; // the unit was not on the map then
        }
        OffsetDateTime sent = s.firstSent.get(p.code() + "|" + unit);
        boolean dueCome = !p.dueOn().isAfter(LocalDate.now(clock));
        if (sent == null && !dueCome) {
          continue; // not due yet: neither earned nor lost
        }
        boolean onTime =
            sent != null
                && !sent.atZoneSameInstant(clock.getZone()).toLocalDate().isAfter(p.dueOn());
        BigDecimal points = ScoringRules.onTime(onTime, table);
        onTimeTotal = onTimeTotal.add(points);
        periods.add(new EmulationDtos.PeriodScore(p.code(), p.dueOn(), sent, onTime, points));
      }
      EmulationDtos.Manual m = s.manual.get(year + "|" + unit);
      if (m != null) {
        manual.add(m);
        manualTotal = manualTotal.add(m.points());
      }
    }
    return new EmulationDtos.UnitScore(
        unit,
        name,
        0,
        List.of(),
        linesTotal,
        onTimeTotal,
        manualTotal,
        linesTotal.add(onTimeTotal).add(manualTotal),
        new ArrayList<>(lines.values()),
        periods,
        manual);
  }

  /** Enters the manual part of a unit's score for a year (the cluster's leader or the province). */
  @Transactional
  public EmulationDtos.Scores enter(String planId, EmulationDtos.ManualInput in) {
    Plan plan = plans.readable(planId);
    List<Integer> years = years(plan, in.year());
    String unit = in.unitCode().strip();
    EmulationDtos.Cluster cluster =
        visible(settings.clusters(plan)).stream()
            .filter(c -> c.units().contains(unit))
            .findFirst()
            .orElseThrow(
                () ->
                    new ApiException(
                        vn.lhpn.kehoach.common.ProblemType.NOT_FOUND,
                        Message.of("emulation.no-cluster", "unit", unit),
                        List.of(
                            new vn.lhpn.kehoach.common.ProblemDetail.FieldError(
                                "unitCode", Message.of("not-found")))));
    if (!mayEnterManual(plan, cluster)) {
      throw Access.forbidden(Message.of("forbidden.emulation.score-part"));
    }
    BigDecimal max = settings.scoring(plan).manualMax();
    if (in.points().signum() < 0
        || in.points().compareTo(max) > 0
        || in.points().stripTrailingZeros().scale() > 2) {
      throw ApiException.invalid(
          "points",
          Message.of("number.between-two-decimals", "min", 0, "max", max.toPlainString()));
    }
    em.createNativeQuery(
            "INSERT INTO emulation_manual_score (plan_id, year, unit_code, points, reason,"
                + " entered_by, entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, plan.id)
        .setParameter(2, in.year().shortValue())
        .setParameter(3, unit)
        .setParameter(4, in.points())
        .setParameter(5, in.reason().strip())
        .setParameter(6, access.username())
        .setParameter(7, ClockProducer.now(clock))
        .executeUpdate();
    return scores(plan, years, in.year());
  }
}
