package vn.lhpn.kehoach.account.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemType;

/**
 * Keycloak's admin REST API as the account feature needs it, and nothing more: users of the realm
 * with their unit attribute, realm roles, enabled state, a temporary password, last logins. Any
 * failure to reach Keycloak is a 503 that says so; a refusal by Keycloak is a clear 4xx.
 */
@ApplicationScoped
public class Directory {
  private static final Logger LOG = Logger.getLogger(Directory.class);
  public static final String UNIT_ATTRIBUTE = "org_unit";
  private static final int ALL = 100_000;

  private final Keycloak keycloak;
  private final String realmName;

  Directory(
      Keycloak keycloak,
      @ConfigProperty(name = "quarkus.keycloak.admin-client.realm") String realmName) {
    this.keycloak = keycloak;
    this.realmName = realmName;
  }

  private RealmResource realm() {
    return keycloak.realm(realmName);
  }

  /** Runs a call to Keycloak: unreachable → 503 with Retry-After; its refusals as problems. */
  static <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (NotFoundException e) {
      throw new ApiException(ProblemType.NOT_FOUND, Message.of("account.not-found"));
    } catch (ClientErrorException e) {
      if (e.getResponse().getStatus() == Response.Status.CONFLICT.getStatusCode()) {
        throw taken();
      }
      throw keycloakRefused(e);
    } catch (WebApplicationException e) {
      throw keycloakRefused(e);
    } catch (ProcessingException e) {
      LOG.warnf("Keycloak unreachable: %s", e.getMessage());
      throw new ApiException(ProblemType.SERVICE_UNAVAILABLE, Message.of("account.server-away"));
    }
  }

  /**
   * Keycloak holds a user of that username or e-mail, anywhere in the realm. The answer says no
   * more than that: not which of the two, not whose, not where (#29); the admin picks another.
   */
  static ApiException taken() {
    return new ApiException(ProblemType.CONFLICT, Message.of("account.taken"));
  }

  private static ApiException keycloakRefused(WebApplicationException e) {
    return refused(e.getResponse().getStatus(), body(e));
  }

  private static String body(WebApplicationException e) {
    try {
      return e.getResponse().readEntity(String.class);
    } catch (RuntimeException ignored) {
      return ""; // the status is enough
    }
  }

  private static ApiException refused(int status, String body) {
    if (status == 401 || status == 403) {
      LOG.errorf("Keycloak refused the account service account: %d", status);
      return new ApiException(
          ProblemType.SERVICE_UNAVAILABLE, Message.of("account.server-not-allowed"));
    }
    String said = body == null ? "" : body;
    LOG.warnf("Keycloak refused: %d %s", status, said);
    return new ApiException(
        ProblemType.UNPROCESSABLE,
        Message.of(
            "account.server-refused", "said", said.length() > 300 ? said.substring(0, 300) : said));
  }

  /** Every user of the realm with attributes (a province has a few hundred). */
  public List<UserRepresentation> users() {
    return call(() -> realm().users().search(null, 0, ALL, false));
  }

  /** The users that hold a realm role directly, with their attributes (the reminders' readers). */
  public List<UserRepresentation> roleMembers(String role) {
    return call(() -> realm().roles().get(role).getUserMembers(false, 0, ALL));
  }

  public UserRepresentation user(String id) {
    return call(() -> realm().users().get(id).toRepresentation());
  }

  public Optional<UserRepresentation> byUsername(String username) {
    return call(() -> realm().users().search(username, true)).stream().findFirst();
  }

  public List<String> roles(String id) {
    return call(
        () ->
            realm().users().get(id).roles().realmLevel().listAll().stream()
                .map(RoleRepresentation::getName)
                .toList());
  }

  /** A user just made and the temporary password Keycloak took for it. */
  public record Created(String id, String password) {}

  /**
   * How many passwords are offered before a refusal by the realm's policy is final. Keycloak keeps
   * the blacklist as a Bloom filter: about one random password in 10 000 is taken for a listed one
   * (seen in CI: one of 20 new accounts refused). Another random password is then as good.
   */
  static final int PASSWORD_TRIES = 5;

  /**
   * Creates the user with a temporary password to change at the first login, in one call (the
   * password is hashed once, by Keycloak), from {@code passwords} until the policy takes one.
   */
  public Created create(UserRepresentation user, Supplier<String> passwords) {
    user.setRequiredActions(List.of("UPDATE_PASSWORD"));
    for (int attempt = 1; ; attempt++) {
      String password = passwords.get();
      user.setCredentials(List.of(temporary(password)));
      boolean last = attempt == PASSWORD_TRIES;
      String id =
          call(
              () -> {
                try (Response r = realm().users().create(user)) {
                  int status = r.getStatus();
                  if (status == Response.Status.CREATED.getStatusCode()) {
                    return CreatedResponseUtil.getCreatedId(r);
                  }
                  if (status == Response.Status.CONFLICT.getStatusCode()) {
                    throw taken();
                  }
                  String body = r.readEntity(String.class);
                  if (!last && passwordRefused(status, body)) {
                    return null;
                  }
                  throw refused(status, body);
                }
              });
      if (id != null) {
        return new Created(id, password);
      }
    }
  }

  /** A refusal of the password by the realm's policy (Keycloak's message keys say so). */
  private static boolean passwordRefused(int status, String body) {
    return status == 400 && body != null && body.contains("invalidPassword");
  }

  public void update(String id, UserRepresentation user) {
    call(
        () -> {
          realm().users().get(id).update(user);
          return null;
        });
  }

  /** Sets the realm roles of a user to exactly these (of the ones the caller may hand out). */
  public void setRoles(String id, List<String> wanted, List<String> manageable) {
    call(
        () -> {
          UserResource u = realm().users().get(id);
          List<RoleRepresentation> current = u.roles().realmLevel().listAll();
          List<RoleRepresentation> remove =
              current.stream()
                  .filter(r -> manageable.contains(r.getName()) && !wanted.contains(r.getName()))
                  .toList();
          List<String> have = current.stream().map(RoleRepresentation::getName).toList();
          List<RoleRepresentation> add =
              u.roles().realmLevel().listAvailable().stream()
                  .filter(r -> wanted.contains(r.getName()) && !have.contains(r.getName()))
                  .toList();
          if (!remove.isEmpty()) {
            u.roles().realmLevel().remove(remove);
          }
          if (!add.isEmpty()) {
            u.roles().realmLevel().add(add);
          }
          return null;
        });
  }

  /**
   * Adds realm roles to a new user. Their representations are looked up (among the roles the user
   * may still get) only when {@code known} lacks one, and kept there: a run of many new accounts
   * asks once.
   */
  public void addRoles(String id, List<String> names, Map<String, RoleRepresentation> known) {
    if (names.isEmpty()) {
      return;
    }
    call(
        () -> {
          UserResource u = realm().users().get(id);
          if (!known.keySet().containsAll(names)) {
            u.roles().realmLevel().listAvailable().forEach(r -> known.put(r.getName(), r));
          }
          List<RoleRepresentation> add =
              names.stream().map(known::get).filter(Objects::nonNull).toList();
          u.roles().realmLevel().add(add);
          return null;
        });
  }

  private static CredentialRepresentation temporary(String password) {
    CredentialRepresentation c = new CredentialRepresentation();
    c.setType(CredentialRepresentation.PASSWORD);
    c.setValue(password);
    c.setTemporary(true);
    return c;
  }

  /**
   * A temporary password, from {@code passwords} until the policy takes one: the user must change
   * it at the next login. Returns the password set.
   */
  public String temporaryPassword(String id, Supplier<String> passwords) {
    for (int attempt = 1; ; attempt++) {
      String password = passwords.get();
      boolean last = attempt == PASSWORD_TRIES;
      boolean set =
          call(
              () -> {
                try {
                  realm().users().get(id).resetPassword(temporary(password));
                  return true;
                } catch (WebApplicationException e) {
                  // the client's own exception type, not always BadRequestException
                  if (e.getResponse().getStatus() != 400) {
                    throw e; // the usual answers (no such account, Keycloak down)
                  }
                  String body = body(e);
                  if (!last && passwordRefused(400, body)) {
                    return false;
                  }
                  throw refused(400, body);
                }
              });
      if (set) {
        return password;
      }
    }
  }

  /** Ends every session of the user (a disabled account keeps no refresh token). */
  public void logout(String id) {
    call(
        () -> {
          realm().users().get(id).logout();
          return null;
        });
  }

  public void delete(String id) {
    call(
        () -> {
          try (Response r = realm().users().delete(id)) {
            return r.getStatus();
          }
        });
  }

  /** The last login of each user, from the realm's stored LOGIN events (kept 90 days). */
  public Map<String, OffsetDateTime> lastLogins() {
    Map<String, OffsetDateTime> out = new HashMap<>();
    List<EventRepresentation> events =
        call(() -> realm().getEvents(List.of("LOGIN"), null, null, null, null, null, 0, 5_000));
    for (EventRepresentation e : events) {
      OffsetDateTime at = Instant.ofEpochMilli(e.getTime()).atOffset(ZoneOffset.UTC);
      out.merge(e.getUserId(), at, (a, b) -> a.isAfter(b) ? a : b);
    }
    return out;
  }
}
