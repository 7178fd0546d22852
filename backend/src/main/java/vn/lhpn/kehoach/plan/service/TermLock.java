package vn.lhpn.kehoach.plan.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.common.Times;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.dto.PlanDtos;
import vn.lhpn.kehoach.security.Access;

/**
 * The term's figures locked (khóa số liệu, docs/adr/0016) by the province's planner once the final
 * reports are approved, and reopened only with a reason; every lock and reopening kept. What a lock
 * forbids is enforced by the database (V26), so no write path can forget it.
 */
@ApplicationScoped
public class TermLock {
  private final EntityManager em;
  private final PlanPolicy policy;
  private final Access access;
  private final Clock clock;

  TermLock(EntityManager em, PlanPolicy policy, Access access, Clock clock) {
    this.em = em;
    this.policy = policy;
    this.access = access;
    this.clock = clock;
  }

  @Transactional
  public List<PlanDtos.LockEvent> history(String planId) {
    Plan plan = policy.readable(planId);
    List<PlanDtos.LockEvent> out = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT action, reason, actor, at FROM plan_lock_event WHERE plan_id = ?1"
                    + " ORDER BY id DESC")
            .setParameter(1, plan.id)
            .getResultList()) {
      Object[] r = (Object[]) row;
      out.add(new PlanDtos.LockEvent((String) r[0], (String) r[1], (String) r[2], Times.utc(r[3])));
    }
    return out;
  }

  /** Locks the term: refused while reports wait for review (approve or return them first). */
  @Transactional
  public Plan lock(String planId, long expected, String reason) {
    Plan plan = locked(planId, expected, PlanPolicy.LOCK);
    Number waiting =
        (Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM submission s JOIN period p ON p.id = s.period_id"
                        + " WHERE p.plan_id = ?1 AND s.state = 'submitted'")
                .setParameter(1, plan.id)
                .getSingleResult();
    if (waiting.longValue() > 0) {
      throw new ApiException(
          ProblemType.CONFLICT, Message.of("term.reports-waiting", "count", waiting));
    }
    OffsetDateTime now = ClockProducer.now(clock);
    plan.lockedAt = now;
    plan.lockedBy = access.username();
    plan.lockReason = blank(reason);
    plan.status = Plan.Status.closed;
    event(plan, "lock", plan.lockReason, now);
    return plan;
  }

  /** Reopens a locked term, with the reason (required). */
  @Transactional
  public Plan reopen(String planId, long expected, String reason) {
    if (blank(reason) == null) {
      throw ApiException.invalid("reason", Message.of("required"));
    }
    Plan plan = locked(planId, expected, PlanPolicy.UNLOCK);
    plan.lockedAt = null;
    plan.lockedBy = null;
    plan.lockReason = null;
    plan.status = Plan.Status.active;
    event(plan, "unlock", reason.strip(), ClockProducer.now(clock));
    return plan;
  }

  /** The plan, locked for the change, if the caller may take this step now (409 if not now). */
  private Plan locked(String planId, long expected, String step) {
    Plan plan = policy.readable(planId);
    em.lock(plan, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(plan);
    if (!access.isProvincePlanner() || !access.isPlannerOf(plan.ownerUnitCode)) {
      throw Access.forbidden(Message.of("forbidden.plan.lock"));
    }
    Etags.check(expected, plan.version);
    if (!policy.allowed(plan).contains(step)) {
      throw new ApiException(
          ProblemType.CONFLICT,
          Message.of(step.equals(PlanPolicy.LOCK) ? "term.already-locked" : "term.not-locked"));
    }
    return plan;
  }

  private void event(Plan plan, String action, String reason, OffsetDateTime at) {
    em.createNativeQuery(
            "INSERT INTO plan_lock_event (plan_id, action, reason, actor, at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, plan.id)
        .setParameter(2, action)
        .setParameter(3, reason)
        .setParameter(4, access.username())
        .setParameter(5, at)
        .executeUpdate();
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
