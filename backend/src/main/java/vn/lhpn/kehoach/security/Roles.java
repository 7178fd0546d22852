package vn.lhpn.kehoach.security;

/** Realm roles of the {@code lhpn} Keycloak realm: the one list of role names in the code. */
public final class Roles {
  public static final String REPORTER = "reporter";
  public static final String REVIEWER = "reviewer";
  public static final String PLANNER = "planner";
  public static final String VIEWER = "viewer";
  public static final String ADMIN = "admin";
  public static final String INTEGRATION = "integration";

  /** Every application role, in the order the UI lists them. */
  public static final java.util.List<String> ALL =
      java.util.List.of(ADMIN, PLANNER, REVIEWER, REPORTER, VIEWER, INTEGRATION);

  private Roles() {}
}
