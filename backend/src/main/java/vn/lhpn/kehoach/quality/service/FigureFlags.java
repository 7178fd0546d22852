package vn.lhpn.kehoach.quality.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.lhpn.kehoach.common.Jdbc;
import vn.lhpn.kehoach.orgunit.service.OrgUnitTree;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.plan.service.PlanOutlines;
import vn.lhpn.kehoach.quality.dto.FigureDtos;

/**
 * Finds the flagged values among reports that were sent up (submitted, approved, or returned after
 * being sent): each number against the unit's value of the same period last year, its target of the
 * year and the same number of similar units ({@link FigureRules}). Computed when read, from the
 * figures as they are now, so a flag follows every change of a value, a target or a peer; only the
 * reviewers' checks are stored. Reads cost one statement per source, whatever the number of units.
 */
@ApplicationScoped
public class FigureFlags {
  private final EntityManager em;
  private final OrgUnitTree tree;
  private final PlanOutlines outlines;
  private final FigureSettings settings;

  FigureFlags(EntityManager em, OrgUnitTree tree, PlanOutlines outlines, FigureSettings settings) {
    this.em = em;
    this.tree = tree;
    this.outlines = outlines;
    this.settings = settings;
  }

  /** One value of a report that was sent up. */
  public record Sent(
      long submission,
      String unit,
      long period,
      String periodCode,
      String kind,
      Integer number,
      LocalDate endsOn,
      String state,
      boolean returned,
      long item,
      BigDecimal value) {}

  /** A flagged value: where it is, and the answer's view of it. */
  public record Found(Sent sent, PlanOutline.Item item, FigureDtos.Value value) {}

  /**
   * The flagged values of a plan's year among the reports of {@code units}; {@code period} narrows
   * it to one period (null: every period of the year), {@code submission} to one report.
   */
  public List<Found> find(
      Plan plan, int year, Collection<String> units, Long period, Long submission, boolean notes) {
    PlanOutline outline = outlines.of(plan);
    Map<Long, PlanOutline.Item> numbers = new HashMap<>();
    for (PlanOutline.Item i : outline.items()) {
      if (!i.isActivity()) {
        numbers.put(i.id(), i);
      }
    }
    List<Sent> subjects = new ArrayList<>();
    for (Sent s : sent(plan.id, year, units, period)) {
      if (numbers.containsKey(s.item()) && (submission == null || s.submission() == submission)) {
        subjects.add(s);
      }
    }
    if (subjects.isEmpty()) {
      return List.of();
    }
    FigureRules.Thresholds thresholds = settings.of(plan.id);
    Standings standings = new Standings();
    Map<String, List<Double>> groups = peerGroups(plan, year, subjects, period, standings);
    Map<String, BigDecimal> lastYear = lastYear(plan, year, subjects);
    Map<String, BigDecimal> targets = targets(plan, year, outline, subjects);
    Map<String, FigureDtos.Check> checks = checks(plan, year, subjects, notes);
    List<Found> out = new ArrayList<>();
    for (Sent s : subjects) {
      PlanOutline.Item item = numbers.get(s.item());
      Optional<OrgUnitTree.Standing> standing = standings.of(s.unit(), s.endsOn());
      FigureRules.Peers peers =
          standing
              .map(
                  st ->
                      new FigureRules.Peers(
                          FigureRules.tierWord(st.tier(), false),
                          FigureRules.tierWord(st.tier(), true),
                          groups
                              .getOrDefault(groupKey(s.period(), s.item(), st), List.of())
                              .stream()
                              .mapToDouble(Double::doubleValue)
                              .toArray()))
              .orElse(null);
      List<FigureRules.Flag> flags =
          FigureRules.check(
              s.value(),
              lastYear.get(s.unit() + "|" + s.kind() + "|" + s.number() + "|" + s.item()),
              targets.get(s.unit() + "|" + s.item()),
              peers,
              thresholds);
      if (flags.isEmpty()) {
        continue;
      }
      FigureDtos.Check check = checks.get(s.submission() + "|" + s.item());
      if (check != null) {
        check =
            new FigureDtos.Check(
                check.number(),
                check.note(),
                check.checkedBy(),
                check.checkedAt(),
                check.number() != null && check.number().compareTo(s.value()) == 0);
      }
      out.add(
          new Found(
              s,
              item,
              new FigureDtos.Value(
                  item.key(),
                  item.code(),
                  item.title(),
                  s.value().stripTrailingZeros(),
                  flags.stream()
                      .map(
                          f ->
                              new FigureDtos.Flag(f.rule(), f.reasonVi(), f.reasonEn(), f.params()))
                      .toList(),
                  check)));
    }
    return out;
  }

  /** Standings of units on days, each asked of the tree once. */
  private final class Standings {
    private final Map<LocalDate, Function<String, Optional<OrgUnitTree.Standing>>> days =
        new HashMap<>();
    private final Map<String, Optional<OrgUnitTree.Standing>> known = new HashMap<>();

    Optional<OrgUnitTree.Standing> of(String unit, LocalDate day) {
      return known.computeIfAbsent(
          unit + "@" + day, k -> days.computeIfAbsent(day, tree::standingOn).apply(unit));
    }
  }

  private static String groupKey(long period, long item, OrgUnitTree.Standing st) {
    return period + "|" + item + "|" + st.tier() + "|" + st.province();
  }

  /** The numbers of the similar units of every subject: same period, item, tier and province. */
  private Map<String, List<Double>> peerGroups(
      Plan plan, int year, List<Sent> subjects, Long period, Standings standings) {
    Set<String> provinces = new LinkedHashSet<>();
    for (Sent s : subjects) {
      standings.of(s.unit(), s.endsOn()).ifPresent(st -> provinces.add(st.province()));
    }
    Set<String> units = new HashSet<>();
    for (String p : provinces) {
      units.addAll(tree.subtreeCodes(p));
    }
    Map<String, List<Double>> groups = new HashMap<>();
    for (Sent s : sent(plan.id, year, units, period)) {
      standings
          .of(s.unit(), s.endsOn())
          .filter(st -> provinces.contains(st.province()))
          .ifPresent(
              st ->
                  groups
                      .computeIfAbsent(groupKey(s.period(), s.item(), st), k -> new ArrayList<>())
                      .add(s.value().doubleValue()));
    }
    return groups;
  }

  /** Each subject unit's value of the same kind of period a year earlier, by unit, period, item. */
  private Map<String, BigDecimal> lastYear(Plan plan, int year, List<Sent> subjects) {
    Set<String> units = new HashSet<>();
    subjects.forEach(s -> units.add(s.unit()));
    Map<String, BigDecimal> out = new HashMap<>();
    for (Sent s : sent(plan.id, year - 1, units, null)) {
      out.put(s.unit() + "|" + s.kind() + "|" + s.number() + "|" + s.item(), s.value());
    }
    return out;
  }

  /** Each subject unit's target of the year: the plan's level for the province, else allocated. */
  private Map<String, BigDecimal> targets(
      Plan plan, int year, PlanOutline outline, List<Sent> subjects) {
    Set<String> units = new HashSet<>();
    subjects.forEach(s -> units.add(s.unit()));
    Map<String, BigDecimal> out = new HashMap<>();
    if (units.contains(plan.ownerUnitCode)) {
      for (PlanOutline.Item i : outline.items()) {
        i.level(year)
            .map(PlanOutline.Level::value)
            .ifPresent(v -> out.put(plan.ownerUnitCode + "|" + i.id(), v));
      }
    }
    Jdbc.query(
        em,
        """
        SELECT t.unit_code, t.plan_item_id, t.value FROM target t
        JOIN plan_item i ON i.id = t.plan_item_id
        WHERE i.plan_id = ? AND t.year = ? AND t.unit_code = ANY (?) AND t.required
          AND t.value IS NOT NULL
        """,
        List.of(plan.id, (short) year, units),
        rs -> out.put(rs.getString(1) + "|" + rs.getLong(2), rs.getBigDecimal(3)));
    return out;
  }

  /** The latest check of every subject value, by submission and item. */
  private Map<String, FigureDtos.Check> checks(
      Plan plan, int year, List<Sent> subjects, boolean notes) {
    Set<String> units = new HashSet<>();
    subjects.forEach(s -> units.add(s.unit()));
    Map<String, FigureDtos.Check> out = new HashMap<>();
    Jdbc.query(
        em,
        """
        SELECT DISTINCT ON (c.submission_id, c.plan_item_id)
          c.submission_id, c.plan_item_id, c.number, c.note, c.checked_by, c.checked_at
        FROM figure_check c JOIN submission s ON s.id = c.submission_id
        JOIN period p ON p.id = s.period_id
        WHERE p.plan_id = ? AND p.year = ? AND s.unit_code = ANY (?)
        ORDER BY c.submission_id, c.plan_item_id, c.id DESC
        """,
        List.of(plan.id, (short) year, units),
        rs ->
            out.put(
                rs.getLong(1) + "|" + rs.getLong(2),
                new FigureDtos.Check(
                    rs.getBigDecimal(3) == null ? null : rs.getBigDecimal(3).stripTrailingZeros(),
                    notes ? rs.getString(4) : null,
                    notes ? rs.getString(5) : null,
                    rs.getObject(6, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                    false)));
    return out;
  }

  /** The numbers of the reports sent up in a plan's year (or one period of it), of some units. */
  List<Sent> sent(long planId, int year, Collection<String> units, Long period) {
    List<Sent> out = new ArrayList<>();
    List<Object> parameters = new ArrayList<>(List.of(planId, (short) year, units));
    if (period != null) {
      parameters.add(period);
    }
    Jdbc.query(
        em,
        """
        SELECT s.id, s.unit_code, p.id, p.code, p.kind, p.number, p.ends_on, s.state, s.returned,
               v.plan_item_id, v.number
        FROM submission s JOIN period p ON p.id = s.period_id
        JOIN submission_value v ON v.submission_id = s.id
        WHERE p.plan_id = ? AND p.year = ? AND s.unit_code = ANY (?) AND v.number IS NOT NULL
          AND (s.state <> 'draft' OR s.returned)
        """
            + (period == null ? "" : " AND p.id = ?"),
        parameters,
        rs -> out.add(sent(rs)));
    return out;
  }

  private static Sent sent(ResultSet rs) throws SQLException {
    Object number = rs.getObject(6);
    return new Sent(
        rs.getLong(1),
        rs.getString(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        number == null ? null : ((Number) number).intValue(),
        rs.getObject(7, LocalDate.class),
        rs.getString(8),
        rs.getBoolean(9),
        rs.getLong(10),
        rs.getBigDecimal(11));
  }
}
