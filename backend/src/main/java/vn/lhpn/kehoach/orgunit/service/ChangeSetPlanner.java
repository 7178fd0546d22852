package vn.lhpn.kehoach.orgunit.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.orgunit.OrgUnitLineage.Change;
import vn.lhpn.kehoach.orgunit.OrgUnitType;

/**
 * Works out what one change set does on its effective date before anything is written: the unit
 * versions that close the day before, the ones that open (new units, and units that go on under a
 * new name, type or parent), the lineage rows, the codes the set names that the system has never
 * had, and every problem that stops it. Pure: the units valid the day before go in, the plan and
 * the units valid on the day come out, so a dry run and the apply read one and the same plan.
 *
 * <p>A change set is the GSO-style lineage of one date (merge, split, move, reclassify, rename,
 * dissolve) and, when the lineage alone cannot say where a new unit sits (the 2025 reform dissolves
 * every district, so a new commune's parent is no predecessor's parent), the list of units of the
 * new state: code, name, type, parent, level. A unit of that list the system does not have and no
 * lineage row names opens without history: that is how a province comes onto the system.
 */
public final class ChangeSetPlanner {
  private ChangeSetPlanner() {}

  /** One version of a unit as a change set sees it. */
  public record Unit(String code, String name, OrgUnitType type, String parentCode, int level) {
    /** Listed with no parent (a GSO list names its province alone): keeps the one it has. */
    Unit keepingParentOf(Unit was) {
      boolean none = parentCode == null || parentCode.isBlank();
      return none && was != null && was.parentCode() != null
          ? new Unit(code, name, type, was.parentCode(), level)
          : this;
    }
  }

  /** What happens to one code on the day. */
  public enum What {
    /** A code the system did not have that day. */
    OPEN,
    /** The version ends the day before and no version of the code follows. */
    CLOSE,
    /** The code goes on, merged with others or split (a new version, same place). */
    CONTINUE,
    RENAME,
    RECLASSIFY,
    MOVE
  }

  /** One code's step: its version before (null: new) and after (null: closed). */
  public record Step(String code, Unit before, Unit after, Set<What> what) {}

  /**
   * A lineage row as the plan reads it; {@code known}: the old unit is in the system the day before
   * (a unit of a province that was never on the system has no history here).
   */
  public record Link(
      String oldCode,
      String oldName,
      String newCode,
      String newName,
      Change change,
      boolean confirmed,
      boolean known) {}

  /** Everything the set does, and what stands in its way. */
  public record Plan(
      LocalDate effectiveDate,
      List<Step> steps,
      List<Link> lineage,
      Set<String> outside,
      List<ChangeSetProblem> problems,
      Map<String, Unit> after) {

    public boolean applicable() {
      return problems.isEmpty();
    }

    public List<Step> steps(What what) {
      return steps.stream().filter(s -> s.what().contains(what)).toList();
    }
  }

  /**
   * The plan of one change set.
   *
   * @param day the effective date: old versions end the day before, new ones start on it
   * @param before every unit valid the day before, by code
   * @param rows the lineage rows of the set
   * @param state the units of the new state the set brings (may be empty)
   * @param retired the codes the system had before but not the day before
   */
  public static Plan plan(
      LocalDate day,
      Map<String, Unit> before,
      List<OrgUnitChange> rows,
      Collection<Unit> state,
      Set<String> retired) {
    List<ChangeSetProblem> problems = new ArrayList<>();
    Map<String, Unit> listed = new LinkedHashMap<>();
    for (Unit listedUnit : state) {
      Unit u = listedUnit.keepingParentOf(before.get(listedUnit.code()));
      Unit earlier = listed.putIfAbsent(u.code(), u);
      if (earlier != null && !earlier.equals(u)) {
        problems.add(
            new ChangeSetProblem(
                ChangeSetProblem.Kind.CONFLICTING_ROWS,
                u.code(),
                Message.of("change-set.listed-twice", "code", u.code())));
      }
    }
    Set<String> outside = new TreeSet<>();
    Set<String> closing = new LinkedHashSet<>();
    List<Link> lineage = new ArrayList<>();
    Map<String, List<OrgUnitChange>> byNew = new LinkedHashMap<>();
    for (OrgUnitChange row : rows) {
      if (!row.effectiveDate().equals(day)) {
        problems.add(
            new ChangeSetProblem(
                ChangeSetProblem.Kind.WRONG_DATE,
                row.oldCode(),
                Message.of(
                    "change-set.wrong-date",
                    "code",
                    row.oldCode(),
                    "date",
                    row.effectiveDate(),
                    "day",
                    day)));
        continue;
      }
      boolean known = before.containsKey(row.oldCode());
      if (known) {
        closing.add(row.oldCode());
      } else if (retired.contains(row.oldCode())) {
        problems.add(
            new ChangeSetProblem(
                ChangeSetProblem.Kind.UNKNOWN_CODE,
                row.oldCode(),
                Message.of(
                    "change-set.retired-code",
                    "code",
                    row.oldCode(),
                    "name",
                    row.oldName(),
                    "before",
                    day.minusDays(1))));
      } else {
        // a unit that never was on the system (another province's): no history here
        outside.add(row.oldCode());
      }
      lineage.add(
          new Link(
              row.oldCode(),
              row.oldName(),
              blankToNull(row.newCode()),
              blankToNull(row.newName()),
              row.change(),
              row.confirmed(),
              known));
      if (row.change() != Change.DISSOLVE && !row.newCode().isBlank()) {
        byNew.computeIfAbsent(row.newCode(), k -> new ArrayList<>()).add(row);
      }
    }

    // the units the day opens: those the rows name, then those only the list of units names
    Map<String, Unit> opening = new LinkedHashMap<>();
    for (var entry : byNew.entrySet()) {
      Unit placed = place(entry.getKey(), entry.getValue(), before, listed, problems);
      if (placed != null) {
        opening.put(placed.code(), placed);
      }
    }
    for (Unit u : listed.values()) {
      if (opening.containsKey(u.code())) {
        continue;
      }
      Unit now = before.get(u.code());
      if (now == null) {
        opening.put(u.code(), u); // a unit new to the system, without history
      } else if (!now.equals(u)) {
        opening.put(u.code(), u); // changed in place (renamed, reclassified, moved)
        closing.add(u.code());
        lineage.add(
            new Link(u.code(), now.name(), u.code(), u.name(), inPlace(now, u), true, true));
      }
    }

    for (Unit u : opening.values()) {
      if (before.containsKey(u.code()) && !closing.contains(u.code())) {
        problems.add(
            new ChangeSetProblem(
                ChangeSetProblem.Kind.CODE_IN_USE,
                u.code(),
                Message.of(
                    "change-set.code-in-use",
                    "code",
                    u.code(),
                    "current",
                    before.get(u.code()).name(),
                    "day",
                    day,
                    "name",
                    u.name())));
      }
    }

    Map<String, Unit> after = new TreeMap<>(before);
    closing.forEach(after::remove);
    after.putAll(opening);
    checkParents(after, day, problems);

    List<Step> steps = new ArrayList<>();
    Set<String> codes = new TreeSet<>(closing);
    codes.addAll(opening.keySet());
    for (String code : codes) {
      Unit was = closing.contains(code) ? before.get(code) : null;
      Unit is = opening.get(code);
      steps.add(new Step(code, was, is, what(was, is)));
    }
    return new Plan(
        day,
        List.copyOf(steps),
        List.copyOf(lineage),
        Set.copyOf(outside),
        List.copyOf(problems),
        after);
  }

  /**
   * Where a unit the rows name sits: as the list of units says; else as its predecessor of the same
   * code (or its first known predecessor) sat, its type read from its name; null when the list does
   * not name it and no predecessor is on the system (a change inside another province).
   */
  private static Unit place(
      String code,
      List<OrgUnitChange> rows,
      Map<String, Unit> before,
      Map<String, Unit> listed,
      List<ChangeSetProblem> problems) {
    Set<String> names = new LinkedHashSet<>();
    rows.forEach(r -> names.add(r.newName().strip()));
    if (names.size() > 1) {
      problems.add(
          new ChangeSetProblem(
              ChangeSetProblem.Kind.CONFLICTING_ROWS,
              code,
              Message.of("change-set.two-names", "code", code, "names", List.copyOf(names))));
      return null;
    }
    String name = names.iterator().next();
    Unit inList = listed.get(code);
    if (inList != null) {
      if (!inList.name().equals(name)) {
        problems.add(
            new ChangeSetProblem(
                ChangeSetProblem.Kind.CONFLICTING_ROWS,
                code,
                Message.of(
                    "change-set.names-differ",
                    "code",
                    code,
                    "history",
                    name,
                    "listed",
                    inList.name())));
      }
      return inList;
    }
    Unit base = rows.stream().anyMatch(r -> r.oldCode().equals(code)) ? before.get(code) : null;
    if (base == null) {
      base =
          rows.stream()
              .map(r -> before.get(r.oldCode()))
              .filter(Objects::nonNull)
              .findFirst()
              .orElse(null);
    }
    if (base == null) {
      return null; // every predecessor is outside the system and the list does not name it
    }
    int level = base.level();
    OrgUnitType type = OrgUnitType.fromName(name, level).orElse(base.type());
    return new Unit(code, name, type, base.parentCode(), level);
  }

  /** Every parent is a unit valid on the day, above its child, and no chain goes round. */
  private static void checkParents(
      Map<String, Unit> after, LocalDate day, List<ChangeSetProblem> problems) {
    for (Unit u : after.values()) {
      if (u.parentCode() == null || u.parentCode().isBlank()) {
        continue;
      }
      Unit parent = after.get(u.parentCode());
      if (parent == null) {
        problems.add(
            new ChangeSetProblem(
                ChangeSetProblem.Kind.NO_PARENT,
                u.code(),
                Message.of(
                    "change-set.no-parent",
                    "name",
                    u.name(),
                    "code",
                    u.code(),
                    "parent",
                    u.parentCode(),
                    "day",
                    day)));
      } else if (parent.level() >= u.level()) {
        problems.add(
            new ChangeSetProblem(
                ChangeSetProblem.Kind.NO_PARENT,
                u.code(),
                Message.of(
                    "change-set.parent-below",
                    "name",
                    u.name(),
                    "level",
                    u.level(),
                    "parent",
                    parent.name(),
                    "parentLevel",
                    parent.level())));
      }
    }
    Set<String> reported = new HashSet<>();
    for (Unit start : after.values()) {
      Set<String> seen = new LinkedHashSet<>();
      Unit u = start;
      while (u != null && u.parentCode() != null && seen.add(u.code())) {
        u = after.get(u.parentCode());
      }
      if (u != null && seen.contains(u.code()) && reported.add(u.code())) {
        problems.add(
            new ChangeSetProblem(
                ChangeSetProblem.Kind.CYCLE,
                u.code(),
                Message.of("change-set.cycle", "cycle", String.join(" → ", seen))));
        reported.addAll(seen);
      }
    }
  }

  private static Set<What> what(Unit before, Unit after) {
    if (before == null) {
      return EnumSet.of(What.OPEN);
    }
    if (after == null) {
      return EnumSet.of(What.CLOSE);
    }
    Set<What> what = EnumSet.noneOf(What.class);
    if (!before.name().equals(after.name())) {
      what.add(What.RENAME);
    }
    if (before.type() != after.type()) {
      what.add(What.RECLASSIFY);
    }
    if (!Objects.equals(before.parentCode(), after.parentCode())
        || before.level() != after.level()) {
      what.add(What.MOVE);
    }
    if (what.isEmpty()) {
      what.add(What.CONTINUE);
    }
    return what;
  }

  private static Change inPlace(Unit before, Unit after) {
    if (!Objects.equals(before.parentCode(), after.parentCode())) {
      return Change.MOVE;
    }
    return before.type() != after.type() ? Change.RECLASSIFY : Change.RENAME;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
