package vn.lhpn.kehoach.orgunit;

import java.time.LocalDate;

/**
 * The map changed on a day: a change set closed and opened units from {@code day} on. Fired in the
 * transaction that wrote it, so whatever is kept by the map (progress rolled up by the map of each
 * year's last day, docs/adr/0011) is brought in line before anyone reads it.
 */
public record UnitsChanged(LocalDate day) {}
