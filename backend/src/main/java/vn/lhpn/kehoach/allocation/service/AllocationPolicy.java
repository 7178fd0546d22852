package vn.lhpn.kehoach.allocation.service;

import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.security.Access;
import vn.lhpn.kehoach.security.Roles;

/**
 * Who may allocate: only a planner of the parent unit sets its children's targets and weights;
 * nobody sets their own or a sibling's. Everyone in scope reads.
 */
@RequestScoped
public class AllocationPolicy {
  /** Save the column, fill it, upload a sheet, keep weights, copy or bulk-allocate. */
  public static final String ALLOCATE = "allocate";

  private final Access access;

  AllocationPolicy(Access access) {
    this.access = access;
  }

  public boolean mayAllocate(OrgUnit parent) {
    return access.isPlannerOf(parent.code);
  }

  public void requirePlannerOf(OrgUnit parent) {
    if (!mayAllocate(parent)) {
      throw Access.forbidden(
          Message.of("forbidden.allocation.parent-planner", "parent", parent.name));
    }
  }

  /**
   * A caller who plans for no unit at all may not send an allocation sheet: refused before the file
   * is even opened, so nobody without the role makes the server unpack a workbook.
   */
  public void requireSomePlanner() {
    if (!access.hasRole(Roles.PLANNER)) {
      throw Access.forbidden(Message.of("forbidden.allocation.upload"));
    }
  }

  /** What the caller may do with the allocation of a parent unit. */
  public List<String> allowed(OrgUnit parent) {
    return mayAllocate(parent) ? List.of(ALLOCATE) : List.of();
  }
}
