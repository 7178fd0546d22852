package vn.lhpn.kehoach.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: username, application roles and org unit code, read from the verified token. */
@RequestScoped
public class CurrentUser implements Caller {
  /** Token claim carrying the user's org unit code (Keycloak user attribute {@code org_unit}). */
  public static final String ORG_UNIT_CLAIM = "org_unit";

  private final SecurityIdentity identity;
  private final JsonWebToken token;

  /** Who a background job runs as, when it runs outside the request that asked for it. */
  private Caller actingFor;

  /**
   * For the rest of this request context, the caller is {@code stored} (a background job run for
   * the user who queued it, on any instance, after a restart too): the same rules, the same scope.
   */
  public void actAs(Caller stored) {
    this.actingFor = stored;
  }

  CurrentUser(SecurityIdentity identity, JsonWebToken token) {
    this.identity = identity;
    this.token = token;
  }

  @Override
  public String username() {
    if (actingFor != null) {
      return actingFor.username();
    }
    String preferred = token.getClaim("preferred_username");
    return preferred != null ? preferred : identity.getPrincipal().getName();
  }

  public Optional<String> displayName() {
    return Optional.ofNullable(token.<String>getClaim("name")).filter(s -> !s.isBlank());
  }

  /** The address of the account (the token's email claim), if it has one. */
  public Optional<String> email() {
    return Optional.ofNullable(token.<String>getClaim("email")).filter(s -> !s.isBlank());
  }

  public List<String> roles() {
    return Roles.ALL.stream().filter(this::hasRole).toList();
  }

  /**
   * The application roles the caller has, read once per request: each look at the identity goes
   * through its request-scoped proxy, and a workflow step asks a dozen times (a tenth of an
   * approval's CPU, docs/benchmarks.md).
   */
  private Set<String> roles;

  private Optional<String> orgUnit;

  @Override
  public boolean hasRole(String role) {
    if (actingFor != null) {
      return actingFor.hasRole(role);
    }
    if (roles == null) {
      roles = Set.copyOf(identity.getRoles());
    }
    return roles.contains(role);
  }

  @Override
  public Optional<String> orgUnitCode() {
    if (actingFor != null) {
      return actingFor.orgUnitCode();
    }
    if (orgUnit == null) {
      Object claim = token.getClaim(ORG_UNIT_CLAIM);
      orgUnit = Optional.ofNullable(claim).map(Object::toString).filter(s -> !s.isBlank());
    }
    return orgUnit;
  }
}
