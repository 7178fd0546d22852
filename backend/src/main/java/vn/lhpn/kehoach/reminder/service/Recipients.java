package vn.lhpn.kehoach.reminder.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.representations.idm.UserRepresentation;
import vn.lhpn.kehoach.account.service.Directory;
import vn.lhpn.kehoach.security.Roles;

/**
 * Who is reminded, from the accounts in Keycloak: the enabled reporters and reviewers of each unit
 * (the unit attribute of the account), with the address of the account. Two calls per run.
 */
@ApplicationScoped
public class Recipients {
  private final Directory directory;

  Recipients(Directory directory) {
    this.directory = directory;
  }

  /** A person to remind: the name to greet, the address (null: none on the account). */
  public record Person(String username, String unitCode, String greeting, String email) {}

  /** The reporters and the reviewers of each unit. */
  public record ByUnit(Map<String, List<Person>> reporters, Map<String, List<Person>> reviewers) {
    public List<Person> reportersAt(String unit) {
      return reporters.getOrDefault(unit, List.of());
    }

    public List<Person> reviewersAt(String unit) {
      return reviewers.getOrDefault(unit, List.of());
    }
  }

  public ByUnit load() {
    return new ByUnit(byUnit(Roles.REPORTER), byUnit(Roles.REVIEWER));
  }

  private Map<String, List<Person>> byUnit(String role) {
    Map<String, List<Person>> out = new HashMap<>();
    for (UserRepresentation u : directory.roleMembers(role)) {
      if (Boolean.FALSE.equals(u.isEnabled())) {
        continue;
      }
      String unit = unitOf(u);
      if (unit == null) {
        continue;
      }
      out.computeIfAbsent(unit, k -> new ArrayList<>())
          .add(new Person(u.getUsername(), unit, greeting(u), blankToNull(u.getEmail())));
    }
    return out;
  }

  private static String unitOf(UserRepresentation u) {
    Map<String, List<String>> attributes = u.getAttributes();
    List<String> values = attributes == null ? null : attributes.get(Directory.UNIT_ATTRIBUTE);
    return values == null || values.isEmpty() ? null : blankToNull(values.get(0));
  }

  /** The full name as Keycloak forms it (first name, then last name), else the username. */
  private static String greeting(UserRepresentation u) {
    String name =
        ((u.getFirstName() == null ? "" : u.getFirstName())
                + " "
                + (u.getLastName() == null ? "" : u.getLastName()))
            .strip();
    return name.isEmpty() ? u.getUsername() : name;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
