package vn.lhpn.kehoach.plan;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;

/**
 * What the plan itself says about its items, for every feature that allocates or reports them:
 * which items take targets and values, which levels carry an item out, which department leads it,
 * and whether an activity is required of a unit when nobody said otherwise.
 */
public final class PlanRules {
  private PlanRules() {}

  /**
   * The items that take targets and values: leaves and breakdown rows with a measure. A leaf split
   * into breakdown rows is allocated and reported row by row, not as a whole.
   */
  public static List<PlanItem> allocatable(List<PlanItem> all) {
    Set<PlanItem> withBreakdowns =
        all.stream()
            .filter(i -> i.kind == ItemKind.BREAKDOWN)
            .map(i -> i.parent)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    return all.stream().filter(i -> isMeasuredLeaf(i) && !withBreakdowns.contains(i)).toList();
  }

  /** The allocatable items of a plan, in the plan's order. */
  public static List<PlanItem> allocatable(Plan plan) {
    return allocatable(PlanItem.listOf(plan));
  }

  /** A leaf or a breakdown row with a measure: the kind of item a target can be set on. */
  public static boolean isMeasuredLeaf(PlanItem item) {
    return (item.kind == ItemKind.LEAF || item.kind == ItemKind.BREAKDOWN)
        && item.measureType != null;
  }

  /**
   * The levels that carry an item out; a breakdown row ("Cấp tỉnh", "Cấp cơ sở") may name its own.
   */
  public static Set<Integer> implementingLevels(PlanItem item) {
    if (item.kind == ItemKind.BREAKDOWN) {
      Set<Integer> named = Levels.parse(item.title);
      if (!named.isEmpty()) {
        return named;
      }
      return item.parent == null ? Set.of() : Levels.fromColumn(item.parent.implementingLevels);
    }
    return Levels.fromColumn(item.implementingLevels);
  }

  /** 400 naming the field unless the plan sets levels for that year. */
  public static void requireYear(Plan plan, int year, String field) {
    if (year < plan.firstYear || year > plan.lastYear) {
      throw ApiException.invalid(
          field, Message.of("plan.years", "first", plan.firstYear, "last", plan.lastYear));
    }
  }

  /**
   * The levels that report an item: those the province planner confirmed (or the importer proposed
   * from the wording), else the implementing levels.
   */
  public static Set<Integer> reportingLevels(PlanItem item) {
    if (item.reportingLevels != null && !item.reportingLevels.isBlank()) {
      return Levels.fromColumn(item.reportingLevels);
    }
    return implementingLevels(item);
  }

  /** How an item is judged over the term: as set by the planner, else as its wording suggests. */
  public static TermRule termRule(PlanItem item) {
    if (item.termRule != null) {
      return TermRule.fromCode(item.termRule);
    }
    String title =
        item.kind == ItemKind.BREAKDOWN && item.parent != null ? item.parent.title : item.title;
    return TermRule.propose(title, item.measureType);
  }

  /** "2.1. Title" for a leaf; "6.2 · Chi hội trưởng" for a breakdown row of item 6.2. */
  public static String label(PlanItem item) {
    if (item.kind == ItemKind.BREAKDOWN && item.parent != null && item.parent.code != null) {
      return item.parent.code + " · " + item.title;
    }
    return item.code == null ? item.title : item.code + ". " + item.title;
  }

  /** The chỉ tiêu or task group an item belongs to: its outermost ancestor below the section. */
  public static PlanItem group(PlanItem item) {
    PlanItem group = item;
    for (PlanItem p = item.parent; p != null; p = p.parent) {
      if (p.kind == ItemKind.SECTION) {
        break;
      }
      group = p;
    }
    return group;
  }

  /** A breakdown row (6.1 "Cấp tỉnh") is led by its item's department. */
  public static boolean ledBy(PlanItem item, String department) {
    PlanItem led =
        item.kind == ItemKind.BREAKDOWN && item.departments.isEmpty() ? item.parent : item;
    return led != null
        && led.departments.stream().anyMatch(d -> d.code.equalsIgnoreCase(department));
  }

  /**
   * An activity is required of a unit by default when one of the item's implementing levels is the
   * unit's level or lies below it (a district must see to what its communes carry out).
   */
  public static boolean requiredByDefault(PlanItem item, int unitLevel) {
    return Levels.fromColumn(item.implementingLevels).stream().anyMatch(l -> l >= unitLevel);
  }
}
