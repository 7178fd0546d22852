package vn.lhpn.kehoach.orgunit.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitType;
import vn.lhpn.kehoach.orgunit.service.ChangeSetPlanner.Plan;
import vn.lhpn.kehoach.orgunit.service.ChangeSetPlanner.Unit;

/**
 * Plans a change set against the units in the database ({@link ChangeSetPlanner}) and writes a plan
 * that has no problem: the old versions end the day before, the new ones start on the day, each
 * lineage row links them (a predecessor that never was on the system keeps its code and name).
 * Nothing is deleted: every earlier day still reads its own map. Reported results stay with the
 * version that reported them; the lineage lets totals be carried across.
 */
@ApplicationScoped
public class OrgUnitChangeApplier {
  private final UnitVersionsWriter versions;

  OrgUnitChangeApplier(UnitVersionsWriter versions) {
    this.versions = versions;
  }

  /** What applying changes did. */
  public record Result(int applied, int skipped, int opened, int closed) {}

  /**
   * The plan of one date's change set against the units as they are in the database. A set that
   * touches a unit changed again on or after its date is refused: sets apply in date order, and a
   * set applied twice finds its own change there.
   */
  public Plan plan(LocalDate day, List<OrgUnitChange> rows, Collection<Unit> state) {
    LocalDate eve = day.minusDays(1);
    Map<String, Unit> before = new HashMap<>();
    Set<String> retired = new HashSet<>();
    Map<String, LocalDate> changedLater = new HashMap<>();
    // every version as plain values: no unit entity is loaded (and dirty-checked at the flushes
    // of the write) for the planning of a national map
    List<Object[]> versions =
        OrgUnit.getEntityManager()
            .createQuery(
                "select u.code, u.name, u.type, u.parentCode, u.level, u.validFrom, u.validTo"
                    + " from OrgUnit u",
                Object[].class)
            .getResultList();
    for (Object[] v : versions) {
      String code = (String) v[0];
      LocalDate from = (LocalDate) v[5];
      LocalDate to = (LocalDate) v[6];
      if (!from.isAfter(eve) && (to == null || !to.isBefore(eve))) {
        before.put(
            code,
            new Unit(
                code,
                (String) v[1],
                (OrgUnitType) v[2],
                (String) v[3],
                ((Number) v[4]).intValue()));
      } else if (!from.isAfter(eve)) {
        retired.add(code);
      }
      LocalDate later =
          !from.isBefore(day) ? from : to != null && !to.isBefore(day) ? to.plusDays(1) : null;
      if (later != null) {
        changedLater.merge(code, later, (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    retired.removeAll(before.keySet());
    Plan plan = ChangeSetPlanner.plan(day, before, rows, state, retired);
    List<ChangeSetProblem> problems = new ArrayList<>();
    for (ChangeSetPlanner.Step step : plan.steps()) {
      LocalDate later = changedLater.get(step.code());
      if (later != null) {
        problems.add(
            new ChangeSetProblem(
                ChangeSetProblem.Kind.OUT_OF_ORDER,
                step.code(),
                Message.of(
                    later.equals(day) ? "change-set.already-applied" : "change-set.out-of-order",
                    "code",
                    step.code(),
                    "later",
                    later)));
      }
    }
    if (problems.isEmpty()) {
      return plan;
    }
    problems.addAll(plan.problems());
    return new Plan(
        plan.effectiveDate(),
        plan.steps(),
        plan.lineage(),
        plan.outside(),
        List.copyOf(problems),
        plan.after());
  }

  /**
   * Writes a plan without problems; returns the counts. Lineage rows whose new unit the plan does
   * not open (a change inside a province that never was on the system) are not kept.
   */
  public Result write(Plan plan, Long changeSetId) {
    if (!plan.applicable()) {
      throw new IllegalStateException("a plan with problems: " + plan.problems());
    }
    LocalDate day = plan.effectiveDate();
    List<String> closing = new ArrayList<>();
    List<Unit> opening = new ArrayList<>();
    for (ChangeSetPlanner.Step step : plan.steps()) {
      if (step.before() != null) {
        closing.add(step.code());
      }
      if (step.after() != null) {
        opening.add(step.after());
      }
    }
    // the old versions end before the new ones start (a code may be in both: a renamed unit)
    Map<String, Long> closed = versions.close(closing, day.minusDays(1));
    Map<String, Long> opened = versions.open(opening, day);
    List<UnitVersionsWriter.Edge> edges = new ArrayList<>();
    int skipped = 0;
    for (ChangeSetPlanner.Link link : plan.lineage()) {
      Long to = link.newCode() == null ? null : opened.get(link.newCode());
      Long from = link.known() ? closed.get(link.oldCode()) : null;
      if ((link.newCode() != null && to == null) || (link.newCode() == null && from == null)) {
        skipped++; // nothing of it is on the system
        continue;
      }
      edges.add(
          new UnitVersionsWriter.Edge(
              link.change().code(), from, link.oldCode(), link.oldName(), to, link.confirmed()));
    }
    int applied = versions.link(edges, day, changeSetId);
    return new Result(applied, skipped, opened.size(), closed.size());
  }

  /**
   * Applies lineage rows date by date, each date against the state of the day before (the first
   * start's seed: no list of units, so only changes the lineage can place). A date with a problem
   * stops the load with the problems.
   */
  public Result apply(List<OrgUnitChange> changes) {
    return apply(changes, Map.of());
  }

  /** As {@link #apply(List)}, with the list of units of the new state where a date has one. */
  public Result apply(List<OrgUnitChange> changes, Map<LocalDate, List<Unit>> states) {
    Map<LocalDate, List<OrgUnitChange>> byDate =
        changes.stream()
            .collect(
                Collectors.groupingBy(
                    OrgUnitChange::effectiveDate, TreeMap::new, Collectors.toList()));
    int applied = 0;
    int skipped = 0;
    int opened = 0;
    int closed = 0;
    for (var day : byDate.entrySet()) {
      Plan plan = plan(day.getKey(), day.getValue(), states.getOrDefault(day.getKey(), List.of()));
      if (!plan.applicable()) {
        throw new IllegalStateException(
            "the changes of " + day.getKey() + " cannot be applied: " + plan.problems());
      }
      Result r = write(plan, null);
      applied += r.applied();
      skipped += r.skipped();
      opened += r.opened();
      closed += r.closed();
    }
    return new Result(applied, skipped, opened, closed);
  }
}
