package vn.lhpn.kehoach.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.LinkedHashSet;
import java.util.Set;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.orgunit.service.OrgUnitTree;

/**
 * What part of the hierarchy the caller may touch, computed from the database: their own unit's
 * subtree (to see and, by role, to change) and the chain of units above it (to see only). Every
 * feature asks here; nothing is taken from a list in the token.
 */
@RequestScoped
public class OrgScope {
  private final CurrentUser user;
  private final OrgUnitTree tree;
  private Set<String> subtree;
  private Set<String> ancestors;

  OrgScope(CurrentUser user, OrgUnitTree tree) {
    this.user = user;
    this.tree = tree;
  }

  /** The caller's unit code; a caller without one may see no unit data. */
  public String unitCode() {
    return user.orgUnitCode()
        .orElseThrow(
            () ->
                new ApiException(
                    ProblemType.FORBIDDEN,
                    "Tài khoản chưa được gắn với đơn vị / Your account has no org unit"));
  }

  /** The caller's unit and every unit below it. */
  public Set<String> subtree() {
    if (subtree == null) {
      subtree = user.orgUnitCode().map(tree::subtreeCodes).orElse(Set.of());
    }
    return subtree;
  }

  /** The units above the caller's unit. */
  public Set<String> ancestors() {
    if (ancestors == null) {
      ancestors = user.orgUnitCode().map(tree::ancestorCodes).orElse(Set.of());
    }
    return ancestors;
  }

  /** Every unit the caller may see: the subtree and the chain above it. */
  public Set<String> visible() {
    Set<String> all = new LinkedHashSet<>(ancestors());
    all.addAll(subtree());
    return all;
  }

  public boolean canSee(String code) {
    return subtree().contains(code) || ancestors().contains(code);
  }

  public boolean inSubtree(String code) {
    return subtree().contains(code);
  }

  /**
   * True when the caller's own unit is a root (the province). A code that names no unit is not a
   * root, even though nothing lies above it.
   */
  public boolean atRoot() {
    return user.orgUnitCode().map(tree::isRoot).orElse(false);
  }
}
