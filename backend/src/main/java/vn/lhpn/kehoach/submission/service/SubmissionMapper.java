package vn.lhpn.kehoach.submission.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lhpn.kehoach.allocation.service.UnitTargets;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.plan.ItemKind;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.plan.PlanRules;
import vn.lhpn.kehoach.plan.service.PlanOutlines;
import vn.lhpn.kehoach.submission.Submission;
import vn.lhpn.kehoach.submission.SubmissionEvent;
import vn.lhpn.kehoach.submission.SubmissionValue;
import vn.lhpn.kehoach.submission.dto.SubmissionDtos;

/** Reports to their API shape: the one place that knows both. */
@ApplicationScoped
public class SubmissionMapper {
  private final UnitLookup units;
  private final SubmissionPolicy policy;
  private final PlanOutlines outlines;

  SubmissionMapper(UnitLookup units, SubmissionPolicy policy, PlanOutlines outlines) {
    this.units = units;
    this.policy = policy;
    this.outlines = outlines;
  }

  /** The API shape, with what the caller may do with it; with values only when asked. */
  public SubmissionDtos.Submission toDto(Submission s, boolean withValues) {
    OrgUnit unit = units.find(s.unitCode, s.period.endsOn).orElse(null);
    boolean remarks = policy.mayReadRemarks();
    List<SubmissionDtos.Value> values = withValues ? values(s, remarks) : null;
    return new SubmissionDtos.Submission(
        s.id,
        s.period.plan.code,
        s.period.code,
        s.unitCode,
        unit == null ? null : unit.name,
        s.displayState(),
        s.state == Submission.State.draft && remarks ? s.returnReason : null,
        remarks ? s.createdBy : null,
        s.submittedAt,
        remarks ? s.submittedBy : null,
        s.reviewedAt,
        remarks ? s.reviewedBy : null,
        s.version,
        s.updatedAt,
        policy.allowed(s),
        values,
        s.imported);
  }

  /** A report's values in the plan's order, with their item keys ({@link #inPlanOrder}). */
  private List<SubmissionDtos.Value> values(Submission s, boolean remarks) {
    List<SubmissionDtos.Value> values = new ArrayList<>();
    inPlanOrder(outlines.of(s.period.plan), SubmissionValue.readOnlyOf(s))
        .forEach((key, v) -> values.add(valueDto(v, key, remarks)));
    return values;
  }

  /**
   * Values by item key in the plan's order, keys and order from the plan's outline: no item entity
   * is loaded (and then dirty-checked at every flush) for a key and a place. A value of an item the
   * outline does not list (the plan changed under it) falls back to the item itself, after the
   * others.
   */
  static Map<String, SubmissionValue> inPlanOrder(
      PlanOutline outline, List<SubmissionValue> values) {
    Map<Long, Integer> positions = outline.positions();
    Map<String, SubmissionValue> keyed = new LinkedHashMap<>();
    values.stream()
        .sorted(
            Comparator.comparingInt(
                (SubmissionValue v) -> positions.getOrDefault(v.item.id, Integer.MAX_VALUE)))
        .forEach(
            v -> {
              Integer at = positions.get(v.item.id);
              keyed.put(at == null ? v.item.key : outline.items().get(at).key(), v);
            });
    return keyed;
  }

  /** A value as a person sees it; without note, evidence and author when {@code remarks} is off. */
  public static SubmissionDtos.Value valueDto(SubmissionValue v, boolean remarks) {
    return valueDto(v, v.item.key, remarks);
  }

  private static SubmissionDtos.Value valueDto(SubmissionValue v, String key, boolean remarks) {
    return new SubmissionDtos.Value(
        key,
        v.number == null ? null : v.number.stripTrailingZeros(),
        v.status == null ? null : v.status.name(),
        remarks ? v.note : null,
        remarks ? List.copyOf(v.evidence) : List.of(),
        v.updatedAt,
        remarks ? v.updatedBy : null);
  }

  public static SubmissionDtos.Event event(SubmissionEvent e) {
    return new SubmissionDtos.Event(
        e.id,
        e.at,
        e.actor,
        e.kind,
        e.item == null ? null : e.item.key,
        e.fromState,
        e.toState,
        e.reason,
        e.before,
        e.after);
  }

  public static SubmissionDtos.PeriodRef periodRef(Period p) {
    return new SubmissionDtos.PeriodRef(p.code, p.kind.name(), p.year, p.dueOn, p.state.name());
  }

  /** A leaf of the report form: where it sits in the plan, its target, and its value if any. */
  public static SubmissionDtos.FormItem formItem(
      UnitTargets.Entry e, SubmissionValue v, boolean remarks) {
    PlanItem item = e.item();
    List<String> groups = new ArrayList<>();
    PlanItem section = null;
    for (PlanItem p = item.parent; p != null; p = p.parent) {
      if (p.kind == ItemKind.SECTION) {
        section = p;
      } else {
        groups.add(0, (p.code == null ? "" : p.code + ". ") + p.title);
      }
    }
    return new SubmissionDtos.FormItem(
        item.key,
        item.code,
        item.title,
        PlanRules.label(item),
        section == null ? null : section.key,
        section == null ? null : section.title,
        groups,
        item.measureType.code(),
        item.measureUnit,
        new SubmissionDtos.Target(e.source(), e.target(), e.required(), e.raw()),
        v == null ? null : valueDto(v, remarks));
  }
}
