package vn.lhpn.kehoach.allocation.service;

import java.util.Collection;
import vn.lhpn.kehoach.plan.PlanItem;

/**
 * Whether results were already reported against targets: once they were, changing a target needs a
 * reason. Targets define the question; reports (which depend on targets, never the reverse) answer
 * it.
 */
public interface ReportedResults {
  /**
   * True when a unit in the subtree of any of the codes reported a value for the item that year.
   */
  boolean anyReported(PlanItem item, int year, Collection<String> unitCodes);
}
