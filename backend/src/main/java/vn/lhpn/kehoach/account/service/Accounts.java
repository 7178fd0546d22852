package vn.lhpn.kehoach.account.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import vn.lhpn.kehoach.account.AccountChange;
import vn.lhpn.kehoach.account.dto.AccountDtos;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.common.Text;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.security.Access;
import vn.lhpn.kehoach.security.Roles;
import vn.lhpn.kehoach.security.UnitHierarchy;

/**
 * Accounts of a subtree, managed by its admins (docs/adr/0007). Rules, checked before Keycloak is
 * asked to change anything: the caller is an {@code admin}; the account's unit, before and after,
 * lies in the caller's subtree and exists today; roles come from {@link #GRANTABLE} only (never
 * {@code integration}); nobody disables their own account or changes their own roles or unit. Every
 * change is kept in {@code account_change}.
 */
@ApplicationScoped
public class Accounts {
  /** What an admin may hand out; an account's other roles (Keycloak's own) are left alone. */
  public static final List<String> GRANTABLE =
      List.of(Roles.REPORTER, Roles.REVIEWER, Roles.PLANNER, Roles.VIEWER, Roles.ADMIN);

  private final Directory directory;
  private final Access access;
  private final UnitHierarchy hierarchy;
  private final Clock clock;
  private final AccountLog log;

  Accounts(
      Directory directory, Access access, UnitHierarchy hierarchy, Clock clock, AccountLog log) {
    this.directory = directory;
    this.access = access;
    this.hierarchy = hierarchy;
    this.clock = clock;
    this.log = log;
  }

  void requireAdmin() {
    if (!access.hasRole(Roles.ADMIN)) {
      throw Access.forbidden(Message.of("forbidden.account.admin"));
    }
    access.unitCode(); // an admin bound to no unit manages nothing (403)
  }

  /** The accounts of the caller's subtree (or of a unit in it), filtered and paged. */
  public AccountDtos.Page list(String unit, String q, boolean closedOnly, int page, int size) {
    requireAdmin();
    Set<String> scope =
        unit == null || unit.isBlank()
            ? access.subtree()
            : hierarchy.subtreeCodes(access.requireInScope(unit.strip(), "unit"));
    String needle = q == null || q.isBlank() ? null : Text.fold(q);
    Map<String, OrgUnit> today = unitsToday(scope);
    List<UserRepresentation> users = new ArrayList<>();
    for (UserRepresentation u : directory.users()) {
      String code = unitOf(u);
      if (code == null || !scope.contains(code) || u.getUsername().startsWith("service-account-")) {
        continue;
      }
      if (closedOnly && today.containsKey(code)) {
        continue;
      }
      if (needle != null
          && !Text.fold(
                  String.join(
                      " ",
                      u.getUsername(),
                      Objects.toString(u.getFirstName(), ""),
                      Objects.toString(u.getLastName(), ""),
                      code,
                      today.containsKey(code) ? today.get(code).name : ""))
              .contains(needle)) {
        continue;
      }
      users.add(u);
    }
    users.sort(
        Comparator.comparing(Accounts::unitOf).thenComparing(UserRepresentation::getUsername));
    int from = Math.min(users.size(), page * size);
    List<UserRepresentation> shown = users.subList(from, Math.min(users.size(), from + size));
    Map<String, OffsetDateTime> logins = shown.isEmpty() ? Map.of() : directory.lastLogins();
    List<AccountDtos.Account> items = new ArrayList<>();
    for (UserRepresentation u : shown) {
      items.add(AccountViews.view(u, directory.roles(u.getId()), today, logins));
    }
    return new AccountDtos.Page(items, page, size, users.size());
  }

  /** One account of the caller's subtree, with its ETag; 404 for any other. */
  public Viewed get(String id) {
    requireAdmin();
    UserRepresentation u = inScope(id);
    List<String> roles = directory.roles(u.getId());
    AccountDtos.Account a =
        AccountViews.view(
            u, roles, unitsToday(Set.of(Objects.toString(unitOf(u), ""))), directory.lastLogins());
    return new Viewed(a, AccountViews.etag(a));
  }

  public record Viewed(AccountDtos.Account account, String etag) {}

  public AccountDtos.WithPassword create(AccountDtos.Create c) {
    return create(c, "create", new HashMap<>());
  }

  /**
   * Creates an account whole (temporary password, roles) or not at all; kept as {@code action},
   * recorded before Keycloak is asked ({@link AccountLog}). Two calls to Keycloak: the user with
   * its password, then its roles ({@code realmRoles}: those already looked up, see {@link
   * Directory#addRoles}).
   */
  AccountDtos.WithPassword create(
      AccountDtos.Create c, String action, Map<String, RoleRepresentation> realmRoles) {
    requireAdmin();
    List<String> roles = grantable(c.roles());
    OrgUnit unit = unitForAccount(c.unit());
    String username = c.username().strip().toLowerCase(Locale.ROOT);
    AccountNames.requireName(username, unit.code);
    UserRepresentation u = new UserRepresentation();
    u.setUsername(username);
    u.setFirstName(blankToNull(c.firstName()));
    u.setLastName(blankToNull(c.lastName()));
    u.setEmail(blankToNull(c.email()));
    u.setEnabled(true);
    u.setAttributes(Map.of(Directory.UNIT_ATTRIBUTE, List.of(unit.code)));
    AccountLog.Intent intent =
        log.intend(
            null,
            username,
            action,
            access.username(),
            null,
            AccountViews.snapshot(AccountViews.view(u, roles, Map.of(unit.code, unit), Map.of())));
    Directory.Created made;
    try {
      made = directory.create(u, Passwords::temporary);
    } catch (RuntimeException e) {
      log.failed(intent, e);
      throw e;
    }
    String id = made.id();
    try {
      directory.addRoles(id, roles, realmRoles);
    } catch (RuntimeException e) {
      // nothing half-created: an account without its roles is taken back
      try {
        directory.delete(id);
        log.abandon(intent);
      } catch (RuntimeException ignored) {
        // Keycloak is down; the account has no role, so it can do nothing; the record settles
      }
      throw e;
    }
    // what was just made, as made: a new account has logged in nowhere yet
    u.setId(id);
    u.setCreatedTimestamp(ClockProducer.now().toInstant().toEpochMilli());
    AccountDtos.Account created = AccountViews.view(u, roles, Map.of(unit.code, unit), Map.of());
    log.done(intent, id, AccountViews.snapshot(created));
    return new AccountDtos.WithPassword(created, made.password());
  }

  public Viewed update(String id, String ifMatch, AccountDtos.Update change) {
    requireAdmin();
    String expected = Etags.requireTag(ifMatch);
    Viewed current = get(id);
    if (!current.etag().equals(expected)) {
      throw Etags.stale();
    }
    AccountDtos.Account before = current.account();
    List<String> roles = grantable(change.roles());
    OrgUnit unit = unitForAccount(change.unit());
    boolean self = before.username().equals(access.username());
    if (self
        && (!change.enabled()
            || !unit.code.equals(before.unitCode())
            || !Set.copyOf(roles).equals(Set.copyOf(grantableOf(before.roles()))))) {
      throw Access.forbidden(Message.of("forbidden.account.self"));
    }
    AccountNames.requireStaysOnItsUnit(before.username(), unit.code);
    UserRepresentation u = directory.user(id);
    u.setFirstName(blankToNull(change.firstName()));
    u.setLastName(blankToNull(change.lastName()));
    u.setEmail(blankToNull(change.email()));
    u.setEnabled(change.enabled());
    Map<String, List<String>> attributes =
        new HashMap<>(u.getAttributes() == null ? Map.of() : u.getAttributes());
    attributes.put(Directory.UNIT_ATTRIBUTE, List.of(unit.code));
    u.setAttributes(attributes);
    String action =
        before.enabled() != change.enabled() ? (change.enabled() ? "enable" : "disable") : "update";
    AccountLog.Intent intent =
        log.intend(
            id,
            before.username(),
            action,
            access.username(),
            AccountViews.snapshot(before),
            AccountViews.snapshot(AccountViews.view(u, roles, Map.of(unit.code, unit), Map.of())));
    try {
      directory.update(id, u);
      directory.setRoles(id, roles, GRANTABLE);
      if (before.enabled() && !change.enabled()) {
        directory.logout(id);
      }
    } catch (RuntimeException e) {
      log.failed(intent, e);
      throw e;
    }
    Viewed after = get(id);
    log.done(intent, id, AccountViews.snapshot(after.account()));
    return after;
  }

  public AccountDtos.WithPassword resetPassword(String id) {
    requireAdmin();
    AccountDtos.Account a = get(id).account();
    AccountLog.Intent intent =
        log.intend(
            id,
            a.username(),
            "reset-password",
            access.username(),
            null,
            Map.of("requiredAction", "UPDATE_PASSWORD"));
    String password;
    try {
      password = directory.temporaryPassword(id, Passwords::temporary);
      directory.logout(id);
    } catch (RuntimeException e) {
      log.failed(intent, e);
      throw e;
    }
    log.done(intent, id, null);
    return new AccountDtos.WithPassword(a, password);
  }

  public List<AccountDtos.Change> history(String id) {
    requireAdmin();
    inScope(id);
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                AccountChange.of(id).stream()
                    .map(
                        c ->
                            new AccountDtos.Change(
                                c.action, c.changedBy, c.changedAt, c.before, c.after, c.state))
                    .toList());
  }

  /** The user, if its unit lies in the caller's subtree; 404 otherwise. */
  UserRepresentation inScope(String id) {
    if (id == null || !id.matches("[0-9a-fA-F-]{36}")) {
      throw new ApiException(ProblemType.NOT_FOUND, Message.of("account.not-found"));
    }
    UserRepresentation u = directory.user(id);
    String code = unitOf(u);
    if (code == null || !access.inScope(code) || u.getUsername().startsWith("service-account-")) {
      throw new ApiException(ProblemType.NOT_FOUND, Message.of("account.not-found")).denied();
    }
    return u;
  }

  /** A unit an account may be bound to: in the caller's subtree and existing today. */
  OrgUnit unitForAccount(String code) {
    String c = code.strip();
    access.requireInScope(c, "unit");
    return OrgUnit.findValid(c, LocalDate.now(clock))
        .orElseThrow(() -> ApiException.invalid("unit", Message.of("account.no-unit-today")));
  }

  static List<String> grantable(List<String> roles) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < roles.size(); i++) {
      String r = roles.get(i);
      if (r == null || !GRANTABLE.contains(r)) {
        throw ApiException.invalid(
            "roles[" + i + "]", Message.of("value.one-of", "options", List.copyOf(GRANTABLE)));
      }
      if (!out.contains(r)) {
        out.add(r);
      }
    }
    return out;
  }

  static List<String> grantableOf(List<String> roles) {
    return roles.stream().filter(GRANTABLE::contains).toList();
  }

  Map<String, OrgUnit> unitsToday(Set<String> codes) {
    Map<String, OrgUnit> out = new HashMap<>();
    if (codes.isEmpty()) {
      return out;
    }
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              for (OrgUnit u :
                  OrgUnit.<OrgUnit>list(
                      "code in :codes and " + OrgUnit.VALID_ON,
                      Parameters.with("codes", codes).and("day", LocalDate.now(clock)))) {
                out.put(u.code, u);
              }
              return out;
            });
  }

  static String unitOf(UserRepresentation u) {
    if (u.getAttributes() == null) {
      return null;
    }
    List<String> v = u.getAttributes().get(Directory.UNIT_ATTRIBUTE);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /**
   * Makes a change in Keycloak with its record written first ({@link AccountLog}): {@code change}
   * runs only once the pending record is in the database, and returns the account as made.
   */
  AccountDtos.Account recorded(
      String id,
      String username,
      String action,
      AccountDtos.Account before,
      Map<String, Object> intended,
      java.util.function.Supplier<AccountDtos.Account> change) {
    AccountLog.Intent intent =
        log.intend(
            id, username, action, access.username(), AccountViews.snapshot(before), intended);
    AccountDtos.Account after;
    try {
      after = change.get();
    } catch (RuntimeException e) {
      log.failed(intent, e);
      throw e;
    }
    log.done(intent, id, AccountViews.snapshot(after));
    return after;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
