package vn.lhpn.kehoach.orgunit.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * What a feature keeps on units that a change of the map must not lose: each feature above the
 * units (reports, targets) says what it has on units that close, for the days after they close. The
 * change set's dry run lists it beside the lineage, and the apply moves it to a one-to-one
 * successor (docs/adr/0010).
 */
public interface UnitData {

  /** Data of one kind a unit has for periods that start on or after {@code day}. */
  record Held(String unitCode, String kind, int count, String first) {}

  /** The kind of data it keeps: "reports", "targets". */
  String kind();

  /** What the feature has on {@code codes} for periods that start on or after {@code day}. */
  List<Held> after(Collection<String> codes, LocalDate day);

  /**
   * Moves what a closed unit has for periods from {@code day} to the unit that took it over one to
   * one (under {@code toParent} from then on), each move kept in the data's own history with the
   * reason; what the successor already has for the same period stays where it is. Returns how many
   * moved.
   */
  int move(String from, String to, String toParent, LocalDate day, String actor, String reason);
}
