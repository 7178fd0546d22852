package vn.lhpn.kehoach.account.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.keycloak.representations.idm.UserRepresentation;
import vn.lhpn.kehoach.account.dto.AccountDtos;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.orgunit.OrgUnit;

/** An account as the API shows it, its ETag, and what its history keeps of it. */
final class AccountViews {
  private AccountViews() {}

  static AccountDtos.Account view(
      UserRepresentation u,
      List<String> roles,
      Map<String, OrgUnit> today,
      Map<String, OffsetDateTime> logins) {
    String code = Accounts.unitOf(u);
    OrgUnit unit = code == null ? null : today.get(code);
    return new AccountDtos.Account(
        u.getId(),
        u.getUsername(),
        u.getFirstName(),
        u.getLastName(),
        u.getEmail(),
        code,
        unit == null ? null : unit.name,
        unit == null,
        roles.stream().filter(Accounts.GRANTABLE::contains).sorted().toList(),
        Boolean.TRUE.equals(u.isEnabled()),
        u.getId() == null ? null : logins.get(u.getId()),
        u.getCreatedTimestamp() == null
            ? null
            : Instant.ofEpochMilli(u.getCreatedTimestamp()).atOffset(ZoneOffset.UTC));
  }

  static String etag(AccountDtos.Account a) {
    return Etags.digest(
        "account",
        List.of(
            Objects.toString(a.unitCode(), ""),
            String.join(",", a.roles()),
            Boolean.toString(a.enabled()),
            Objects.toString(a.firstName(), ""),
            Objects.toString(a.lastName(), ""),
            Objects.toString(a.email(), "")));
  }

  static Map<String, Object> snapshot(AccountDtos.Account a) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("unit", a.unitCode());
    out.put("roles", a.roles());
    out.put("enabled", a.enabled());
    out.put("firstName", a.firstName());
    out.put("lastName", a.lastName());
    out.put("email", a.email());
    return out;
  }
}
