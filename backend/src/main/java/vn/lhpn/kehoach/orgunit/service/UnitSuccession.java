package vn.lhpn.kehoach.orgunit.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import vn.lhpn.kehoach.common.Jdbc;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitLineage;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;

/**
 * Who took over from a code that no longer names a unit: the units of a day that its last version
 * became, along the lineage (through every change in between: a commune merged in 2024 whose new
 * commune merged again in 2025 leads to the 2025 one), and the nearest unit above it that still
 * exists. Features that keep things on a unit code (accounts) follow the map with it.
 */
@ApplicationScoped
public class UnitSuccession {

  /**
   * What became of a code by {@code day}.
   *
   * @param last the code's last version (absent when the code never named a unit)
   * @param successors the units valid on the day it went into, by code: one for a merge or a
   *     rename, several for a split, none when it was dissolved
   * @param above the nearest unit above its last version that is valid on the day
   */
  public record Succession(
      Optional<OrgUnitSummary> last,
      List<OrgUnitSummary> successors,
      Optional<OrgUnitSummary> above) {
    public static final Succession NONE =
        new Succession(Optional.empty(), List.of(), Optional.empty());
  }

  /** What became of each code that names no unit on {@code day}; codes still valid are left out. */
  @Transactional
  public Map<String, Succession> of(Set<String> codes, LocalDate day) {
    Map<String, Succession> out = new TreeMap<>();
    for (String code : codes) {
      if (OrgUnit.findValid(code, day).isPresent()) {
        continue;
      }
      OrgUnit last =
          OrgUnit.<OrgUnit>find(
                  "code = :code and validTo < :day order by validFrom desc",
                  Parameters.with("code", code).and("day", day))
              .firstResult();
      if (last == null) {
        out.put(code, Succession.NONE);
        continue;
      }
      out.put(
          code,
          new Succession(
              Optional.of(OrgUnitSummary.of(last)), successors(last, day), above(last, day)));
    }
    return out;
  }

  /**
   * A unit of an earlier day that a unit came from: on the system (its figures of that day are
   * there) or only named by the lineage (a Bắc Kạn commune before 01/07/2025: no data here).
   *
   * @param alsoInto the other units it went into by the day the unit started: its figures cannot be
   *     divided between them (a split commune)
   */
  public record Predecessor(String code, String name, boolean onSystem, List<String> alsoInto) {}

  /**
   * The units valid on {@code day} that a unit's version came from, back along the lineage through
   * every change in between (Xã Định Hóa of 2025 ← Thị trấn Chợ Chu of 12/2024 ← Xã Bảo Cường and
   * Thị trấn Chợ Chu of 2023); the version itself when it was valid that day. By code.
   */
  @Transactional
  public List<Predecessor> predecessors(OrgUnit version, LocalDate day) {
    Map<String, Predecessor> found = new TreeMap<>();
    Set<Long> seen = new HashSet<>();
    Deque<OrgUnit> queue = new ArrayDeque<>(List.of(version));
    while (!queue.isEmpty()) {
      OrgUnit v = queue.poll();
      if (!seen.add(v.id)) {
        continue;
      }
      if (v.validOn(day)) {
        List<String> also =
            v == version
                ? List.of()
                : successors(v, version.validFrom).stream()
                    .map(OrgUnitSummary::code)
                    .filter(c -> !c.equals(version.code))
                    .toList();
        found.put(v.code, new Predecessor(v.code, v.name, true, also));
        continue;
      }
      if (!v.validFrom.isAfter(day)) {
        continue; // a version that had ended before the day
      }
      List<OrgUnitLineage> rows = OrgUnitLineage.predecessorsOf(v);
      for (OrgUnitLineage l : rows) {
        if (l.from != null) {
          queue.add(l.from);
        } else if (l.fromCode != null) {
          found.putIfAbsent(l.fromCode, new Predecessor(l.fromCode, l.fromName, false, List.of()));
        }
      }
      if (rows.isEmpty()) {
        // the same code before a change without a lineage row (a rename)
        OrgUnit.<OrgUnit>find("code = ?1 and validTo = ?2", v.code, v.validFrom.minusDays(1))
            .firstResultOptional()
            .ifPresent(queue::add);
      }
    }
    return List.copyOf(found.values());
  }

  /**
   * Units that came on a day from units never on this system, among some codes: on that day, how
   * many such units and how many predecessors without figures here.
   */
  public record Gap(LocalDate day, int units, int predecessors) {}

  @Transactional
  public List<Gap> gaps(Collection<String> codes) {
    List<Gap> out = new ArrayList<>();
    if (codes.isEmpty()) {
      return out;
    }
    Jdbc.query(
        OrgUnit.getEntityManager(),
        """
        SELECT l.effective_date, count(DISTINCT u.code), count(*)
        FROM org_unit_lineage l JOIN org_unit u ON u.id = l.to_unit_id
        WHERE l.from_unit_id IS NULL AND u.code = ANY (?)
        GROUP BY l.effective_date ORDER BY l.effective_date
        """,
        List.of(List.copyOf(codes)),
        rs -> out.add(new Gap(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getInt(3))));
    return out;
  }

  /** Breadth first along the lineage from a closed version to the versions valid on the day. */
  private static List<OrgUnitSummary> successors(OrgUnit last, LocalDate day) {
    Map<String, OrgUnitSummary> found = new TreeMap<>();
    Set<Long> seen = new HashSet<>();
    Deque<OrgUnit> queue = new ArrayDeque<>(List.of(last));
    while (!queue.isEmpty()) {
      OrgUnit v = queue.poll();
      if (!seen.add(v.id)) {
        continue;
      }
      if (v.validOn(day)) {
        found.put(v.code, OrgUnitSummary.of(v));
        continue;
      }
      if (v.validFrom.isAfter(day)) {
        continue; // a successor of a later day
      }
      List<OrgUnitLineage> next = OrgUnitLineage.successorsOf(v);
      for (OrgUnitLineage l : next) {
        if (l.to != null) {
          queue.add(l.to);
        }
      }
      if (next.isEmpty() && v != last && v.validTo != null) {
        // a version that went on under the same code without a lineage row (a rename)
        OrgUnit.<OrgUnit>find("code = ?1 and validFrom = ?2", v.code, v.validTo.plusDays(1))
            .firstResultOptional()
            .ifPresent(queue::add);
      }
    }
    return List.copyOf(found.values());
  }

  /** Up from a closed version, each parent as it was then, to the first valid on the day. */
  private static Optional<OrgUnitSummary> above(OrgUnit last, LocalDate day) {
    Set<String> seen = new HashSet<>();
    LocalDate then = last.validTo;
    for (String p = last.parentCode; p != null && seen.add(p); ) {
      Optional<OrgUnit> valid = OrgUnit.findValid(p, day);
      if (valid.isPresent()) {
        return valid.map(OrgUnitSummary::of);
      }
      Optional<OrgUnit> parent = OrgUnit.findByCode(p, then);
      if (parent.isEmpty()) {
        return Optional.empty();
      }
      then = parent.get().validTo == null ? then : parent.get().validTo;
      p = parent.get().parentCode;
    }
    return Optional.empty();
  }
}
