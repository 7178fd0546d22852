package vn.lhpn.kehoach.submission.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.lhpn.kehoach.allocation.service.UnitTargets;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.service.PlanPolicy;
import vn.lhpn.kehoach.security.Access;
import vn.lhpn.kehoach.submission.Submission;

/**
 * Finds what a report request names, as the caller may see it: the plan, the period, the unit, the
 * report by id (locked when it is to change). Anything the caller may not see is 404, exactly like
 * what does not exist.
 */
@ApplicationScoped
public class SubmissionLookups {
  private final Access access;
  private final PlanPolicy plans;
  private final UnitLookup units;
  private final UnitTargets unitTargets;
  private final EntityManager em;

  SubmissionLookups(
      Access access,
      PlanPolicy plans,
      UnitLookup units,
      UnitTargets unitTargets,
      EntityManager em) {
    this.access = access;
    this.plans = plans;
    this.units = units;
    this.unitTargets = unitTargets;
    this.em = em;
  }

  public Plan plan(String planId) {
    return plans.readable(planId);
  }

  public static Period period(Plan plan, String code) {
    if (code == null || code.isBlank()) {
      throw ApiException.invalid("period", Message.of("required"));
    }
    return Period.find(plan, code.strip())
        .orElseThrow(
            () ->
                new ApiException(
                    ProblemType.NOT_FOUND,
                    Message.of("period.not-found", "period", code),
                    List.of(new ProblemDetail.FieldError("period", Message.of("not-found")))));
  }

  /** A unit in the caller's scope as it was at the end of a period; 404 naming the field else. */
  public OrgUnit unit(String code, Period period, String field) {
    access.requireInScope(code, field);
    return units
        .find(code, period.endsOn)
        .orElseThrow(
            () ->
                new ApiException(
                    ProblemType.NOT_FOUND,
                    Message.of("unit.not-found", "unit", code),
                    List.of(new ProblemDetail.FieldError(field, Message.of("not-found")))));
  }

  /** A submission the caller may see, locked for update when they mean to change it. */
  public Submission visible(long id, boolean lock) {
    Submission s = lock ? locked(id) : Submission.findById(id);
    if (s == null || !access.inScope(s.unitCode)) {
      throw new ApiException(ProblemType.NOT_FOUND, Message.of("submission.not-found", "id", id));
    }
    plans.requireReader(s.period.plan);
    return s;
  }

  /**
   * The submissions of a bulk review the caller may see, locked in id order (so two bulk reviews
   * never deadlock); ids out of scope are never locked and come back as null.
   */
  public Map<Long, Submission> visibleLocked(List<Long> ids) {
    // Only ids and units are read here: no entity is loaded before its lock.
    List<Long> inScope =
        em
            .createQuery(
                "select s.id, s.unitCode from Submission s where s.id in :ids", Object[].class)
            .setParameter("ids", ids)
            .getResultList()
            .stream()
            .filter(row -> access.inScope((String) row[1]))
            .map(row -> (Long) row[0])
            .sorted()
            .toList();
    Map<Long, Submission> out = new LinkedHashMap<>();
    for (long id : inScope) {
      Submission s = locked(id);
      if (s != null && access.inScope(s.unitCode)) {
        out.put(id, s);
      }
    }
    return out;
  }

  /** Every leaf of the plan for the unit's year, by item key, in the plan's order. */
  public Map<String, UnitTargets.Entry> entries(Plan plan, Period period, OrgUnit unit) {
    return unitTargets.of(plan, period.year, unit).stream()
        .collect(
            Collectors.toMap(
                e -> e.item().key(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  private Submission locked(long id) {
    return em.find(Submission.class, id, LockModeType.PESSIMISTIC_WRITE);
  }
}
