package vn.lhpn.kehoach.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lhpn.kehoach.submission.Reports.HUNG_SON;
import static vn.lhpn.kehoach.submission.Reports.create;
import static vn.lhpn.kehoach.submission.Reports.etag;
import static vn.lhpn.kehoach.submission.Reports.id;
import static vn.lhpn.kehoach.submission.Reports.value;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.submission.Reports;
import vn.lhpn.kehoach.support.RealServicesResource;
import vn.lhpn.kehoach.support.Tokens;

/**
 * Faults, for real: the machine's PostgreSQL is stopped and started again while a reporter keeps
 * saving, and Keycloak is stopped while callers hold tokens (accounts, kept in Keycloak, answer
 * 503). In its own profile (a connection is given up after 2 s instead of 5), so Quarkus runs it
 * after the other tests.
 */
@QuarkusTest
@TestProfile(FaultsTest.QuickToGiveUp.class)
class FaultsTest {
  public static class QuickToGiveUp implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "2S");
    }
  }

  static int number(Object value) {
    return new java.math.BigDecimal(String.valueOf(value)).intValue();
  }

  static int ready() {
    return given().get("/q/health/ready").statusCode();
  }

  /**
   * PostgreSQL goes away under 30 saves of one report and comes back: readiness goes down and up
   * without restarting the backend; every save the client saw acknowledged is there; the others
   * failed cleanly (503 problem+json, Retry-After) and succeeded when retried with their
   * Idempotency-Key; the history holds each value once.
   */
  @Test
  void shouldLoseNoAcknowledgedWriteWhenTheDatabaseRestarts() throws Exception {
    Reports.period("2022-Q4", true);
    long id = id(create(HUNG_SON, "2022-Q4", "05761", List.of(value("I-2.1", 0))).statusCode(201));
    String etag = etag(HUNG_SON, id);
    AtomicBoolean sawDown = new AtomicBoolean();
    Thread outage =
        new Thread(
            () -> {
              try {
                Thread.sleep(400);
                RealServicesResource.run("postgres-stop");
                for (int i = 0; i < 20 && !sawDown.get(); i++) {
                  sawDown.set(ready() == 503);
                  Thread.sleep(250);
                }
                Thread.sleep(1500);
                RealServicesResource.run("postgres", "kehoach_test");
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    outage.start();
    try {
      saveThirtyTimes(id, etag, sawDown);
    } finally {
      outage.join();
      RealServicesResource.run("postgres", "kehoach_test"); // up, whatever happened
    }
  }

  private void saveThirtyTimes(long id, String etag, AtomicBoolean sawDown) throws Exception {
    int refused = 0;
    for (int n = 1; n <= 30; n++) {
      String key = "fault-" + id + "-" + n;
      for (int attempt = 0; ; attempt++) {
        assertTrue(attempt < 60, "save " + n + " never went through");
        long start = System.nanoTime();
        Response r =
            given()
                .auth()
                .oauth2(Tokens.of(HUNG_SON))
                .contentType("application/json")
                .header("If-Match", etag)
                .header("Idempotency-Key", key)
                .body(Map.of("values", List.of(value("I-2.1", n))))
                .put("/api/v1/submissions/" + id + "/values");
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "a save hung");
        if (r.statusCode() == 200) {
          etag = r.header("ETag");
          break;
        }
        refused++;
        r.then().statusCode(503).contentType(startsWith("application/problem+json"));
        assertTrue(r.header("Retry-After") != null);
        Thread.sleep(300);
      }
    }
    assertTrue(sawDown.get(), "readiness never reported the database down");
    org.awaitility.Awaitility.await("readiness back up")
        .atMost(java.time.Duration.ofSeconds(10))
        .until(() -> ready() == 200);
    assertTrue(refused > 0, "the outage refused no save: it did not happen under load");

    Reports.get(HUNG_SON, id).statusCode(200);
    assertEquals(
        30,
        number(Reports.get(HUNG_SON, id).extract().path("values[0].number")),
        "the last acknowledged value");
    List<Integer> saved = new ArrayList<>();
    List<Map<String, Object>> history =
        given()
            .auth()
            .oauth2(Tokens.of(HUNG_SON))
            .get("/api/v1/submissions/" + id + "/history?item=I-2.1")
            .then()
            .statusCode(200)
            .extract()
            .path("findAll { it.kind == 'value' }");
    for (Map<String, Object> e : history) {
      @SuppressWarnings("unchecked")
      Map<String, Object> after = (Map<String, Object>) e.get("after");
      saved.add(number(after.get("number")));
    }
    List<Integer> expected = new ArrayList<>();
    for (int n = 1; n <= 30; n++) {
      expected.add(n);
    }
    assertEquals(expected, saved.stream().filter(v -> v > 0).sorted().toList());
  }

  /**
   * Keycloak stopped: tokens already issued keep working until they expire (the backend verifies
   * them with the keys it holds, it never asks Keycloak); a string that is no token is still a 401.
   */
  @Test
  void shouldKeepIssuedTokensWorkingWhileKeycloakIsDown() {
    String token = Tokens.of("tinh.lanhdao");
    String admin = Tokens.of("admin");
    given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
    RealServicesResource.run("keycloak-stop", RealServicesResource.KEYCLOAK_INSTANCE);
    try {
      given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
      given()
          .auth()
          .oauth2(token)
          .get("/api/v1/progress?plan=11-KH-BCH&year=2025")
          .then()
          .statusCode(200);
      given().auth().oauth2("not-a-token").get("/api/v1/me").then().statusCode(401);
      // accounts live in Keycloak: a clear 503, and nothing created
      given()
          .auth()
          .oauth2(admin)
          .get("/api/v1/accounts")
          .then()
          .statusCode(503)
          .header("Retry-After", org.hamcrest.Matchers.notNullValue())
          .body("detail", org.hamcrest.Matchers.containsString("Keycloak"));
      given()
          .auth()
          .oauth2(admin)
          .contentType("application/json")
          .body(java.util.Map.of("unit", "173"))
          .post("/api/v1/accounts/bulk")
          .then()
          .statusCode(503);
    } finally {
      RealServicesResource.run(
          "keycloak-resume",
          RealServicesResource.KEYCLOAK_INSTANCE,
          Integer.toString(RealServicesResource.KEYCLOAK_PORT),
          "http://localhost:5174");
    }
  }
}
