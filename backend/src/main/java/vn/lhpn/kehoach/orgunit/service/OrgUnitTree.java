package vn.lhpn.kehoach.orgunit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import vn.lhpn.kehoach.common.DataRevisions;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitType;
import vn.lhpn.kehoach.security.UnitHierarchy;

/**
 * The hierarchy by code, across all time: a unit's descendants are every version whose parent chain
 * leads to it, so a district keeps seeing its communes that have since closed.
 *
 * <p>Every request asks it for the caller's subtree; at national scale that is 11,000 codes, which
 * a recursive query took longer to find than the dashboard took to read. So the links between codes
 * are kept in memory, one copy per state of the units: each question reads the units' revision (one
 * row of {@code data_revision}, set by a trigger in the writing transaction) and answers from the
 * copy of that revision, loading it first when the units changed (docs/adr/0008). A change is seen
 * by the very next question, on any instance.
 */
@ApplicationScoped
public class OrgUnitTree implements UnitHierarchy {
  private final EntityManager em;
  private volatile Links links =
      new Links(-1, Map.of(), Map.of(), Set.of(), Map.of(), new ConcurrentHashMap<>());

  OrgUnitTree(EntityManager em) {
    this.em = em;
  }

  /** Who is below and above whom at one revision of the units, and each code's versions. */
  private record Links(
      long revision,
      Map<String, Set<String>> children,
      Map<String, Set<String>> parents,
      Set<String> roots,
      Map<String, List<Span>> versions,
      Map<String, Set<String>> subtrees) {}

  /**
   * One version of a code: its level, its tier ({@link OrgUnit#tier}: a commune is 3 at level 2
   * too), its parent and the days it is valid (to: null while it exists).
   */
  private record Span(int level, int tier, String parent, LocalDate from, LocalDate to) {
    /** {@link OrgUnit#validOn}. */
    boolean validOn(LocalDate day) {
      return !from.isAfter(day) && (to == null || !to.isBefore(day));
    }

    /** Days from the version to {@code day}; 0 while it is valid then. */
    long distance(LocalDate day) {
      if (from.isAfter(day)) {
        return from.toEpochDay() - day.toEpochDay();
      }
      return to == null || !to.isBefore(day) ? 0 : day.toEpochDay() - to.toEpochDay();
    }

    boolean validDuring(int year) {
      return !from.isAfter(LocalDate.of(year, 12, 31))
          && (to == null || !to.isBefore(LocalDate.of(year, 1, 1)));
    }
  }

  private Links links() {
    long revision = DataRevisions.of(em, "org_unit");
    Links current = links;
    if (current.revision() == revision) {
      return current;
    }
    current = load();
    links = current;
    return current;
  }

  /** The links and their revision, read in one statement so that they belong together. */
  @SuppressWarnings("unchecked")
  private Links load() {
    List<Object[]> rows =
        em.createNativeQuery(
                """
                SELECT r.revision, u.code, u.parent_code, u.level, u.valid_from, u.valid_to, u.type
                FROM data_revision r LEFT JOIN org_unit u ON true WHERE r.name = 'org_unit'
                """)
            .getResultList();
    long revision = ((Number) rows.get(0)[0]).longValue();
    Map<String, Set<String>> children = new HashMap<>();
    Map<String, Set<String>> parents = new HashMap<>();
    Set<String> roots = new HashSet<>();
    Map<String, List<Span>> versions = new HashMap<>();
    for (Object[] r : rows) {
      String code = (String) r[1];
      if (code == null) {
        continue;
      }
      String parent = (String) r[2];
      int level = ((Number) r[3]).intValue();
      if (parent == null || level <= 1) {
        roots.add(code);
      }
      versions
          .computeIfAbsent(code, k -> new ArrayList<>(1))
          .add(
              new Span(
                  level,
                  OrgUnitType.fromCode((String) r[6]).isCommune() ? 3 : level,
                  parent,
                  day(r[4]),
                  r[5] == null ? null : day(r[5])));
      if (parent != null) {
        children.computeIfAbsent(parent, k -> new LinkedHashSet<>()).add(code);
        parents.computeIfAbsent(code, k -> new LinkedHashSet<>()).add(parent);
      }
    }
    return new Links(
        revision,
        children,
        parents,
        Collections.unmodifiableSet(roots),
        versions,
        new ConcurrentHashMap<>());
  }

  private static LocalDate day(Object value) {
    return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }

  /**
   * How many of a unit's subtree a year's figures hold, by year and tier: year → tier → codes. A
   * year is rolled up by the map of its last day (docs/adr/0011; {@code mapDay} 31/12, or 30/06 for
   * the first half), so a code counts when the unit it names that day is {@code root} or lies below
   * it that day, at the tier it has then (a commune is of tier 3 under a district or the province,
   * {@link OrgUnit#tier}); a commune merged away during the year counts in none of that year's
   * rollups, its successor does.
   */
  public Map<Integer, Map<Integer, Integer>> countByYearAndTier(
      String root, Collection<String> codes, int fromYear, int toYear, MonthDay mapDay) {
    Links current = links();
    Map<Integer, Map<Integer, Integer>> out = new HashMap<>();
    for (int y = fromYear; y <= toYear; y++) {
      Map<Integer, Integer> those = countOn(current, root, codes, mapDay.atYear(y));
      if (!those.isEmpty()) {
        out.put(y, those);
      }
    }
    return out;
  }

  /** How many of some codes name, on a day, {@code root} or a unit below it that day, by tier. */
  public Map<Integer, Integer> countOn(String root, Collection<String> codes, LocalDate day) {
    return countOn(links(), root, codes, day, Span::tier);
  }

  /** The same by level: how the tree stood that day (a commune at level 2 after 01/07/2025). */
  public Map<Integer, Integer> levelsOn(String root, Collection<String> codes, LocalDate day) {
    return countOn(links(), root, codes, day, Span::level);
  }

  private static Map<Integer, Integer> countOn(
      Links current, String root, Collection<String> codes, LocalDate day) {
    return countOn(current, root, codes, day, Span::tier);
  }

  private static Map<Integer, Integer> countOn(
      Links current,
      String root,
      Collection<String> codes,
      LocalDate day,
      java.util.function.ToIntFunction<Span> by) {
    Map<Integer, Integer> out = new HashMap<>();
    for (String code : codes) {
      Span s = spanOn(current, code, day);
      if (s != null
          && s.validOn(day)
          && (code.equals(root) || aboveOn(current, code, day).contains(root))) {
        out.merge(by.applyAsInt(s), 1, Integer::sum);
      }
    }
    return out;
  }

  /** The days in a span on which some of the codes changed (a version started), in order. */
  public List<LocalDate> changeDays(Collection<String> codes, LocalDate from, LocalDate to) {
    Links current = links();
    java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>();
    for (String code : codes) {
      for (Span s : current.versions().getOrDefault(code, List.of())) {
        if (s.from().isAfter(from) && !s.from().isAfter(to)) {
          days.add(s.from());
        }
      }
    }
    return List.copyOf(days);
  }

  /**
   * The units a code's figures for a year add up to (docs/adr/0011): a year is rolled up by the map
   * of its last day, so a code that names a unit on 31/12 adds to the units above that unit on that
   * day, nearest first; a code whose unit closed during the year adds to none (its successor's
   * report for the year covers it, and counting both would count a household twice). A code that
   * named no unit at all that year adds along its nearest version.
   */
  public List<String> rollupAncestors(String code, int year) {
    return rollupMap(year).apply(code);
  }

  /**
   * {@link #rollupAncestors(String, int)} for many codes of one year against one state of the
   * units: the function reads nothing from the database.
   */
  public java.util.function.Function<String, List<String>> rollupMap(int year) {
    Links current = links();
    LocalDate end = LocalDate.of(year, 12, 31);
    return code -> {
      List<Span> spans = current.versions().getOrDefault(code, List.of());
      if (spans.stream().anyMatch(s -> s.validOn(end))) {
        return aboveOn(current, code, end);
      }
      if (spans.stream().anyMatch(s -> s.validDuring(year))) {
        return List.of();
      }
      Span nearest = spanOn(current, code, end);
      return nearest == null
          ? List.of()
          : aboveOn(current, code, nearest.from().isAfter(end) ? nearest.from() : nearest.to());
    };
  }

  /** The version of a code on a day: valid that day, else the closest in time; null if none. */
  private static Span spanOn(Links links, String code, LocalDate day) {
    Span best = null;
    for (Span s : links.versions().getOrDefault(code, List.of())) {
      if (best == null || s.distance(day) < best.distance(day)) {
        best = s;
      }
    }
    return best;
  }

  /** The units above a code on a day, nearest first, each by its version of that day. */
  private static List<String> aboveOn(Links links, String code, LocalDate day) {
    List<String> out = new ArrayList<>(3);
    Set<String> seen = new HashSet<>();
    seen.add(code);
    for (Span s = spanOn(links, code, day);
        s != null && s.parent() != null && seen.add(s.parent());
        s = spanOn(links, s.parent(), day)) {
      out.add(s.parent());
    }
    return out;
  }

  /**
   * The code itself and the codes of all units below it; unmodifiable, kept with the revision (a
   * national reader's 11,000 codes are walked once per change of the units, not per request).
   */
  @Override
  public Set<String> subtreeCodes(String code) {
    Links current = links();
    return current
        .subtrees()
        .computeIfAbsent(code, c -> Collections.unmodifiableSet(walk(c, current.children(), true)));
  }

  /**
   * Whether a code names a unit at the top of a province's hierarchy: a province (with or without
   * the national union above it) or the national union itself.
   */
  @Override
  public boolean isRoot(String code) {
    return links().roots().contains(code);
  }

  /** The codes of the units above a code (nearest first), without the code itself. */
  @Override
  public Set<String> ancestorCodes(String code) {
    return walk(code, links().parents(), false);
  }

  /** Breadth first from a code along some links: each code once, nearest first. */
  private static Set<String> walk(String from, Map<String, Set<String>> next, boolean withSelf) {
    Set<String> seen = new LinkedHashSet<>();
    seen.add(from);
    Deque<String> queue = new ArrayDeque<>();
    queue.add(from);
    while (!queue.isEmpty()) {
      for (String n : next.getOrDefault(queue.poll(), Set.of())) {
        if (seen.add(n)) {
          queue.add(n);
        }
      }
    }
    if (!withSelf) {
      seen.remove(from);
    }
    return seen;
  }

  /**
   * The version of a code on a day, by the rule of {@link OrgUnit#findByCode(String, LocalDate)}
   * (valid that day, else the closest in time), answered from the copy in memory: no unit entity is
   * loaded for a permission check.
   */
  @Override
  public Optional<UnitRef> unitOn(String code, LocalDate day) {
    return links().versions().getOrDefault(code, List.of()).stream()
        .min(
            java.util.Comparator.<Span, Boolean>comparing(v -> !v.validOn(day))
                .thenComparingLong(v -> v.distance(day)))
        .map(v -> new UnitRef(code, v.parent()));
  }

  /**
   * A unit's tier (1 the province, 2 a district, 3 a commune: {@link OrgUnit#tier()}) and the
   * province it is in on a day: what "similar units" means when a figure is compared with others.
   */
  public record Standing(int tier, String province) {}

  /** {@link Standing} of many codes on one day, from the copy in memory; empty for no version. */
  public java.util.function.Function<String, Optional<Standing>> standingOn(LocalDate day) {
    Links current = links();
    return code -> {
      Span own = spanOn(current, code, day);
      if (own == null) {
        return Optional.empty();
      }
      String province = code;
      Span at = own;
      Set<String> seen = new HashSet<>();
      while (at.tier() > 1 && at.parent() != null && seen.add(province)) {
        province = at.parent();
        at = spanOn(current, province, day);
        if (at == null) {
          break;
        }
      }
      return Optional.of(new Standing(own.tier(), province));
    };
  }

  /** The latest name of each code (its newest version's), for lists that show many units. */
  public Map<String, String> latestNames(Collection<String> codes) {
    Map<String, String> out = new HashMap<>();
    if (codes.isEmpty()) {
      return out;
    }
    vn.lhpn.kehoach.common.Jdbc.query(
        em,
        "SELECT DISTINCT ON (code) code, name FROM org_unit WHERE code = ANY (?)"
            + " ORDER BY code, valid_from DESC",
        List.of(Set.copyOf(codes)),
        rs -> out.put(rs.getString(1), rs.getString(2)));
    return out;
  }
}
