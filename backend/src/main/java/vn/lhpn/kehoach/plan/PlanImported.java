package vn.lhpn.kehoach.plan;

/**
 * A plan a user imported as new (the next term beside the old one): who keeps what belongs to a
 * plan (its periods) makes it, without the plan knowing them.
 */
public record PlanImported(long planId) {}
