package vn.lhpn.kehoach.plan.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemType;
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

  /**
   * The plan this id names in the caller's scope: its code ("11-KH-BCH", the one plan of that
   * number the caller reads) or its qualified id ("11-KH-BCH@19"). A plan of another province is
   * not found, whether or not one exists (404 either way); a bare code naming two plans the caller
   * reads (a unit above two provinces) is a 400 listing the qualified ids; blank is a 400.
   */
  public Plan readable(String planId) {
    if (planId == null || planId.isBlank()) {
      throw ApiException.invalid("plan", Message.of("required"));
    }
    List<Plan> mine = Plan.named(planId.strip()).stream().filter(this::canRead).toList();
    if (mine.isEmpty()) {
      throw notFound(planId);
    }
    if (mine.size() > 1) {
      String ids = String.join(", ", mine.stream().map(Plan::ref).toList());
      throw ApiException.invalid(
          "plan", Message.of("plan.ambiguous", "count", mine.size(), "plans", ids));
    }
    return mine.get(0);
  }

  /**
   * The id the API gives a plan to this caller: its code, which every link and generated client
   * already uses, unless the caller reads two plans of that code (then "code@owner"). Only plans
   * the caller reads count, so the id tells nothing about other provinces.
   */
  public String idOf(Plan plan) {
    long same =
        Plan.<Plan>list("code", plan.code).stream().filter(p -> p == plan || canRead(p)).count();
    return same > 1 ? plan.ref() : plan.code;
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
    return new ApiException(ProblemType.NOT_FOUND, Message.of("plan.not-found", "plan", planId));
  }

  private static ApiException forbidden() {
    return Access.forbidden(Message.of("forbidden.plan.edit"));
  }
}
