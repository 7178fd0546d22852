package vn.lhpn.kehoach.submission.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.submission.Submission.State;

/**
 * The review workflow, as data: draft → submitted → approved; submitted → draft when returned;
 * approved → draft when reopened. Values change only in a draft.
 */
public final class Workflow {
  /** What can be done to a submission. */
  public enum Action {
    EDIT("edit"),
    SUBMIT("submit"),
    APPROVE("approve"),
    RETURN("return"),
    REOPEN("reopen");

    public final String code;

    Action(String code) {
      this.code = code;
    }
  }

  private static final Map<State, List<Action>> ALLOWED =
      Map.of(
          State.draft, List.of(Action.EDIT, Action.SUBMIT),
          State.submitted, List.of(Action.APPROVE, Action.RETURN),
          State.approved, List.of(Action.REOPEN));

  private Workflow() {}

  /** The actions the workflow allows from a state, whoever asks. */
  public static List<Action> allowedFrom(State state) {
    return ALLOWED.get(state);
  }

  /** The state an action leads to, or empty when the workflow does not allow it from here. */
  public static Optional<State> next(State from, Action action) {
    if (!ALLOWED.get(from).contains(action)) {
      return Optional.empty();
    }
    return Optional.of(
        switch (action) {
          case EDIT -> from;
          case SUBMIT -> State.submitted;
          case APPROVE -> State.approved;
          case RETURN, REOPEN -> State.draft;
        });
  }

  /** A state's name as a message of the catalog ({@code state.submitted}: "đã nộp, chờ duyệt"). */
  public static Message state(String state) {
    return Message.of("state." + state);
  }

  /** An action's name as a message of the catalog ({@code action.approve}: "duyệt"). */
  public static Message action(Action action) {
    return Message.of("action." + action.code);
  }
}
