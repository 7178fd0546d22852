package vn.lhpn.kehoach.me;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;
import vn.lhpn.kehoach.security.Access;
import vn.lhpn.kehoach.security.CurrentUser;

/** The caller's profile and preferences. */
@ApplicationScoped
public class MeService {
  static final String DEFAULT_LANGUAGE = "vi";

  private final CurrentUser user;
  private final Access access;
  private final Clock clock;

  MeService(CurrentUser user, Access access, Clock clock) {
    this.user = user;
    this.access = access;
    this.clock = clock;
  }

  @Transactional
  public MeDtos.Me me() {
    String code = user.orgUnitCode().orElse(null);
    OrgUnitSummary unit =
        code == null
            ? null
            : OrgUnit.findByCode(code, LocalDate.now(clock)).map(OrgUnitSummary::of).orElse(null);
    return new MeDtos.Me(
        user.username(),
        user.displayName().orElse(null),
        user.roles(),
        code,
        unit,
        unit == null ? List.of() : access.actionsAt(code));
  }

  /** Preferences with their version; a user who never saved any has the defaults at version 0. */
  @Transactional
  public Versioned<MeDtos.Preferences> preferences() {
    return UserPreference.findByUsername(user.username())
        .map(p -> new Versioned<>(view(p), p.version + 1))
        .orElseGet(
            () ->
                new Versioned<>(
                    new MeDtos.Preferences(DEFAULT_LANGUAGE, true, user.email().orElse(null)), 0));
  }

  private MeDtos.Preferences view(UserPreference p) {
    return new MeDtos.Preferences(p.language, p.emailReminders, user.email().orElse(null));
  }

  @Transactional
  public Versioned<MeDtos.Preferences> updatePreferences(
      long expectedVersion, MeDtos.PreferencesUpdate update) {
    UserPreference pref = UserPreference.findByUsername(user.username()).orElse(null);
    if (pref == null) {
      Etags.check(expectedVersion, 0);
      pref = new UserPreference();
      pref.username = user.username();
      pref.language = update.language();
      if (update.emailReminders() != null) {
        pref.emailReminders = update.emailReminders();
      }
      pref.persist();
    } else {
      Etags.check(expectedVersion, pref.version + 1);
      pref.language = update.language();
      if (update.emailReminders() != null) {
        pref.emailReminders = update.emailReminders();
      }
    }
    UserPreference.getEntityManager().flush();
    return new Versioned<>(view(pref), pref.version + 1);
  }

  /** A value and the version its ETag is made of. */
  public record Versioned<T>(T value, long version) {}
}
