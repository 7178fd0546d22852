package vn.lhpn.kehoach.me;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;
import vn.lhpn.kehoach.common.BaseEntity;

/** A user's UI preferences, kept on the server so they follow the user across devices. */
@Entity
@Table(name = "user_preference")
public class UserPreference extends BaseEntity {
  @Column(nullable = false, unique = true)
  public String username;

  @Column(nullable = false, length = 8)
  public String language;

  /** Reminders by e-mail (the bell has them either way). */
  @Column(name = "email_reminders", nullable = false)
  public boolean emailReminders = true;

  public static Optional<UserPreference> findByUsername(String username) {
    return find("username", username).firstResultOptional();
  }
}
