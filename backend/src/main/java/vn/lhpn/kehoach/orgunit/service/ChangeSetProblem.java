package vn.lhpn.kehoach.orgunit.service;

import vn.lhpn.kehoach.common.Message;

/** What stands in a change set's way: its kind, the code it concerns and what a person reads. */
public record ChangeSetProblem(ChangeSetProblem.Kind kind, String code, Message said) {

  /** Kinds of problem; any one of them stops the apply. */
  public enum Kind {
    /** A row dated another day than the set. */
    WRONG_DATE,
    /** A row names a code the system had once but no longer has the day before. */
    UNKNOWN_CODE,
    /** A new unit takes a code still used by a unit that does not close that day. */
    CODE_IN_USE,
    /** Rows (or the list of units) give one new code two names. */
    CONFLICTING_ROWS,
    /** A unit's parent is not a unit valid on the day, or not above it. */
    NO_PARENT,
    /** Parents that lead round in a circle. */
    CYCLE,
    /** A change of a later day is already applied: sets are applied in date order. */
    OUT_OF_ORDER
  }

  /** The text in both languages (a log, a test). */
  public String message() {
    return said.inBoth();
  }
}
