package vn.lhpn.kehoach.plan.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.security.Access;

/**
 * Who may read and who may change a plan, in the words of {@link Access}: a plan is read by every
 * unit at or below its owner, and changed (measures, periods, a new import) by a planner of its
 * owner, the province.
 */
@RequestScoped
public class PlanPolicy {
  /** Change an item's measure and the plan's periods. */
  public static final String EDIT = "edit";

  /** Replace the plan by importing a file. */
  public static final String IMPORT = "import";

  /** Lock the term's figures (khóa số liệu), or reopen them with a reason. */
  public static final String LOCK = "lock";

  public static final String UNLOCK = "unlock";

  private final Access access;

  PlanPolicy(Access access) {
    this.access = access;
  }

  public boolean canRead(Plan plan) {
    return access.isVisible(plan.ownerUnitCode);
  }

  public void requireReader(Plan plan) {
    if (!canRead(plan)) {
      throw notFound(plan.code);
    }
  }

  /** The plan with this code, if the caller may read it; 404 otherwise (or 400 when blank). */
  public Plan readable(String planId) {
    if (planId == null || planId.isBlank()) {
      throw ApiException.invalid("plan", "bắt buộc / required");
    }
    Plan plan = Plan.findByCode(planId.strip()).orElseThrow(() -> notFound(planId));
    requireReader(plan);
    return plan;
  }

  public void requireEditor(Plan plan) {
    requireReader(plan);
    if (!access.isPlannerOf(plan.ownerUnitCode)) {
      throw forbidden();
    }
  }

  /** Plans are imported by a planner of the province (the root unit), which then owns them. */
  public String requireImporter() {
    if (!access.isProvincePlanner()) {
      throw forbidden();
    }
    return access.unitCode();
  }

  /** What the caller may do with a plan they read; a locked plan only its reopening. */
  public List<String> allowed(Plan plan) {
    List<String> out = new ArrayList<>();
    if (!access.isPlannerOf(plan.ownerUnitCode)) {
      return out;
    }
    boolean province = access.isProvincePlanner();
    if (plan.lockedAt != null) {
      if (province) {
        out.add(UNLOCK);
      }
      return out;
    }
    out.add(EDIT);
    if (province) {
      out.add(IMPORT);
      out.add(LOCK);
    }
    return out;
  }

  private static ApiException notFound(String planId) {
    return ApiException.notFound("Không có kế hoạch '" + planId + "' / No plan " + planId);
  }

  private static ApiException forbidden() {
    return Access.forbidden(
        "Chỉ cán bộ kế hoạch cấp tỉnh được sửa kế hoạch",
        "Only a province planner may change the plan");
  }
}
