package vn.lhpn.kehoach.submission.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.lhpn.kehoach.allocation.service.UnitTargets;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.security.Access;
import vn.lhpn.kehoach.submission.Submission;
import vn.lhpn.kehoach.submission.dto.SubmissionDtos;

/**
 * A reviewer's queue: per period, how the units they review stand (waiting, approved, returned,
 * being entered, not started, late), and the units of one period.
 */
@ApplicationScoped
public class ReviewQueue {
  private final Access access;
  private final SubmissionLookups lookups;
  private final SubmissionPolicy policy;
  private final Clock clock;
  private final EntityManager em;

  ReviewQueue(
      Access access,
      SubmissionLookups lookups,
      SubmissionPolicy policy,
      Clock clock,
      EntityManager em) {
    this.access = access;
    this.lookups = lookups;
    this.policy = policy;
    this.clock = clock;
    this.em = em;
  }

  @Transactional
  public SubmissionDtos.Queue queue(String planId, String periodCode) {
    policy.requireReviewer();
    Plan plan = lookups.plan(planId);
    String reviewer = access.unitCode();
    Period chosen = periodCode == null ? null : SubmissionLookups.period(plan, periodCode);
    List<SubmissionDtos.QueuePeriod> counts = new ArrayList<>();
    Map<Period, List<OrgUnit>> unitsOf = new HashMap<>();
    Period firstWaiting = null;
    Period lastOpen = null;
    for (Period p : Period.<Period>list("plan = ?1 order by year, kind, number", plan)) {
      unitsOf.put(p, reviewed(reviewer, p));
      List<SubmissionDtos.QueueUnit> rows = rows(p, unitsOf.get(p), false);
      Map<String, Long> by =
          rows.stream()
              .collect(
                  Collectors.groupingBy(SubmissionDtos.QueueUnit::state, Collectors.counting()));
      long waiting = by.getOrDefault("submitted", 0L);
      counts.add(
          new SubmissionDtos.QueuePeriod(
              p.code,
              p.dueOn,
              p.state.name(),
              rows.size(),
              (int) waiting,
              by.getOrDefault("approved", 0L).intValue(),
              by.getOrDefault("returned", 0L).intValue(),
              by.getOrDefault("draft", 0L).intValue(),
              by.getOrDefault("none", 0L).intValue()));
      if (waiting > 0 && firstWaiting == null) {
        firstWaiting = p;
      }
      if (p.state == Period.State.open) {
        lastOpen = p;
      }
    }
    if (chosen == null) {
      chosen = firstWaiting != null ? firstWaiting : lastOpen;
    }
    return new SubmissionDtos.Queue(
        plan.code,
        reviewer,
        counts,
        chosen == null ? null : chosen.code,
        chosen == null ? List.of() : rows(chosen, unitsOf.get(chosen), true));
  }

  /** The units of a period and their reports; with how much each entered, when asked. */
  private List<SubmissionDtos.QueueUnit> rows(Period p, List<OrgUnit> units, boolean counts) {
    Map<String, Submission> subs =
        units.isEmpty()
            ? Map.of()
            : Submission.<Submission>list(
                    "period = ?1 and unitCode in ?2", p, units.stream().map(u -> u.code).toList())
                .stream()
                .collect(Collectors.toMap(s -> s.unitCode, Function.identity()));
    List<SubmissionDtos.QueueUnit> rows = new ArrayList<>();
    for (OrgUnit u : units) {
      Submission s = subs.get(u.code);
      rows.add(
          new SubmissionDtos.QueueUnit(
              u.code,
              u.name,
              s == null ? "none" : s.displayState(),
              s == null ? null : s.id,
              s == null ? null : s.version,
              s == null ? null : s.submittedAt,
              late(p, s),
              counts ? filled(s) : null,
              counts ? applicable(p, u) : null));
    }
    return rows;
  }

  private int filled(Submission s) {
    if (s == null) {
      return 0;
    }
    return (int) ReportValues.of(em, s.id).stream().filter(ReportValues.Row::filled).count();
  }

  private int applicable(Period p, OrgUnit unit) {
    return (int)
        lookups.entries(p.plan, p, unit).values().stream()
            .filter(UnitTargets.Entry::applies)
            .count();
  }

  /**
   * The units whose reports a reviewer unit reviews in a period: the units just below it during the
   * period, and itself first when it is the top.
   */
  private static List<OrgUnit> reviewed(String reviewer, Period p) {
    List<OrgUnit> out = new ArrayList<>();
    OrgUnit.findValid(reviewer, p.endsOn).filter(u -> u.parentCode == null).ifPresent(out::add);
    out.addAll(OrgUnit.childrenDuring(reviewer, p.startsOn, p.endsOn));
    return out;
  }

  /** Submitted after the due date (the whole due day counts, in the union's time zone). */
  private boolean late(Period p, Submission s) {
    return p.late(s == null ? null : s.submittedAt, clock.getZone(), OffsetDateTime.now(clock));
  }
}
