package vn.lhpn.kehoach.orgunit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import vn.lhpn.kehoach.orgunit.OrgUnitChangeSet;
import vn.lhpn.kehoach.orgunit.dto.ChangeSetDtos;
import vn.lhpn.kehoach.orgunit.service.ChangeSetPlanner.Plan;
import vn.lhpn.kehoach.orgunit.service.ChangeSetPlanner.Unit;

/**
 * The data closing units hold for the days after a change set closes them (reports, targets: each
 * feature's {@link UnitData}): listed by the dry run with the unit that takes it over, moved by the
 * apply where the lineage gives one unit (docs/adr/0010).
 */
@ApplicationScoped
class ClosedUnitData {
  private final Instance<UnitData> unitData;

  ClosedUnitData(Instance<UnitData> unitData) {
    this.unitData = unitData;
  }

  /** What closing units hold for the days after they close, with the unit that takes it over. */
  List<ChangeSetDtos.Held> held(Plan plan) {
    Map<String, Unit> closing = new LinkedHashMap<>();
    plan.steps().stream()
        .filter(s -> s.before() != null)
        .forEach(s -> closing.put(s.code(), s.before()));
    Map<String, Set<String>> successors = new HashMap<>();
    for (ChangeSetPlanner.Link l : plan.lineage()) {
      if (l.known()) {
        Set<String> next = successors.computeIfAbsent(l.oldCode(), k -> new TreeSet<>());
        if (l.newCode() != null) {
          next.add(l.newCode());
        }
      }
    }
    List<ChangeSetDtos.Held> out = new ArrayList<>();
    for (UnitData data : unitData) {
      for (UnitData.Held h : data.after(closing.keySet(), plan.effectiveDate())) {
        Set<String> next = successors.getOrDefault(h.unitCode(), Set.of(h.unitCode()));
        out.add(
            new ChangeSetDtos.Held(
                h.unitCode(),
                closing.get(h.unitCode()).name(),
                h.kind(),
                h.count(),
                h.first(),
                next.size() == 1 ? next.iterator().next() : null,
                null));
      }
    }
    return out;
  }

  /**
   * Moves what closing units hold after the day to their one-to-one successors (a unit continuing
   * under its own code keeps it); the rest is left where it is, listed for a decision. One
   * statement per kind of data for the whole set (a country's reform closes 11 000 units); one per
   * unit only when a successor is itself a closing unit of the set, where the order matters.
   */
  List<ChangeSetDtos.Held> move(Plan plan, OrgUnitChangeSet set, List<ChangeSetDtos.Held> held) {
    Map<String, List<UnitData.Move>> byKind = new LinkedHashMap<>();
    for (ChangeSetDtos.Held h : held) {
      if (h.successor() != null && !h.successor().equals(h.unitCode())) {
        Unit next = plan.after().get(h.successor());
        String reason =
            "Đợt thay đổi đơn vị ngày "
                + set.effectiveDate
                + ": "
                + h.unitName()
                + " ("
                + h.unitCode()
                + ") → "
                + (next == null ? h.successor() : next.name() + " (" + h.successor() + ")");
        byKind
            .computeIfAbsent(h.kind(), k -> new ArrayList<>())
            .add(
                new UnitData.Move(
                    h.unitCode(), h.successor(), next == null ? null : next.parentCode(), reason));
      }
    }
    Map<String, Map<String, Integer>> moved = new HashMap<>();
    for (UnitData data : unitData) {
      List<UnitData.Move> moves = byKind.getOrDefault(data.kind(), List.of());
      Set<String> from = moves.stream().map(UnitData.Move::from).collect(Collectors.toSet());
      if (moves.stream().noneMatch(m -> from.contains(m.to()))) {
        moved.put(data.kind(), data.moveAll(moves, set.effectiveDate, set.appliedBy));
      } else {
        Map<String, Integer> counts = new HashMap<>();
        for (UnitData.Move m : moves) {
          counts.put(
              m.from(),
              data.move(
                  m.from(), m.to(), m.toParent(), set.effectiveDate, set.appliedBy, m.reason()));
        }
        moved.put(data.kind(), counts);
      }
    }
    return held.stream()
        .map(h -> h.movedBy(moved.getOrDefault(h.kind(), Map.of()).getOrDefault(h.unitCode(), 0)))
        .toList();
  }
}
