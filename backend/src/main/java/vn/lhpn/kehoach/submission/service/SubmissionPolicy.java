package vn.lhpn.kehoach.submission.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.security.Access;
import vn.lhpn.kehoach.security.Roles;
import vn.lhpn.kehoach.submission.Submission;
import vn.lhpn.kehoach.submission.service.Workflow.Action;

/**
 * Who may do what to a report, in the words of {@link Access}: a reporter of the unit edits and
 * submits it; a reviewer of the unit above approves, returns and reopens it (the province's own
 * report is reviewed by the province). Whether the step is possible from the report's state is
 * {@link Workflow}'s question, not this one's.
 */
@RequestScoped
public class SubmissionPolicy {
  private final Access access;

  SubmissionPolicy(Access access) {
    this.access = access;
  }

  public boolean mayDo(Submission s, Action action) {
    return mayDo(s, action, null);
  }

  /** {@code reviewer}: whether the caller reviews the report's unit, when already known. */
  private boolean mayDo(Submission s, Action action, Boolean reviewer) {
    return switch (action) {
      case EDIT, SUBMIT -> access.isReporterOf(s.unitCode);
      case APPROVE -> reviews(s, reviewer) && !ownSubmission(s);
      case RETURN, REOPEN -> reviews(s, reviewer);
    };
  }

  private boolean reviews(Submission s, Boolean known) {
    return known != null ? known : access.isReviewerOf(s.unitCode, s.period.endsOn);
  }

  /**
   * Separation of duties: nobody approves a report they submitted themselves, even when they are
   * reporter and reviewer of the same unit (the province's own report); another reviewer must.
   */
  private boolean ownSubmission(Submission s) {
    return s.submittedBy != null && s.submittedBy.equals(access.username());
  }

  public void authorize(Submission s, Action action) {
    if (mayDo(s, action)) {
      return;
    }
    if (action == Action.APPROVE && ownSubmission(s)) {
      throw Access.forbidden(Message.of("forbidden.self-approve"));
    }
    boolean review = action == Action.APPROVE || action == Action.RETURN || action == Action.REOPEN;
    throw review
        ? Access.forbidden(
            Message.of("forbidden.reviewer-above", "action", Workflow.action(action)))
        : Access.forbidden(
            Message.of(
                "forbidden.reporter-action",
                "unit",
                s.unitCode,
                "action",
                Workflow.action(action)));
  }

  public boolean isReporterOf(String unitCode) {
    return access.isReporterOf(unitCode);
  }

  /** The first save creates the report: a reporter of that very unit. */
  public void requireReporter(String unitCode) {
    if (!access.isReporterOf(unitCode)) {
      throw Access.forbidden(Message.of("forbidden.reporter-entry", "unit", unitCode));
    }
  }

  /**
   * Whether the caller may read what people wrote and who they are: notes, evidence links, names,
   * history and diffs. Every person's role may; the integration client (a system) reads figures and
   * states only (docs/security.md).
   */
  public boolean mayReadRemarks() {
    return List.of(Roles.VIEWER, Roles.REPORTER, Roles.REVIEWER, Roles.PLANNER, Roles.ADMIN)
        .stream()
        .anyMatch(access::hasRole);
  }

  /** History and diffs are remarks: 403 for a caller that reads figures only. */
  public void requireRemarks() {
    if (!mayReadRemarks()) {
      throw Access.forbidden(Message.of("forbidden.system-client-remarks"));
    }
  }

  public void requireReviewer() {
    if (!access.hasRole(Roles.REVIEWER)) {
      throw Access.forbidden(Message.of("forbidden.queue-reviewers"));
    }
  }

  /**
   * The steps the caller may take on a report now: allowed by the workflow, the period and them.
   */
  public List<String> allowed(Submission s) {
    List<String> out = new ArrayList<>();
    Boolean reviewer = null; // asked once: it looks the unit's parent up on the report's day
    for (Action a : Workflow.allowedFrom(s.state)) {
      if ((a == Action.EDIT || a == Action.SUBMIT) && s.period.state != Period.State.open) {
        continue;
      }
      if (reviewer == null && a != Action.EDIT && a != Action.SUBMIT) {
        reviewer = access.isReviewerOf(s.unitCode, s.period.endsOn);
      }
      if (mayDo(s, a, reviewer)) {
        out.add(a.code);
      }
    }
    return out;
  }
}
