package vn.lhpn.kehoach.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.submission.Submission.State;
import vn.lhpn.kehoach.submission.service.Workflow;
import vn.lhpn.kehoach.submission.service.Workflow.Action;

/** The workflow as a table: every state and action, the state it leads to or nothing. */
class WorkflowTest {
  static final Map<State, Map<Action, State>> EXPECTED =
      Map.of(
          State.draft, Map.of(Action.EDIT, State.draft, Action.SUBMIT, State.submitted),
          State.submitted, Map.of(Action.APPROVE, State.approved, Action.RETURN, State.draft),
          State.approved, Map.of(Action.REOPEN, State.draft));

  @Test
  void shouldAllowExactlyTheStepsOfTheTable() {
    for (State from : State.values()) {
      for (Action action : Action.values()) {
        assertEquals(
            Optional.ofNullable(EXPECTED.get(from).get(action)),
            Workflow.next(from, action),
            action + " from " + from);
      }
    }
  }

  @Test
  void shouldListTheAllowedActionsOfEachState() {
    for (State from : State.values()) {
      assertEquals(
          EXPECTED.get(from).keySet(), java.util.Set.copyOf(Workflow.allowedFrom(from)), "" + from);
    }
  }

  @Test
  void shouldNeverEditAnApprovedOrSubmittedReport() {
    assertEquals(Optional.empty(), Workflow.next(State.submitted, Action.EDIT));
    assertEquals(Optional.empty(), Workflow.next(State.approved, Action.EDIT));
    assertEquals(Optional.empty(), Workflow.next(State.approved, Action.APPROVE));
  }
}
