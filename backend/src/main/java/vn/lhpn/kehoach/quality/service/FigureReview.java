package vn.lhpn.kehoach.quality.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.Paging;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.orgunit.service.OrgUnitTree;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.service.PlanOutlines;
import vn.lhpn.kehoach.plan.service.PlanPolicy;
import vn.lhpn.kehoach.quality.dto.FigureDtos;
import vn.lhpn.kehoach.security.Access;
import vn.lhpn.kehoach.submission.Submission;
import vn.lhpn.kehoach.submission.service.SubmissionLookups;
import vn.lhpn.kehoach.submission.service.SubmissionPolicy;
import vn.lhpn.kehoach.submission.service.Workflow.Action;

/**
 * What people do with flags: a report's flagged values (whoever reads the report: the reviewer
 * before deciding, the unit after a return), a reviewer's "checked" with a note, and the list of a
 * year's flagged values in a unit's subtree, to clean the figures before the term is locked.
 */
@ApplicationScoped
public class FigureReview {
  private final FigureFlags flags;
  private final SubmissionLookups lookups;
  private final SubmissionPolicy policy;
  private final PlanPolicy plans;
  private final PlanOutlines outlines;
  private final OrgUnitTree tree;
  private final Access access;
  private final EntityManager em;
  private final Clock clock;

  FigureReview(
      FigureFlags flags,
      SubmissionLookups lookups,
      SubmissionPolicy policy,
      PlanPolicy plans,
      PlanOutlines outlines,
      OrgUnitTree tree,
      Access access,
      EntityManager em,
      Clock clock) {
    this.flags = flags;
    this.lookups = lookups;
    this.policy = policy;
    this.plans = plans;
    this.outlines = outlines;
    this.tree = tree;
    this.access = access;
    this.em = em;
    this.clock = clock;
  }

  @Transactional
  public FigureDtos.SubmissionFlags of(long id) {
    return of(lookups.visible(id, false));
  }

  private FigureDtos.SubmissionFlags of(Submission s) {
    Map<Long, Integer> positions = outlines.of(s.period.plan).positions();
    List<FigureDtos.Value> values =
        flags
            .find(
                s.period.plan,
                s.period.year,
                Set.of(s.unitCode),
                s.period.id,
                s.id,
                policy.mayReadRemarks())
            .stream()
            .sorted(
                Comparator.comparingInt(
                    f -> positions.getOrDefault(f.item().id(), Integer.MAX_VALUE)))
            .map(FigureFlags.Found::value)
            .toList();
    return new FigureDtos.SubmissionFlags(s.id, s.version, mayCheck(s), values);
  }

  /** A reviewer of the unit, on a report sent up and not returned. */
  private boolean mayCheck(Submission s) {
    return s.state != Submission.State.draft && policy.mayDo(s, Action.RETURN);
  }

  /** Marks a flagged value as checked, with a note; If-Match the report's version read. */
  @Transactional
  public FigureDtos.SubmissionFlags check(long id, String key, long expected, String note) {
    Submission s = lookups.visible(id, true);
    if (!policy.mayDo(s, Action.RETURN)) {
      throw Access.forbidden(Message.of("forbidden.figure-check"));
    }
    Etags.check(expected, s.version);
    if (s.state == Submission.State.draft) {
      throw new ApiException(ProblemType.CONFLICT, Message.of("flags.report-with-unit"))
          .withState(s.displayState(), policy.allowed(s));
    }
    var item =
        outlines
            .of(s.period.plan)
            .item(key)
            .orElseThrow(
                () ->
                    new ApiException(
                        ProblemType.NOT_FOUND, Message.of("item.not-found", "item", key)));
    FigureFlags.Found found =
        flags
            .find(s.period.plan, s.period.year, Set.of(s.unitCode), s.period.id, s.id, true)
            .stream()
            .filter(f -> f.item().id() == item.id())
            .findFirst()
            .orElseThrow(
                () ->
                    new ApiException(
                        ProblemType.CONFLICT, Message.of("flags.not-flagged", "item", key)));
    em.createNativeQuery(
            "INSERT INTO figure_check (submission_id, plan_item_id, number, note, checked_by,"
                + " checked_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, s.id)
        .setParameter(2, item.id())
        .setParameter(3, found.sent().value())
        .setParameter(4, note.strip())
        .setParameter(5, access.username())
        .setParameter(6, ClockProducer.now(clock))
        .executeUpdate();
    return of(s);
  }

  /**
   * The flagged values of a plan's year in a unit's subtree (the caller's unit when none), in the
   * order unit, period, plan; {@code open} only those not checked (or changed since).
   */
  @Transactional
  public FigureDtos.Listing list(
      String planId, Integer year, String unitCode, boolean open, Paging paging) {
    Plan plan = plans.readable(planId);
    if (year == null || year < plan.firstYear || year > plan.lastYear) {
      throw ApiException.invalid(
          "year", Message.of("plan.a-year", "first", plan.firstYear, "last", plan.lastYear));
    }
    String unit =
        unitCode == null || unitCode.isBlank()
            ? access.unitCode()
            : access.requireInScope(unitCode.strip(), "unit");
    if (tree.standingOn(java.time.LocalDate.now(clock))
        .apply(unit)
        .map(st -> st.tier() < 1)
        .orElse(false)) {
      throw ApiException.invalid("unit", Message.of("flags.province-or-below"));
    }
    List<FigureFlags.Found> found =
        new ArrayList<>(
            flags.find(plan, year, tree.subtreeCodes(unit), null, null, policy.mayReadRemarks()));
    Map<Long, Integer> positions = outlines.of(plan).positions();
    found.sort(
        Comparator.comparing((FigureFlags.Found f) -> f.sent().unit())
            .thenComparing(f -> f.sent().periodCode())
            .thenComparingInt(f -> positions.getOrDefault(f.item().id(), Integer.MAX_VALUE)));
    long openCount =
        found.stream().filter(f -> f.value().check() == null || !f.value().check().holds()).count();
    List<FigureFlags.Found> shown =
        open
            ? found.stream()
                .filter(f -> f.value().check() == null || !f.value().check().holds())
                .toList()
            : found;
    List<FigureFlags.Found> page =
        shown.subList(
            Math.min(paging.offset(), shown.size()),
            Math.min(paging.offset() + paging.size(), shown.size()));
    Map<String, String> names = tree.latestNames(page.stream().map(f -> f.sent().unit()).toList());
    return new FigureDtos.Listing(
        page.stream()
            .map(
                f ->
                    new FigureDtos.Listed(
                        f.sent().submission(),
                        f.sent().unit(),
                        names.getOrDefault(f.sent().unit(), f.sent().unit()),
                        f.sent().periodCode(),
                        f.sent().returned() ? "returned" : f.sent().state(),
                        f.value()))
            .toList(),
        paging.page(),
        paging.size(),
        shown.size(),
        openCount);
  }
}
