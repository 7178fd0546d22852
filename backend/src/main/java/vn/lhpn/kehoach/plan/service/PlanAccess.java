package vn.lhpn.kehoach.plan.service;

import jakarta.enterprise.context.RequestScoped;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.security.CurrentUser;
import vn.lhpn.kehoach.security.OrgScope;
import vn.lhpn.kehoach.security.Roles;

/** Who may read and who may change a plan: the one place these rules live. */
@RequestScoped
public class PlanAccess {
  private final CurrentUser user;
  private final OrgScope scope;

  PlanAccess(CurrentUser user, OrgScope scope) {
    this.user = user;
    this.scope = scope;
  }

  /** Everyone whose unit is under the plan's owner (or is the owner) reads the plan. */
  public void requireReader(Plan plan) {
    if (!scope.canSee(plan.ownerUnitCode)) {
      throw ApiException.notFound("Không có kế hoạch '" + plan.code + "' / No plan " + plan.code);
    }
  }

  /** The plan with this code, if the caller may read it; 404 otherwise (or 400 when blank). */
  public Plan readable(String planId) {
    if (planId == null || planId.isBlank()) {
      throw ApiException.invalid("plan", "bắt buộc / required");
    }
    Plan plan =
        Plan.findByCode(planId.strip())
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "Không có kế hoạch '" + planId + "' / No plan " + planId));
    requireReader(plan);
    return plan;
  }

  /** Only a planner of the unit that owns the plan changes it. */
  public void requireEditor(Plan plan) {
    requireReader(plan);
    if (!user.hasRole(Roles.PLANNER) || !plan.ownerUnitCode.equals(scope.unitCode())) {
      throw forbidden();
    }
  }

  /** Plans are imported by a planner of the province (the root unit); the province owns them. */
  public String requireProvincePlanner() {
    if (!user.hasRole(Roles.PLANNER) || !scope.atRoot()) {
      throw forbidden();
    }
    return scope.unitCode();
  }

  private static ApiException forbidden() {
    return new ApiException(
        ProblemType.FORBIDDEN,
        "Chỉ cán bộ kế hoạch cấp tỉnh được sửa kế hoạch / Only a province planner may change the plan");
  }
}
