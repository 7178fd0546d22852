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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.submission.Reports;
import vn.lhpn.kehoach.support.CommitFault;
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
   * PostgreSQL stops at the very moment a save commits (a fault put into the transaction's
   * before-completion step, so the commit itself fails, on every run): the client gets a 503
   * problem with Retry-After, never a 500; nothing of the save is kept; its retry with the same
   * Idempotency-Key, once the database is back, saves exactly once.
   */
  @Test
  void shouldAnswer503WhenTheDatabaseGoesAwayWhileASaveCommits() {
    Reports.period("2023-Q3", true);
    long id = id(create(HUNG_SON, "2023-Q3", "05761", List.of(value("I-2.1", 0))).statusCode(201));
    String etag = etag(HUNG_SON, id);
    String key = "commit-fault-" + id;
    CommitFault.arm(
        "/submissions/" + id + "/values", () -> RealServicesResource.run("postgres-stop"));
    Response refused;
    boolean fired;
    try {
      refused = save(id, etag, key, 7);
      fired = !CommitFault.armed();
    } finally {
      CommitFault.disarm();
      RealServicesResource.run("postgres", "kehoach_test");
    }
    assertTrue(fired, "the fault met no committing transaction of the save");
    refused
        .then()
        .statusCode(503)
        .contentType(startsWith("application/problem+json"))
        .header("Retry-After", org.hamcrest.Matchers.notNullValue())
        .body("status", org.hamcrest.Matchers.equalTo(503));
    awaitReady();
    Response retried = save(id, etag, key, 7);
    retried.then().statusCode(200);
    assertEquals(null, retried.header("Idempotent-Replayed"), "the failed save stored no answer");
    save(id, etag, key, 7).then().statusCode(200).header("Idempotent-Replayed", "true");
    assertEquals(7, number(Reports.get(HUNG_SON, id).extract().path("values[0].number")));
    assertEquals(
        List.of(7),
        savedValues(id).stream().filter(v -> v > 0).toList(),
        "the history holds the save once");
  }

  /**
   * PostgreSQL goes away under 30 saves of one report and comes back: readiness goes down and up
   * without restarting the backend; every save the client saw acknowledged is there; the others
   * failed cleanly (503 problem+json, Retry-After) and succeeded when retried with their
   * Idempotency-Key; the history holds each value once. Driven by states, not by time: the outage
   * starts once ten saves are through, and ends once readiness said "down" and a save was refused.
   */
  @Test
  void shouldLoseNoAcknowledgedWriteWhenTheDatabaseRestarts() throws Exception {
    Reports.period("2022-Q4", true);
    long id = id(create(HUNG_SON, "2022-Q4", "05761", List.of(value("I-2.1", 0))).statusCode(201));
    AtomicInteger acknowledged = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicBoolean stopped = new AtomicBoolean();
    AtomicBoolean sawDown = new AtomicBoolean();
    var outage =
        java.util.concurrent.CompletableFuture.runAsync(
            () -> {
              try {
                await("ten saves through", () -> acknowledged.get() >= 10);
                RealServicesResource.run("postgres-stop");
                stopped.set(true);
                await("readiness down", () -> ready() == 503);
                sawDown.set(true);
                await("a save refused", () -> refused.get() > 0);
              } finally {
                RealServicesResource.run("postgres", "kehoach_test");
              }
            });
    try {
      String etag = etag(HUNG_SON, id);
      for (int n = 1; n <= 30; n++) {
        if (n == 11) {
          // the saves from here meet the outage, whatever the speed of this machine
          await("PostgreSQL stopped", () -> stopped.get() || outage.isDone());
        }
        String key = "fault-" + id + "-" + n;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
          assertTrue(System.nanoTime() < deadline, "save " + n + " never went through");
          long start = System.nanoTime();
          Response r = save(id, etag, key, n);
          assertTrue(System.nanoTime() - start < 10_000_000_000L, "a save hung");
          if (r.statusCode() == 200) {
            etag = r.header("ETag");
            acknowledged.incrementAndGet();
            break;
          }
          refused.incrementAndGet();
          r.then().statusCode(503).contentType(startsWith("application/problem+json"));
          assertTrue(r.header("Retry-After") != null);
          Thread.sleep(200); // a client's back-off between retries
        }
      }
    } finally {
      outage.get(3, java.util.concurrent.TimeUnit.MINUTES);
    }
    assertTrue(sawDown.get(), "readiness never reported the database down");
    awaitReady();
    assertTrue(refused.get() > 0, "the outage refused no save: it did not happen under load");
    assertEquals(
        30,
        number(Reports.get(HUNG_SON, id).extract().path("values[0].number")),
        "the last acknowledged value");
    List<Integer> expected = new ArrayList<>();
    for (int n = 1; n <= 30; n++) {
      expected.add(n);
    }
    assertEquals(expected, savedValues(id).stream().filter(v -> v > 0).sorted().toList());
  }

  private static Response save(long id, String etag, String key, int number) {
    return given()
        .auth()
        .oauth2(Tokens.of(HUNG_SON))
        .contentType("application/json")
        .header("If-Match", etag)
        .header("Idempotency-Key", key)
        .body(Map.of("values", List.of(value("I-2.1", number))))
        .put("/api/v1/submissions/" + id + "/values");
  }

  private static void await(String what, java.util.concurrent.Callable<Boolean> state) {
    org.awaitility.Awaitility.await(what)
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(state);
  }

  private static void awaitReady() {
    await("readiness back up", () -> ready() == 200);
  }

  /** The values the history says were saved for I-2.1, in its order. */
  private static List<Integer> savedValues(long id) {
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
      if (after != null && after.get("number") != null) {
        saved.add(number(after.get("number")));
      }
    }
    return saved;
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
