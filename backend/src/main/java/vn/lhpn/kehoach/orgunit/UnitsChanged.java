package vn.lhpn.kehoach.orgunit;

import java.time.LocalDate;
import java.util.Set;

/**
 * The map changed on a day: a change set closed and opened units from {@code day} on, or data moved
 * from a closed unit to another. Fired in the transaction that wrote it, so whatever is kept by the
 * map (progress rolled up by the map of each year's last day, docs/adr/0011) is brought in line
 * before anyone reads it.
 *
 * @param units the codes whose place on the map changed or whose data moved, with their parents
 *     before and after: only what lies above them is touched (a province's five mergers leave the
 *     other 33 provinces alone)
 */
public record UnitsChanged(LocalDate day, Set<String> units) {
  public UnitsChanged {
    units = Set.copyOf(units);
  }
}
