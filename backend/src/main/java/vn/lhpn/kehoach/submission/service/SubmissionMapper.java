package vn.lhpn.kehoach.submission.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import vn.lhpn.kehoach.allocation.service.UnitTargets;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.plan.ItemKind;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanRules;
import vn.lhpn.kehoach.plan.service.PlanOutlines;
import vn.lhpn.kehoach.submission.Submission;
import vn.lhpn.kehoach.submission.SubmissionEvent;
import vn.lhpn.kehoach.submission.dto.SubmissionDtos;

/** Reports to their API shape: the one place that knows both. */
@ApplicationScoped
public class SubmissionMapper {
  private final UnitLookup units;
  private final SubmissionPolicy policy;
  private final PlanOutlines outlines;
  private final EntityManager em;

  SubmissionMapper(
      UnitLookup units, SubmissionPolicy policy, PlanOutlines outlines, EntityManager em) {
    this.units = units;
    this.policy = policy;
    this.outlines = outlines;
    this.em = em;
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

  /** A report's values in the plan's order, as rows ({@link ReportValues}). */
  private List<SubmissionDtos.Value> values(Submission s, boolean remarks) {
    List<SubmissionDtos.Value> values = new ArrayList<>();
    ReportValues.inPlanOrder(outlines.of(s.period.plan), ReportValues.of(em, s.id))
        .values()
        .forEach(v -> values.add(v.toDto(remarks)));
    return values;
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
      UnitTargets.Entry e, PlanItem item, ReportValues.Row v, boolean remarks) {
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
        v == null ? null : v.toDto(remarks));
  }
}
