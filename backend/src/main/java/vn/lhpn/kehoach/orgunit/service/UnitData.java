package vn.lhpn.kehoach.orgunit.service;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * What a feature keeps on units that a change of the map must not lose: each feature above the
 * units (reports, targets) says what it has on units that close, for the days after they close. The
 * change set's dry run lists it beside the lineage (docs/adr/0010).
 */
public interface UnitData {

  /** Data of one kind a unit has for periods that start on or after {@code day}. */
  record Held(String unitCode, String kind, int count, String first) {}

  /** What the feature has on {@code codes} for periods that start on or after {@code day}. */
  List<Held> after(Collection<String> codes, LocalDate day);
}
