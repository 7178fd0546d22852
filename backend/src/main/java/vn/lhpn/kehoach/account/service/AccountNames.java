package vn.lhpn.kehoach.account.service;

import java.util.Locale;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;

/**
 * The names an admin may give (#29), checked before Keycloak is asked: none that Keycloak keeps for
 * itself, and a commune reporter's {@code bc.<code>} only for the unit of that code, where it
 * stays.
 */
final class AccountNames {
  /** Keycloak names a client's service account {@code service-account-<client>}. */
  static final String RESERVED_PREFIX = "service-account-";

  private AccountNames() {}

  /**
   * Names no admin may give (#29): Keycloak's own for service accounts, and {@code bc.<code>} for
   * any unit but the one of that code. The unit code owns its {@code bc.} name, so one admin's
   * choice can never take the name another admin's bulk run makes for its commune.
   */
  static void requireName(String username, String unitCode) {
    if (username.startsWith(RESERVED_PREFIX)) {
      throw ApiException.invalid(
          "username", Message.of("account.name-reserved", "prefix", RESERVED_PREFIX));
    }
    String own = BulkAccounts.PREFIX + unitCode.toLowerCase(Locale.ROOT);
    if (username.startsWith(BulkAccounts.PREFIX) && !username.equals(own)) {
      throw ApiException.invalid("username", Message.of("account.name-of-unit", "own", own));
    }
  }

  /** A {@code bc.<code>} account stays on the unit of that code. */
  static void requireStaysOnItsUnit(String username, String unitCode) {
    if (username.startsWith(BulkAccounts.PREFIX)
        && !username.equals(BulkAccounts.PREFIX + unitCode.toLowerCase(Locale.ROOT))) {
      throw ApiException.invalid("unit", Message.of("account.bulk-name-unit"));
    }
  }
}
