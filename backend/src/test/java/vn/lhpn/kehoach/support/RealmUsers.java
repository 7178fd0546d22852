package vn.lhpn.kehoach.support;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Users of the test realm that the demo import does not hold, made through Keycloak's admin API
 * (the backend's own service account) with the demo password: for tests that need a unit the demo
 * users are not bound to. Made once; a second call finds them.
 */
public final class RealmUsers {
  private RealmUsers() {}

  /** A user bound to a unit with realm roles; nothing happens if it exists already. */
  public static void ensure(Keycloak keycloak, String username, String unit, String... roles) {
    RealmResource realm = keycloak.realm("lhpn");
    if (!realm.users().searchByUsername(username, true).isEmpty()) {
      return;
    }
    UserRepresentation user = new UserRepresentation();
    user.setUsername(username);
    user.setEnabled(true);
    user.setEmailVerified(true);
    user.setFirstName("Thử");
    user.setLastName(username);
    user.setEmail(username + "@test.lhpn.invalid");
    user.setAttributes(Map.of("org_unit", List.of(unit)));
    CredentialRepresentation password = new CredentialRepresentation();
    password.setType(CredentialRepresentation.PASSWORD);
    password.setValue(Tokens.DEMO_PASSWORD);
    password.setTemporary(false);
    user.setCredentials(List.of(password));
    try (Response created = realm.users().create(user)) {
      if (created.getStatus() != 201 && created.getStatus() != 409) {
        throw new IllegalStateException(
            "Keycloak refused " + username + ": " + created.getStatus());
      }
    }
    String id = realm.users().searchByUsername(username, true).get(0).getId();
    realm
        .users()
        .get(id)
        .roles()
        .realmLevel()
        .add(List.of(roles).stream().map(r -> realm.roles().get(r).toRepresentation()).toList());
  }
}
