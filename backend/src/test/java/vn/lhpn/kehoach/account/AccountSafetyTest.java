package vn.lhpn.kehoach.account;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lhpn.kehoach.account.AccountResourceTest.ADMIN_API;
import static vn.lhpn.kehoach.account.AccountResourceTest.PHU_BINH_ADMIN;
import static vn.lhpn.kehoach.account.AccountResourceTest.PROVINCE_ADMIN;
import static vn.lhpn.kehoach.account.AccountResourceTest.account;
import static vn.lhpn.kehoach.account.AccountResourceTest.as;
import static vn.lhpn.kehoach.account.AccountResourceTest.keycloak;
import static vn.lhpn.kehoach.account.AccountResourceTest.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.account.service.AccountLog;
import vn.lhpn.kehoach.support.CommitFault;
import vn.lhpn.kehoach.support.RealServicesResource;

/**
 * Accounts that one admin cannot take from another (#29): names Keycloak reserves refused before
 * anything is made; a {@code bc.<code>} name only for the unit of that code, so one district's
 * admin cannot take the name another district's bulk run makes for its commune; a taken name or
 * e-mail answered in one sentence that says nothing of whose; and no account change without its
 * record, with PostgreSQL stopped (for real) at the commit of the record before the change, and at
 * the commit that marks it done after.
 */
@QuarkusTest
class AccountSafetyTest {
  @Inject AccountLog log;

  static int usersNamed(String username) {
    return keycloak()
        .queryParam("username", username)
        .queryParam("exact", true)
        .get(ADMIN_API + "/users")
        .then()
        .statusCode(200)
        .extract()
        .path("size()");
  }

  @Test
  void shouldRefuseNamesKeycloakReservesBeforeMakingAnything() {
    for (String name : List.of("service-account-kehoach-cli", "service-account-x1")) {
      as(PROVINCE_ADMIN)
          .body(account(name, "19", List.of("planner")))
          .post("/api/v1/accounts")
          .then()
          .statusCode(400)
          .contentType(containsString("application/problem+json"))
          .body("errors[0].field", equalTo("username"));
      if (!name.equals("service-account-kehoach-cli")) {
        assertEquals(0, usersNamed(name), "Keycloak holds " + name);
      }
    }
  }

  @Test
  void shouldKeepEachCommunesReporterNameForThatCommune() {
    // Phú Bình's admin cannot take Đại Từ's commune name, nor another of its own communes' names
    for (String unit : List.of("173", "05908")) {
      as(PHU_BINH_ADMIN)
          .body(account("bc.05761", unit, List.of("reporter")))
          .post("/api/v1/accounts")
          .then()
          .statusCode(400)
          .body("errors[0].field", equalTo("username"))
          .body("errors[0].message", containsString("bc.<mã>"));
    }
    assertEquals(0, usersNamed("bc.05761"));

    // an account that holds the name from before the rule (on a commune of Phú Bình) is a clear
    // clash in Đại Từ's bulk run, not Hùng Sơn's "existing" account
    AccountResourceTest.onUnitStraightInKeycloak("bc.05761", "05908");
    Response bulk = as(PROVINCE_ADMIN).body(Map.of("unit", "171")).post("/api/v1/accounts/bulk");
    bulk.then().statusCode(200);
    assertTrue(
        bulk.jsonPath().getList("existing.username").stream().noneMatch("bc.05761"::equals),
        "a name held by another unit's account counted as this commune's: " + bulk.asString());
    assertTrue(
        bulk.jsonPath()
            .getString("failed.find { it.unitCode == '05761' }.reason")
            .contains("không thuộc đơn vị này"),
        bulk.asString());
    // the other communes' are made under their own names
    String other = bulk.jsonPath().getString("created[0].unitCode");
    assertEquals("bc." + other, bulk.jsonPath().getString("created[0].username"));

    // a bc. account stays on its unit
    String id =
        keycloak()
            .queryParam("username", "bc." + other)
            .queryParam("exact", true)
            .get(ADMIN_API + "/users")
            .path("[0].id");
    Response current = as(PROVINCE_ADMIN).get("/api/v1/accounts/" + id);
    as(PROVINCE_ADMIN)
        .header("If-Match", current.header("ETag"))
        .body(
            Map.of(
                "unit", "05761", "roles", List.of("reporter"), "enabled", true, "firstName", "A"))
        .put("/api/v1/accounts/" + id)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("unit"));
  }

  @Test
  void shouldSayATakenNameOrEmailIsTakenAndNothingMore() {
    String elsewhere = unique("tn.hoa");
    Map<String, Object> first = account(elsewhere, "171", List.of("viewer"));
    first.put("email", elsewhere + "@demo.lhpn.invalid");
    as(PROVINCE_ADMIN).body(first).post("/api/v1/accounts").then().statusCode(201);

    Response byName =
        as(PHU_BINH_ADMIN)
            .body(account(elsewhere, "173", List.of("viewer")))
            .post("/api/v1/accounts");
    Map<String, Object> sameMail = account(unique("pb.hoa"), "173", List.of("viewer"));
    sameMail.put("email", elsewhere + "@demo.lhpn.invalid");
    Response byMail = as(PHU_BINH_ADMIN).body(sameMail).post("/api/v1/accounts");
    byName.then().statusCode(409);
    byMail.then().statusCode(409);
    assertEquals(
        byName.jsonPath().getString("detail"),
        byMail.jsonPath().getString("detail"),
        "the answer tells a taken name from a taken e-mail");
    for (Response r : List.of(byName, byMail)) {
      assertTrue(!r.asString().contains("171") && !r.asString().contains("Đại Từ"), r.asString());
    }
  }

  @Test
  void shouldRecordEveryChangeBeforeKeycloakMakesIt() {
    // the record cannot be written: 503, and Keycloak is not asked
    String refused = unique("pb.ghi");
    Response down = createWithPostgresStoppedAtCommit(refused, 0);
    down.then().statusCode(503).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    awaitReady();
    assertEquals(0, usersNamed(refused), "an account made with no record of it");

    // the database goes away as the record is marked done: the account is made, its record stays
    // pending (it says what was asked) and is settled against Keycloak once the database is back
    String made = unique("pb.sau");
    Response created = createWithPostgresStoppedAtCommit(made, 1);
    created.then().statusCode(201);
    awaitReady();
    String id = created.jsonPath().getString("account.id");
    assertEquals(1, usersNamed(made));
    List<Map<String, Object>> pending =
        as(PHU_BINH_ADMIN).get("/api/v1/accounts/" + id + "/history").then().extract().path("$");
    assertTrue(
        pending.isEmpty() || "pending".equals(pending.get(0).get("state")),
        "before settling: " + pending);
    assertTrue(log.settle(Duration.ZERO) >= 1);
    as(PHU_BINH_ADMIN)
        .get("/api/v1/accounts/" + id + "/history")
        .then()
        .statusCode(200)
        .body("size()", equalTo(1))
        .body("[0].action", equalTo("create"))
        .body("[0].state", equalTo("done"))
        .body("[0].changedBy", equalTo(PHU_BINH_ADMIN))
        .body("[0].after.unit", equalTo("173"));
  }

  /**
   * Creates an account (Phú Bình's admin, a viewer of 173) with PostgreSQL stopped, for real, at
   * the commit of the request's {@code (skip + 1)}th write of the account history; started again
   * after.
   */
  static Response createWithPostgresStoppedAtCommit(String username, int skip) {
    CommitFault.arm(
        "/accounts", "account_change", skip, () -> RealServicesResource.run("postgres-stop"));
    try {
      return as(PHU_BINH_ADMIN)
          .body(account(username, "173", List.of("viewer")))
          .post("/api/v1/accounts");
    } finally {
      boolean fired = !CommitFault.armed();
      CommitFault.disarm();
      RealServicesResource.run("postgres", "kehoach_test");
      assertTrue(fired, "the fault met no commit of the account history");
    }
  }

  static void awaitReady() {
    Awaitility.await("the backend ready again")
        .atMost(Duration.ofSeconds(60))
        .until(() -> io.restassured.RestAssured.get("/q/health/ready").statusCode() == 200);
  }
}
