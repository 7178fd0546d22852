package vn.lhpn.kehoach.submission.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.allocation.service.UnitTargets;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.submission.Submission;
import vn.lhpn.kehoach.submission.dto.SubmissionDtos;
import vn.lhpn.kehoach.submission.service.Workflow.Action;

/**
 * Changing reports. Every check happens here, in this order: can the caller see the report (404),
 * may they do this to it (403), did they read the current version (412), does the workflow allow it
 * from the current state (409), is the input valid (400).
 */
@ApplicationScoped
public class SubmissionCommands {
  private final SubmissionLookups lookups;
  private final SubmissionPolicy policy;
  private final SubmissionMapper mapper;
  private final SubmissionWriter writer;
  private final EntityManager em;

  SubmissionCommands(
      SubmissionLookups lookups,
      SubmissionPolicy policy,
      SubmissionMapper mapper,
      SubmissionWriter writer,
      EntityManager em) {
    this.lookups = lookups;
    this.policy = policy;
    this.mapper = mapper;
    this.writer = writer;
    this.em = em;
  }

  /** The first save of a unit's report for a period creates it (as a draft). */
  @Transactional
  public SubmissionDtos.Submission create(SubmissionDtos.Create create) {
    Plan plan = lookups.plan(create.planId());
    Period period = SubmissionLookups.period(plan, create.period());
    String code = create.unitCode().strip();
    OrgUnit unit = lookups.unit(code, period, "unitCode");
    policy.requireReporter(code);
    requireOpen(period);
    Submission.of(period, code)
        .ifPresent(
            existing -> {
              throw new ApiException(
                      ProblemType.CONFLICT,
                      Message.of(
                          "submission.exists",
                          "unit",
                          code,
                          "period",
                          period.code,
                          "id",
                          existing.id),
                      List.of(
                          new ProblemDetail.FieldError("unitCode", Message.of("report-exists"))))
                  .withCurrent(mapper.toDto(existing, true), Etags.of(existing.version));
            });
    List<SubmissionDtos.ValueInput> inputs = create.values() == null ? List.of() : create.values();
    Map<String, UnitTargets.Entry> entries = lookups.entries(plan, period, unit);
    ValueValidator.validate(inputs, entries, "values");
    Submission s = new Submission();
    s.period = period;
    s.unitCode = code;
    s.createdBy = writer.actor();
    s.persist();
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw new ApiException(
          ProblemType.CONFLICT,
          Message.of("submission.just-created", "unit", code, "period", period.code),
          List.of(new ProblemDetail.FieldError("unitCode", Message.of("report-exists"))));
    }
    writer.event(s, "create", null, null, Submission.State.draft.name(), null, null, null, null);
    writer.applyValues(s, inputs, entries);
    em.flush();
    return mapper.toDto(s, true);
  }

  /** Saves the listed values in one go; items not listed keep theirs. */
  @Transactional
  public SubmissionDtos.Submission saveValues(
      long id, long expectedVersion, List<SubmissionDtos.ValueInput> inputs) {
    Submission s = lookups.visible(id, true);
    policy.requireReporter(s.unitCode);
    checkVersion(s, expectedVersion);
    requireAllowed(s, Action.EDIT);
    requireOpen(s.period);
    Map<String, UnitTargets.Entry> entries =
        lookups.entries(s.period.plan, s.period, lookups.unit(s.unitCode, s.period, "unitCode"));
    ValueValidator.validate(inputs, entries, "values");
    if (writer.applyValues(s, inputs, entries) > 0) {
      s.updatedAt = writer.now(); // a changed value is a new version of the report
    }
    em.flush();
    return mapper.toDto(s, true);
  }

  @Transactional
  public SubmissionDtos.Submission transition(
      long id, long expectedVersion, Action action, String reason) {
    Submission s = lookups.visible(id, true);
    policy.authorize(s, action);
    checkVersion(s, expectedVersion);
    requireAllowed(s, action);
    if (action == Action.SUBMIT) {
      requireOpen(s.period);
    }
    writer.move(s, action, needsReason(action) ? requireReason(reason) : null);
    em.flush();
    return mapper.toDto(s, true);
  }

  /** Approves or returns several submissions at once: all of them, or none. */
  @Transactional
  public SubmissionDtos.BulkResult bulkReview(SubmissionDtos.BulkReview bulk) {
    Action action =
        switch (bulk.action()) {
          case "approve" -> Action.APPROVE;
          case "return" -> Action.RETURN;
          default ->
              throw ApiException.invalid(
                  "action", Message.of("value.one-of", "options", List.of("approve", "return")));
        };
    List<SubmissionDtos.Ref> refs = bulk.submissions();
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < refs.size(); i++) {
      if (!seen.add(refs.get(i).id())) {
        throw ApiException.invalid("submissions[" + i + "].id", Message.of("duplicate"));
      }
    }
    String reason = action == Action.RETURN ? requireReason(bulk.reason()) : null;
    Map<Long, Submission> locked =
        lookups.visibleLocked(refs.stream().map(SubmissionDtos.Ref::id).toList());
    List<ProblemDetail.FieldError> errors = new ArrayList<>();
    ProblemType worst = null;
    for (int i = 0; i < refs.size(); i++) {
      Submission s = locked.get(refs.get(i).id());
      ProblemDetail.FieldError error = bulkError(s, refs.get(i), action, "submissions[" + i + "]");
      if (error != null) {
        errors.add(error);
        worst = worse(worst, bulkErrorType(s, refs.get(i), action));
      }
    }
    if (worst != null) {
      throw new ApiException(
          worst,
          Message.of(
              action == Action.APPROVE ? "bulk.not-approved" : "bulk.not-returned",
              "count",
              errors.size()),
          errors);
    }
    List<Submission> moved = refs.stream().map(r -> locked.get(r.id())).toList();
    moved.forEach(s -> writer.move(s, action, reason));
    em.flush();
    return new SubmissionDtos.BulkResult(
        action.code, moved.stream().map(s -> mapper.toDto(s, false)).toList());
  }

  /** Why one report of a bulk review cannot take the step, or null when it can. */
  private ProblemDetail.FieldError bulkError(
      Submission s, SubmissionDtos.Ref ref, Action action, String field) {
    ProblemType type = bulkErrorType(s, ref, action);
    if (type == null) {
      return null;
    }
    Message message =
        switch (type) {
          case NOT_FOUND -> Message.of("bulk.no-submission", "id", ref.id());
          case FORBIDDEN -> Message.of("bulk.not-yours");
          case PRECONDITION_FAILED -> Message.of("bulk.stale", "unit", s.unitCode);
          default ->
              Message.of(
                  "bulk.state", "unit", s.unitCode, "state", Workflow.state(s.displayState()));
        };
    return new ProblemDetail.FieldError(field, message);
  }

  private ProblemType bulkErrorType(Submission s, SubmissionDtos.Ref ref, Action action) {
    if (s == null) {
      return ProblemType.NOT_FOUND;
    }
    if (!policy.mayDo(s, action)) {
      return ProblemType.FORBIDDEN;
    }
    if (s.version != ref.version()) {
      return ProblemType.PRECONDITION_FAILED;
    }
    if (Workflow.next(s.state, action).isEmpty()) {
      return ProblemType.CONFLICT;
    }
    return null;
  }

  private void requireAllowed(Submission s, Action action) {
    if (Workflow.next(s.state, action).isEmpty()) {
      List<String> allowed = Workflow.allowedFrom(s.state).stream().map(a -> a.code).toList();
      String state = s.displayState();
      throw new ApiException(
              ProblemType.CONFLICT,
              Message.of(
                  "submission.state-conflict",
                  "state",
                  Workflow.state(state),
                  "allowed",
                  Workflow.allowedFrom(s.state).stream().map(Workflow::action).toList()))
          .withState(state, allowed);
    }
  }

  private void checkVersion(Submission s, long expected) {
    if (s.version != expected) {
      throw Etags.stale().withCurrent(mapper.toDto(s, true), Etags.of(s.version));
    }
  }

  private static void requireOpen(Period period) {
    if (period.state != Period.State.open) {
      throw new ApiException(
          ProblemType.CONFLICT,
          Message.of("period.closed", "period", period.code),
          List.of(new ProblemDetail.FieldError("period", Message.of("closed"))));
    }
  }

  private static boolean needsReason(Action action) {
    return action == Action.RETURN || action == Action.REOPEN;
  }

  private static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw ApiException.invalid("reason", Message.of("reason.required"));
    }
    if (reason.length() > SubmissionDtos.REASON_MAX) {
      throw ApiException.invalid(
          "reason", Message.of("text.too-long", "max", SubmissionDtos.REASON_MAX));
    }
    return reason.strip();
  }

  /** The more telling of two refusals: 403 over 404 over 412 over 409. */
  private static ProblemType worse(ProblemType a, ProblemType b) {
    List<ProblemType> order =
        List.of(
            ProblemType.CONFLICT,
            ProblemType.PRECONDITION_FAILED,
            ProblemType.NOT_FOUND,
            ProblemType.FORBIDDEN);
    return a == null || order.indexOf(b) > order.indexOf(a) ? b : a;
  }
}
