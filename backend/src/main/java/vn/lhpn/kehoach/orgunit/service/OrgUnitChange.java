package vn.lhpn.kehoach.orgunit.service;

import java.time.LocalDate;
import vn.lhpn.kehoach.orgunit.OrgUnitLineage.Change;

/** One row of a lineage file: on a date, the old unit became (part of) the new one. */
public record OrgUnitChange(
    LocalDate effectiveDate,
    String oldCode,
    String oldName,
    String newCode,
    String newName,
    Change change,
    boolean confirmed) {}
