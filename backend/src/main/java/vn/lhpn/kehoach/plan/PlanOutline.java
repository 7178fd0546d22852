package vn.lhpn.kehoach.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The items of a plan that take values, as plain values: what every read of progress needs of the
 * plan (labels, groups, measures, yearly levels, reporting levels, term rules, departments),
 * without hydrating ~150 entities and their levels per request. Built by {@code PlanOutlines} for
 * one {@link Plan#contentRevision} and rebuilt when it changes.
 */
public record PlanOutline(
    long planId, long revision, List<Item> items, Map<Long, Integer> positions) {

  public PlanOutline(long planId, long revision, List<Item> items) {
    this(planId, revision, List.copyOf(items), index(items));
  }

  /** One item that takes values, with every rule of {@link PlanRules} already applied. */
  public record Item(
      long id,
      String key,
      String code,
      String title,
      String label,
      ItemKind kind,
      MeasureType measureType,
      String measureUnit,
      Group group,
      Map<Integer, Level> levels,
      Set<Integer> implementingLevels,
      Set<Integer> reportingLevels,
      TermRule termRule,
      List<String> departments) {

    public Optional<Level> level(int year) {
      return Optional.ofNullable(levels.get(year));
    }

    /** True when the plan schedules or sets a level for the item that year. */
    public boolean scheduled(int year) {
      return level(year).map(l -> l.kind() != YearLevel.Kind.NONE).orElse(false);
    }

    public boolean isActivity() {
      return measureType == MeasureType.ACTIVITY;
    }

    /** {@link PlanRules#requiredByDefault}: an implementing level at or below the unit's. */
    public boolean requiredByDefault(int unitLevel) {
      return implementingLevels.stream().anyMatch(l -> l >= unitLevel);
    }
  }

  /**
   * The chỉ tiêu or task group of an item ({@link PlanRules#group}): its code, its title when it is
   * not the item itself, and a key unique in the plan (section and code).
   */
  public record Group(String key, String code, String title, String label) {}

  /** A yearly level as printed ({@code raw}) and as understood. */
  /**
   * A year's level in force; {@code amended} when the province amended the plan's level (điều chỉnh
   * chỉ tiêu, by {@code decision}).
   */
  public record Level(
      String raw, YearLevel.Kind kind, BigDecimal value, boolean amended, String decision) {
    public Level(String raw, YearLevel.Kind kind, BigDecimal value) {
      this(raw, kind, value, false, null);
    }
  }

  public Optional<Item> item(String key) {
    return items.stream().filter(i -> i.key().equals(key)).findFirst();
  }

  /**
   * Each item's place in the plan's order, by id ({@link #positions}): what a report's values need
   * of the plan (their key and order) without loading an item entity. Built once per outline.
   */
  private static Map<Long, Integer> index(List<Item> items) {
    Map<Long, Integer> positions = new java.util.HashMap<>(items.size() * 2);
    for (int i = 0; i < items.size(); i++) {
      positions.put(items.get(i).id(), i);
    }
    return Map.copyOf(positions);
  }
}
