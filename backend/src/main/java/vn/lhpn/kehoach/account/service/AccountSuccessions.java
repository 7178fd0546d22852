package vn.lhpn.kehoach.account.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.keycloak.representations.idm.UserRepresentation;
import vn.lhpn.kehoach.account.dto.AccountDtos;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;
import vn.lhpn.kehoach.orgunit.service.UnitSuccession;
import vn.lhpn.kehoach.orgunit.service.UnitSuccession.Succession;
import vn.lhpn.kehoach.security.Access;

/**
 * Accounts left on units a change of the map closed, moved in one step to the unit that took over
 * (docs/adr/0010): by the lineage where it names one unit; a dissolved unit's accounts (a district
 * after 01/07/2025) go to the unit above or are disabled, as the admin asks; a split unit's, and
 * the admin's own, wait for a decision. A dry run says all of it first; every move is kept in the
 * account's history.
 */
@ApplicationScoped
public class AccountSuccessions {
  /** What to do with the accounts of a unit that no unit took over. */
  public enum Dissolved {
    KEEP,
    UP,
    DISABLE;

    public static Dissolved parse(String value) {
      if (value == null || value.isBlank()) {
        return KEEP;
      }
      try {
        return valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid("dissolved", "keep, up, disable");
      }
    }
  }

  private final Accounts accounts;
  private final Directory directory;
  private final Access access;
  private final UnitSuccession succession;
  private final Clock clock;

  AccountSuccessions(
      Accounts accounts,
      Directory directory,
      Access access,
      UnitSuccession succession,
      Clock clock) {
    this.accounts = accounts;
    this.directory = directory;
    this.access = access;
    this.succession = succession;
    this.clock = clock;
  }

  /** The accounts on closed units of the caller's subtree, each with its move; done unless dry. */
  public AccountDtos.Successions follow(boolean dryRun, Dissolved dissolved) {
    accounts.requireAdmin();
    Set<String> scope = access.subtree();
    Map<String, List<UserRepresentation>> byUnit = new LinkedHashMap<>();
    for (UserRepresentation u : directory.users()) {
      String code = Accounts.unitOf(u);
      if (code != null && scope.contains(code) && !u.getUsername().startsWith("service-account-")) {
        byUnit.computeIfAbsent(code, k -> new ArrayList<>()).add(u);
      }
    }
    LocalDate today = LocalDate.now(clock);
    Map<String, Succession> closed = succession.of(byUnit.keySet(), today);
    List<AccountDtos.Succession> out = new ArrayList<>();
    int moved = 0;
    int disabled = 0;
    int undecided = 0;
    for (var e : closed.entrySet()) {
      for (UserRepresentation u : byUnit.get(e.getKey())) {
        AccountDtos.Succession s = decide(u, e.getKey(), e.getValue(), dissolved);
        if (!dryRun && !"decide".equals(s.action())) {
          apply(u, s);
          s = done(s);
        }
        switch (s.action()) {
          case "move", "move_up" -> moved++;
          case "disable" -> disabled++;
          default -> undecided++;
        }
        out.add(s);
      }
    }
    out.sort(
        java.util.Comparator.comparing(AccountDtos.Succession::unitCode)
            .thenComparing(AccountDtos.Succession::username));
    return new AccountDtos.Successions(dryRun, moved, disabled, undecided, out);
  }

  private AccountDtos.Succession decide(
      UserRepresentation u, String code, Succession s, Dissolved dissolved) {
    String name = s.last().map(OrgUnitSummary::name).orElse(null);
    List<String> candidates = s.successors().stream().map(OrgUnitSummary::code).toList();
    if (u.getUsername().equals(access.username())) {
      return of(u, code, name, "decide", null, candidates, Message.of("succession.own-account"));
    }
    if (s.successors().size() == 1) {
      OrgUnitSummary to = s.successors().get(0);
      return access.inScope(to.code())
          ? of(u, code, name, "move", to, List.of(), Message.of("succession.by-lineage"))
          : of(
              u,
              code,
              name,
              "decide",
              null,
              candidates,
              Message.of("succession.successor-outside"));
    }
    if (s.successors().size() > 1) {
      return of(u, code, name, "decide", null, candidates, Message.of("succession.split"));
    }
    if (s.last().isEmpty()) {
      return of(u, code, name, "decide", null, List.of(), Message.of("succession.never-a-unit"));
    }
    return switch (dissolved) {
      case UP ->
          s.above().filter(a -> access.inScope(a.code())).isPresent()
              ? of(
                  u,
                  code,
                  name,
                  "move_up",
                  s.above().get(),
                  List.of(),
                  Message.of("succession.dissolved-up"))
              : of(
                  u, code, name, "decide", null, List.of(), Message.of("succession.above-outside"));
      case DISABLE ->
          of(u, code, name, "disable", null, List.of(), Message.of("succession.dissolved-disable"));
      case KEEP ->
          of(u, code, name, "decide", null, List.of(), Message.of("succession.dissolved-keep"));
    };
  }

  private static AccountDtos.Succession of(
      UserRepresentation u,
      String code,
      String name,
      String action,
      OrgUnitSummary to,
      List<String> candidates,
      Message reason) {
    return new AccountDtos.Succession(
        u.getId(),
        u.getUsername(),
        code,
        name,
        action,
        to == null ? null : to.code(),
        to == null ? null : to.name(),
        candidates,
        reason,
        false);
  }

  private static AccountDtos.Succession done(AccountDtos.Succession s) {
    return new AccountDtos.Succession(
        s.id(),
        s.username(),
        s.unitCode(),
        s.unitName(),
        s.action(),
        s.toCode(),
        s.toName(),
        s.candidates(),
        s.said(),
        true);
  }

  /** One account moved or disabled in Keycloak, kept in its history as "follow-map". */
  private void apply(UserRepresentation u, AccountDtos.Succession s) {
    AccountDtos.Account before = accounts.get(u.getId()).account();
    UserRepresentation current = directory.user(u.getId());
    if ("disable".equals(s.action())) {
      current.setEnabled(false);
    } else {
      Map<String, List<String>> attributes =
          new HashMap<>(current.getAttributes() == null ? Map.of() : current.getAttributes());
      attributes.put(Directory.UNIT_ATTRIBUTE, List.of(s.toCode()));
      current.setAttributes(attributes);
    }
    Map<String, Object> intended = new HashMap<>(AccountViews.snapshot(before));
    intended.put(
        "disable".equals(s.action()) ? "enabled" : "unit",
        "disable".equals(s.action()) ? false : s.toCode());
    accounts.recorded(
        u.getId(),
        before.username(),
        "follow-map",
        before,
        intended,
        () -> {
          directory.update(u.getId(), current);
          if ("disable".equals(s.action()) && before.enabled()) {
            directory.logout(u.getId());
          }
          return accounts.get(u.getId()).account();
        });
  }
}
