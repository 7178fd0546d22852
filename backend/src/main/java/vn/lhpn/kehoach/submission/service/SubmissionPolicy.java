package vn.lhpn.kehoach.submission.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;
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
    return switch (action) {
      case EDIT, SUBMIT -> access.isReporterOf(s.unitCode);
      case APPROVE, RETURN, REOPEN -> access.isReviewerOf(s.unitCode, s.period.endsOn);
    };
  }

  public void authorize(Submission s, Action action) {
    if (mayDo(s, action)) {
      return;
    }
    boolean review = action == Action.APPROVE || action == Action.RETURN || action == Action.REOPEN;
    throw review
        ? Access.forbidden(
            "Chỉ người duyệt của đơn vị cấp trên được " + action.vi + " báo cáo này",
            "Only a reviewer of the unit above may " + action.code + " it")
        : Access.forbidden(
            "Chỉ báo cáo viên của đơn vị " + s.unitCode + " được " + action.vi,
            "Only a reporter of the unit may " + action.code + " it");
  }

  public boolean isReporterOf(String unitCode) {
    return access.isReporterOf(unitCode);
  }

  /** The first save creates the report: a reporter of that very unit. */
  public void requireReporter(String unitCode) {
    if (!access.isReporterOf(unitCode)) {
      throw Access.forbidden(
          "Chỉ báo cáo viên của đơn vị " + unitCode + " được nhập báo cáo",
          "Only a reporter of the unit may enter its report");
    }
  }

  public void requireReviewer() {
    if (!access.hasRole(Roles.REVIEWER)) {
      throw Access.forbidden("Chỉ người duyệt có hàng chờ duyệt", "Only reviewers have a queue");
    }
  }

  /**
   * The steps the caller may take on a report now: allowed by the workflow, the period and them.
   */
  public List<String> allowed(Submission s) {
    List<String> out = new ArrayList<>();
    for (Action a : Workflow.allowedFrom(s.state)) {
      if ((a == Action.EDIT || a == Action.SUBMIT) && s.period.state != Period.State.open) {
        continue;
      }
      if (mayDo(s, a)) {
        out.add(a.code);
      }
    }
    return out;
  }
}
