package vn.lhpn.kehoach.orgunit.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.orgunit.service.ChangeSetPlanner.Plan;
import vn.lhpn.kehoach.orgunit.service.ChangeSetPlanner.Unit;
import vn.lhpn.kehoach.security.Access;

/** Whose a change set is: every unit it closes or opens lies in the admin's own subtree. */
@ApplicationScoped
class ChangeSetScope {
  private final Access access;

  ChangeSetScope(Access access) {
    this.access = access;
  }

  /** Every unit the set closes and every unit it opens is the admin's: their own province. */
  void require(Plan plan) {
    String own = access.unitCode();
    List<String> outside = new ArrayList<>();
    for (ChangeSetPlanner.Step step : plan.steps()) {
      boolean ok =
          (step.before() == null || access.inScope(step.code()))
              && (step.after() == null || under(plan.after(), step.code(), own));
      if (!ok) {
        outside.add(step.code());
      }
    }
    if (!outside.isEmpty()) {
      throw new ApiException(
              ProblemType.FORBIDDEN,
              Message.of(
                  "changes.outside-scope",
                  "units",
                  String.join(", ", outside.subList(0, Math.min(10, outside.size())))
                      + (outside.size() > 10 ? ", …" : "")),
              outside.stream()
                  .limit(50)
                  .map(c -> new ProblemDetail.FieldError(c, Message.of("out-of-scope")))
                  .toList())
          .denied();
    }
  }

  /**
   * Whether a unit of the new state lies below the admin's own unit: along the parents the set
   * gives, and from the first parent the set does not touch along the tree as it stands (a national
   * admin's set names the provinces, not the national unit above them).
   */
  private boolean under(Map<String, Unit> units, String code, String root) {
    Set<String> seen = new HashSet<>();
    Unit u = units.get(code);
    while (u != null && seen.add(u.code())) {
      if (u.code().equals(root)) {
        return true;
      }
      if (u.parentCode() == null) {
        return false;
      }
      Unit parent = units.get(u.parentCode());
      if (parent == null) {
        return access.inScope(u.parentCode());
      }
      u = parent;
    }
    return false;
  }
}
