package vn.lhpn.kehoach.plan.importer;

import java.util.List;
import vn.lhpn.kehoach.plan.ItemKind;
import vn.lhpn.kehoach.plan.MeasureType;

/**
 * One row of a plan table as a file gives it, marks removed. {@code kind}, {@code measureType},
 * {@code measureUnit} and {@code key} are given by files that carry them (the .xlsx export) and are
 * null when the reader must infer them (the text export); {@code measureConfirmed} says the measure
 * was set by a planner rather than guessed.
 */
public record SourceRow(
    int line,
    String code,
    String title,
    boolean bold,
    List<String> years,
    String level,
    String lead,
    String coordinators,
    String funding,
    List<Integer> footnoteRefs,
    ItemKind kind,
    MeasureType measureType,
    String measureUnit,
    boolean measureConfirmed,
    String key) {}
