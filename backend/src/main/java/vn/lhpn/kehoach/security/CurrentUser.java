package vn.lhpn.kehoach.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: username, application roles and org unit code, read from the verified token. */
@RequestScoped
public class CurrentUser implements Caller {
  /** Token claim carrying the user's org unit code (Keycloak user attribute {@code org_unit}). */
  public static final String ORG_UNIT_CLAIM = "org_unit";

  private final SecurityIdentity identity;
  private final JsonWebToken token;

  CurrentUser(SecurityIdentity identity, JsonWebToken token) {
    this.identity = identity;
    this.token = token;
  }

  @Override
  public String username() {
    String preferred = token.getClaim("preferred_username");
    return preferred != null ? preferred : identity.getPrincipal().getName();
  }

  public Optional<String> displayName() {
    return Optional.ofNullable(token.<String>getClaim("name")).filter(s -> !s.isBlank());
  }

  public List<String> roles() {
    return Roles.ALL.stream().filter(identity::hasRole).toList();
  }

  @Override
  public boolean hasRole(String role) {
    return identity.hasRole(role);
  }

  @Override
  public Optional<String> orgUnitCode() {
    Object claim = token.getClaim(ORG_UNIT_CLAIM);
    return Optional.ofNullable(claim).map(Object::toString).filter(s -> !s.isBlank());
  }
}
