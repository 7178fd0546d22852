package vn.lhpn.kehoach.security;

import java.util.Optional;

/** Who is calling, as the authorization rules need it: plain values, testable without a token. */
public interface Caller {
  String username();

  boolean hasRole(String role);

  /** The org unit code the account is bound to (Keycloak attribute {@code org_unit}). */
  Optional<String> orgUnitCode();
}
