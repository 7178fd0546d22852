package vn.lhpn.kehoach.emulation.service;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.lhpn.kehoach.common.Jdbc;
import vn.lhpn.kehoach.emulation.dto.EmulationDtos;
import vn.lhpn.kehoach.orgunit.service.OrgUnitTree;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.plan.service.PlanOutlines;

/** What the scores read, one statement each for all units and years. */
final class ScoreSources {
  record Due(String code, LocalDate dueOn, LocalDate endsOn) {}

  final Plan plan;
  final Map<String, PlanOutline.Item> items = new HashMap<>();
  final Map<String, BigDecimal[]> values = new HashMap<>();
  final Map<String, String> statuses = new HashMap<>();
  final Map<String, Object[]> targets = new HashMap<>();
  final Map<Integer, List<Due>> periods = new HashMap<>();
  final Map<String, OffsetDateTime> firstSent = new HashMap<>();
  final Map<String, EmulationDtos.Manual> manual = new HashMap<>();
  final Map<LocalDate, Function<String, Optional<OrgUnitTree.Standing>>> days = new HashMap<>();

  private final EntityManager em;
  private final OrgUnitTree tree;

  ScoreSources(
      EntityManager em,
      PlanOutlines outlines,
      OrgUnitTree tree,
      Plan plan,
      List<Integer> years,
      Set<String> units) {
    this.em = em;
    this.tree = tree;
    this.plan = plan;
    outlines.of(plan).items().forEach(i -> items.put(i.key(), i));
    List<Short> ys = years.stream().map(Integer::shortValue).toList();
    String yearList =
        ys.isEmpty() ? "0" : String.join(",", ys.stream().map(String::valueOf).toList());
    Jdbc.query(
        em,
        "SELECT v.unit_code, v.plan_item_id, v.year, v.approved_number, v.approved_status"
            + " FROM unit_year_value v JOIN plan_item i ON i.id = v.plan_item_id"
            + " WHERE i.plan_id = ? AND v.unit_code = ANY (?) AND v.year IN ("
            + yearList
            + ")",
        List.of(plan.id, units),
        rs -> {
          String key = rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getInt(3);
          values.put(key, new BigDecimal[] {rs.getBigDecimal(4)});
          statuses.put(key, rs.getString(5));
        });
    Jdbc.query(
        em,
        "SELECT t.unit_code, t.plan_item_id, t.year, t.value, t.required FROM target t"
            + " JOIN plan_item i ON i.id = t.plan_item_id WHERE i.plan_id = ?"
            + " AND t.unit_code = ANY (?) AND t.year IN ("
            + yearList
            + ")",
        List.of(plan.id, units),
        rs ->
            targets.put(
                rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getInt(3),
                new Object[] {rs.getBigDecimal(4), rs.getBoolean(5)}));
    Jdbc.query(
        em,
        "SELECT code, year, due_on, ends_on FROM period WHERE plan_id = ? AND year IN ("
            + yearList
            + ") ORDER BY year, ends_on, code",
        List.of(plan.id),
        rs ->
            periods
                .computeIfAbsent(rs.getInt(2), k -> new ArrayList<>())
                .add(
                    new Due(
                        rs.getString(1),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class))));
    Jdbc.query(
        em,
        "SELECT p.code, s.unit_code, min(e.at) FROM submission s"
            + " JOIN period p ON p.id = s.period_id"
            + " JOIN submission_event e ON e.submission_id = s.id AND e.kind = 'submit'"
            + " WHERE p.plan_id = ? AND s.unit_code = ANY (?) AND p.year IN ("
            + yearList
            + ") GROUP BY p.code, s.unit_code",
        List.of(plan.id, units),
        rs ->
            firstSent.put(
                rs.getString(1) + "|" + rs.getString(2),
                rs.getObject(3, OffsetDateTime.class)
                    .withOffsetSameInstant(java.time.ZoneOffset.UTC)));
    Jdbc.query(
        em,
        "SELECT DISTINCT ON (year, unit_code) year, unit_code, points, reason, entered_by,"
            + " entered_at FROM emulation_manual_score WHERE plan_id = ?"
            + " AND unit_code = ANY (?) AND year IN ("
            + yearList
            + ") ORDER BY year, unit_code, id DESC",
        List.of(plan.id, units),
        rs ->
            manual.put(
                rs.getInt(1) + "|" + rs.getString(2),
                new EmulationDtos.Manual(
                    rs.getInt(1),
                    rs.getBigDecimal(3).setScale(2),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getObject(6, OffsetDateTime.class)
                        .withOffsetSameInstant(java.time.ZoneOffset.UTC))));
  }

  /** The unit's tier on a day; -1 when it was not on the map that day. */
  int tier(String unit, LocalDate day) {
    return days.computeIfAbsent(day, tree::standingOn)
        .apply(unit)
        .map(OrgUnitTree.Standing::tier)
        .orElse(-1);
  }

  ScoringRules.Figure figure(String unit, PlanOutline.Item item, int year, int tier) {
    String key = unit + "|" + item.id() + "|" + year;
    Object[] target = targets.get(key);
    boolean levels = item.reportingLevels().isEmpty() || item.reportingLevels().contains(tier);
    boolean required = target == null ? item.requiredByDefault(tier) : (Boolean) target[1];
    boolean applies = tier >= 0 && item.scheduled(year) && levels && required;
    BigDecimal[] value = values.get(key);
    return new ScoringRules.Figure(
        item.measureType().name().toLowerCase(java.util.Locale.ROOT),
        value == null ? null : value[0],
        statuses.get(key),
        target == null ? null : (BigDecimal) target[0],
        applies);
  }
}
