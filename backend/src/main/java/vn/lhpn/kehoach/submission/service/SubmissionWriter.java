package vn.lhpn.kehoach.submission.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import vn.lhpn.kehoach.allocation.service.UnitTargets;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.service.PlanOutlines;
import vn.lhpn.kehoach.security.Access;
import vn.lhpn.kehoach.submission.Submission;
import vn.lhpn.kehoach.submission.SubmissionChanged;
import vn.lhpn.kehoach.submission.SubmissionEvent;
import vn.lhpn.kehoach.submission.SubmissionValue;
import vn.lhpn.kehoach.submission.dto.SubmissionDtos;
import vn.lhpn.kehoach.submission.service.Workflow.Action;

/**
 * The one class that changes a report: its values and its state, each change with a line in the
 * append-only history. Callers have checked permission, version, workflow and input first.
 */
@ApplicationScoped
public class SubmissionWriter {
  private final Access access;
  private final Clock clock;
  private final Event<SubmissionChanged> changed;
  private final PlanOutlines outlines;
  private final EntityManager em;

  SubmissionWriter(
      Access access,
      Clock clock,
      Event<SubmissionChanged> changed,
      PlanOutlines outlines,
      EntityManager em) {
    this.access = access;
    this.clock = clock;
    this.changed = changed;
    this.outlines = outlines;
    this.em = em;
  }

  public OffsetDateTime now() {
    return ClockProducer.now(clock);
  }

  /** Who is making the change. */
  public String actor() {
    return access.username();
  }

  /** Writes validated values; returns how many changed (the caller decides what that means). */
  public int applyValues(
      Submission s,
      List<SubmissionDtos.ValueInput> inputs,
      Map<String, UnitTargets.Entry> entries) {
    if (inputs.isEmpty()) {
      return 0;
    }
    Map<Long, SubmissionValue> existing =
        SubmissionValue.of(s).stream().collect(Collectors.toMap(v -> v.item.id, v -> v));
    int changed = 0;
    for (SubmissionDtos.ValueInput in : inputs) {
      long itemId = entries.get(in.item()).item().id();
      // a reference: the item's id is all a value and its history line need of it
      PlanItem item = em.getReference(PlanItem.class, itemId);
      SubmissionValue v = existing.get(itemId);
      Map<String, Object> before = v == null ? null : v.asMap();
      BigDecimal number = in.number() == null ? null : in.number().stripTrailingZeros();
      SubmissionValue.Status status =
          in.status() == null ? null : SubmissionValue.Status.valueOf(in.status());
      String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
      List<String> evidence =
          in.evidence() == null ? List.of() : in.evidence().stream().map(String::strip).toList();
      if (v != null
          && sameNumber(v.number, number)
          && v.status == status
          && Objects.equals(v.note, note)
          && v.evidence.equals(evidence)) {
        continue;
      }
      if (v == null) {
        v = new SubmissionValue();
        v.submission = s;
        v.item = item;
      }
      v.number = number;
      v.status = status;
      v.note = note;
      v.evidence = new ArrayList<>(evidence);
      v.updatedBy = access.username();
      if (v.id == null) {
        v.persist();
      }
      event(s, "value", item, null, null, null, before, v.asMap(), null);
      changed++;
    }
    return changed;
  }

  /**
   * Takes a workflow step the caller was allowed to take: the state {@link Workflow#next} gives,
   * who and when, the reason, and on approval a snapshot of the values (for the diff).
   */
  public void move(Submission s, Action action, String reason) {
    String from = s.displayState();
    OffsetDateTime now = now();
    Map<String, Map<String, Object>> snapshot = null;
    Submission.State to =
        Workflow.next(s.state, action)
            .orElseThrow(() -> new IllegalStateException(action + " from " + s.state));
    switch (action) {
      case SUBMIT -> {
        s.returned = false;
        s.returnReason = null;
        s.submittedAt = now;
        s.submittedBy = access.username();
        reason = null;
      }
      case APPROVE -> {
        s.reviewedAt = now;
        s.reviewedBy = access.username();
        snapshot = snapshot(s);
        reason = null;
      }
      case RETURN, REOPEN -> {
        s.returned = true;
        s.returnReason = reason;
        s.reviewedAt = now;
        s.reviewedBy = access.username();
      }
      case EDIT -> throw new IllegalArgumentException("not a transition");
    }
    s.state = to;
    s.updatedAt = now;
    event(s, action.code, null, from, s.displayState(), reason, null, null, snapshot);
    changed.fire(new SubmissionChanged(s.period.plan.id, s.unitCode, s.period.year));
  }

  /** The values as approved, by item key in the plan's order. */
  private Map<String, Map<String, Object>> snapshot(Submission s) {
    Map<String, Map<String, Object>> snapshot = new LinkedHashMap<>();
    ReportValues.inPlanOrder(outlines.of(s.period.plan), ReportValues.of(em, s.id))
        .forEach((key, v) -> snapshot.put(key, v.asMap()));
    return snapshot;
  }

  /** A line of history; nobody changes or deletes it (a trigger refuses both). */
  public void event(
      Submission s,
      String kind,
      PlanItem item,
      String from,
      String to,
      String reason,
      Map<String, Object> before,
      Map<String, Object> after,
      Map<String, Map<String, Object>> snapshot) {
    SubmissionEvent e = new SubmissionEvent();
    e.snapshot = snapshot;
    e.submission = s;
    e.at = now();
    e.actor = access.username();
    e.kind = kind;
    e.item = item;
    e.fromState = from;
    e.toState = to;
    e.reason = reason;
    e.before = before;
    e.after = after;
    e.persist();
  }

  private static boolean sameNumber(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }
}
