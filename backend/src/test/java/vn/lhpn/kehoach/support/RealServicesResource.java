package vn.lhpn.kehoach.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Starts what the backend tests need, for real: the machine's PostgreSQL (database kehoach_test)
 * and a Keycloak from its Maven Central distribution with realm lhpn and the demo users. Stops
 * Keycloak when the tests end, pass or fail. Uses infra/lib/services.sh, like the local run.
 */
public class RealServicesResource implements QuarkusTestResourceLifecycleManager {
  public static final int KEYCLOAK_PORT = 8181;
  public static final String KEYCLOAK_INSTANCE = "test";
  public static final String REALM_URL = "http://localhost:" + KEYCLOAK_PORT + "/realms/lhpn";

  private static boolean contractChecked;

  @Override
  public Map<String, String> start() {
    if (!contractChecked) {
      // every answer of every test is checked against openapi.yaml
      io.restassured.RestAssured.filters(new ContractValidation());
      contractChecked = true;
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () ->
                      System.out.println(
                          "ContractValidation: "
                              + ContractValidation.CHECKED.get()
                              + " answers matched openapi.yaml")));
    }
    run("postgres", "kehoach_test");
    if (System.getProperty(KEYCLOAK_STARTED) == null) {
      // once per test JVM: a test profile restarts Quarkus in a class loader of its own (where a
      // static field starts afresh), not Keycloak (its keys, its tokens, 20 s each time)
      run(
          "keycloak-start",
          KEYCLOAK_INSTANCE,
          Integer.toString(KEYCLOAK_PORT),
          "http://localhost:5174");
      System.setProperty(KEYCLOAK_STARTED, "true");
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> run("keycloak-stop", KEYCLOAK_INSTANCE)));
    }
    return Map.of(
        "quarkus.oidc.auth-server-url",
        REALM_URL,
        "quarkus.keycloak.admin-client.server-url",
        "http://localhost:" + KEYCLOAK_PORT);
  }

  /** A system property: one for the whole JVM, whichever class loader asks. */
  private static final String KEYCLOAK_STARTED = "kehoach.test.keycloak-started";

  @Override
  public void stop() {
    // Keycloak stops when the test JVM ends (the hook above), pass or fail
  }

  /** Runs a command of infra/lib/services.sh (the fault tests stop and start services with it). */
  public static void run(String... args) {
    var command =
        new java.util.ArrayList<>(
            List.of("bash", ProjectRoot.get().resolve("infra/lib/services.sh").toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      int exit = process.waitFor();
      if (exit != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }
}
