package vn.lhpn.kehoach.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.ProblemType;

/**
 * The one vocabulary of authorization, computed from the database and never from a list in the
 * token (docs/adr/0004):
 *
 * <ul>
 *   <li><b>in scope</b>: the unit is the caller's own or below it. Anything out of scope is
 *       answered exactly like something that does not exist: 404.
 *   <li><b>visible</b>: in scope, or one of the units above the caller's (read only: the plan of
 *       the province, the chain of parents).
 *   <li><b>planner of</b> a unit: role {@code planner} and bound to that very unit; sets the
 *       targets of the units below it and, at the top, owns the plan and its periods.
 *   <li><b>reporter of</b> a unit: role {@code reporter} and bound to that very unit.
 *   <li><b>reviewer of</b> a unit: role {@code reviewer} and bound to the unit just above it (the
 *       province's own report is reviewed by the province).
 * </ul>
 *
 * Features state their rules in these words (PlanPolicy, AllocationPolicy, SubmissionPolicy);
 * resources hold no authorization logic.
 */
@RequestScoped
public class Access {
  private final Caller caller;
  private final UnitHierarchy hierarchy;
  private Set<String> subtree;
  private Set<String> ancestors;

  @Inject
  public Access(Caller caller, UnitHierarchy hierarchy) {
    this.caller = caller;
    this.hierarchy = hierarchy;
  }

  public String username() {
    return caller.username();
  }

  /** The caller's unit code; a caller without one may see no unit data (403). */
  public String unitCode() {
    return caller.orgUnitCode().orElseThrow(() -> forbidden(Message.of("forbidden.no-unit")));
  }

  /** The caller's unit and every unit ever below it. */
  public Set<String> subtree() {
    if (subtree == null) {
      subtree = caller.orgUnitCode().map(hierarchy::subtreeCodes).orElse(Set.of());
    }
    return subtree;
  }

  /** The units above the caller's unit. */
  public Set<String> ancestors() {
    if (ancestors == null) {
      ancestors = caller.orgUnitCode().map(hierarchy::ancestorCodes).orElse(Set.of());
    }
    return ancestors;
  }

  /** Every unit the caller may read about: the subtree and the chain above it. */
  public Set<String> visible() {
    Set<String> all = new LinkedHashSet<>(ancestors());
    all.addAll(subtree());
    return all;
  }

  public boolean inScope(String unitCode) {
    return unitCode != null && subtree().contains(unitCode);
  }

  public boolean isVisible(String unitCode) {
    return unitCode != null && (subtree().contains(unitCode) || ancestors().contains(unitCode));
  }

  /** 404 unless the unit is in the caller's scope: outside looks like nothing at all. */
  public String requireInScope(String unitCode) {
    if (!inScope(unitCode)) {
      throw outOfScope(unitCode);
    }
    return unitCode;
  }

  /** The same, naming the request field that carried the unit code. */
  public String requireInScope(String unitCode, String field) {
    if (!inScope(unitCode)) {
      throw new ApiException(
              ProblemType.NOT_FOUND,
              Message.of("unit.out-of-scope", "unit", unitCode),
              List.of(new ProblemDetail.FieldError(field, Message.of("not-found"))))
          .denied();
    }
    return unitCode;
  }

  /** True when the caller's own unit is a root (the province); an unknown code is not a root. */
  public boolean atRoot() {
    return caller.orgUnitCode().map(hierarchy::isRoot).orElse(false);
  }

  public boolean isPlannerOf(String unitCode) {
    return bound(Roles.PLANNER, unitCode);
  }

  /** An admin of the province: loads and applies the changes of its units (change sets). */
  public boolean isProvinceAdmin() {
    return caller.hasRole(Roles.ADMIN) && atRoot();
  }

  /** Refuses anyone but an admin of the province, saying what is theirs only. */
  public void requireProvinceAdmin(Message refusal) {
    if (!isProvinceAdmin()) {
      throw forbidden(refusal);
    }
  }

  /** A planner of the province: owns the plan, its import and its periods. */
  public boolean isProvincePlanner() {
    return caller.hasRole(Roles.PLANNER) && atRoot();
  }

  /**
   * Writes a unit's own written report (sơ kết, tổng kết): its reporter, reviewer or planner, bound
   * to that very unit; the levels above read it.
   */
  public boolean isWriterOf(String unitCode) {
    return bound(Roles.REPORTER, unitCode)
        || bound(Roles.REVIEWER, unitCode)
        || bound(Roles.PLANNER, unitCode);
  }

  public boolean isReporterOf(String unitCode) {
    return bound(Roles.REPORTER, unitCode);
  }

  /** Reviewer of the unit just above the unit as it was on a day (the top reviews itself). */
  public boolean isReviewerOf(String unitCode, LocalDate day) {
    if (!caller.hasRole(Roles.REVIEWER) || caller.orgUnitCode().isEmpty()) {
      return false;
    }
    return hierarchy
        .unitOn(unitCode, day)
        .map(u -> caller.orgUnitCode().get().equals(reviewingUnit(u)))
        .orElse(false);
  }

  /**
   * What the caller may do at a unit: {@code report} (its own report), {@code review} (the reports
   * of the units just below it, and its own at the top), {@code allocate} (the targets of the units
   * below it). The SPA shows menus and buttons from this list instead of reading roles.
   */
  public List<String> actionsAt(String unitCode) {
    List<String> out = new java.util.ArrayList<>();
    if (isReporterOf(unitCode)) {
      out.add("report");
    }
    if (bound(Roles.REVIEWER, unitCode)) {
      out.add("review");
    }
    if (isPlannerOf(unitCode)) {
      out.add("allocate");
    }
    return out;
  }

  public boolean hasRole(String role) {
    return caller.hasRole(role);
  }

  /** The unit whose reviewers review a unit: the one above it, or itself at the top. */
  public static String reviewingUnit(UnitHierarchy.UnitRef unit) {
    return unit.parentCode() == null ? unit.code() : unit.parentCode();
  }

  private boolean bound(String role, String unitCode) {
    return caller.hasRole(role)
        && unitCode != null
        && caller.orgUnitCode().map(unitCode::equals).orElse(false);
  }

  /** A refusal on the caller's roles or unit (403), said by a message of the catalog. */
  public static ApiException forbidden(Message message) {
    return new ApiException(ProblemType.FORBIDDEN, message).denied();
  }

  public static ApiException outOfScope(String unitCode) {
    return new ApiException(
            ProblemType.NOT_FOUND, Message.of("unit.out-of-scope", "unit", unitCode))
        .denied();
  }
}
