package vn.lhpn.kehoach.period;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.Tokens;

@QuarkusTest
class PeriodResourceTest {
  static final String PLANNER = "tinh.canbo";

  static String etag(String code) {
    return given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .get("/api/v1/periods/11-KH-BCH/" + code)
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }

  @Test
  void shouldSeedYearsAndHalvesWithTheCurrentOnesOpen() {
    List<String> codes =
        given()
            .auth()
            .oauth2(Tokens.of("xa.hungson"))
            .get("/api/v1/periods?plan=11-KH-BCH&size=200")
            .then()
            .statusCode(200)
            .extract()
            .path("items.code");
    for (int year = 2022; year <= 2026; year++) {
      org.hamcrest.MatcherAssert.assertThat(
          codes, org.hamcrest.Matchers.hasItems(year + "", year + "-H1", year + "-H2"));
    }
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    List<String> expectedOpen = new ArrayList<>();
    if (today.getYear() >= 2022 && today.getYear() <= 2026) {
      expectedOpen.add(String.valueOf(today.getYear()));
      expectedOpen.add(today.getYear() + (today.getMonthValue() <= 6 ? "-H1" : "-H2"));
    }
    List<String> open =
        given()
            .auth()
            .oauth2(Tokens.of("xa.hungson"))
            .get("/api/v1/periods?plan=11-KH-BCH&state=open&year=" + today.getYear())
            .then()
            .extract()
            .path("items.code");
    assertEquals(
        expectedOpen.stream().sorted().toList(),
        open.stream().filter(c -> !c.contains("Q")).sorted().toList());
    given()
        .auth()
        .oauth2(Tokens.of("xa.hungson"))
        .get("/api/v1/periods/11-KH-BCH/2024-H1")
        .then()
        .body("startsOn", equalTo("2024-01-01"))
        .body("endsOn", equalTo("2024-06-30"))
        .body("dueOn", equalTo("2024-06-15"))
        .body("kind", equalTo("half"));
  }

  @Test
  void shouldLetTheProvincePlannerAddAQuarterOnce() {
    OffsetDateTime before = OffsetDateTime.now();
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .contentType(ContentType.JSON)
        .body(Map.of("planId", "11-KH-BCH", "kind", "quarter", "year", 2024, "number", 3))
        .post("/api/v1/periods")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/v1/periods/11-KH-BCH/2024-Q3"))
        .body("state", equalTo("closed"))
        .body("startsOn", equalTo("2024-07-01"))
        .body("endsOn", equalTo("2024-09-30"))
        .body("dueOn", equalTo("2024-10-10"));
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .contentType(ContentType.JSON)
        .body(Map.of("planId", "11-KH-BCH", "kind", "quarter", "year", 2024, "number", 3))
        .post("/api/v1/periods")
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .get("/api/v1/periods?plan=11-KH-BCH&updatedSince=" + before.toString().replace("+", "%2B"))
        .then()
        .statusCode(200)
        .body("items.code", org.hamcrest.Matchers.hasItem("2024-Q3"))
        .body("items.code", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("2022")));
  }

  @Test
  void shouldCreateAndOpenOnceWhenARequestIsRetriedWithItsKey() {
    var body = Map.of("planId", "11-KH-BCH", "kind", "quarter", "year", 2023, "number", 4);
    String key = java.util.UUID.randomUUID().toString();
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      var response =
          given()
              .auth()
              .oauth2(Tokens.of(PLANNER))
              .contentType(ContentType.JSON)
              .header("Idempotency-Key", key)
              .body(body)
              .post("/api/v1/periods")
              .then()
              .statusCode(201)
              .header("Location", endsWith("/api/v1/periods/11-KH-BCH/2023-Q4"));
      if (i == 1) {
        response.header("Idempotent-Replayed", "true");
      }
      bodies.add(response.extract().asString());
    }
    assertEquals(bodies.get(0), bodies.get(1));
    String openKey = java.util.UUID.randomUUID().toString();
    String etag = etag("2023-Q4");
    for (int i = 0; i < 2; i++) {
      given()
          .auth()
          .oauth2(Tokens.of(PLANNER))
          .header("If-Match", etag)
          .header("Idempotency-Key", openKey)
          .post("/api/v1/periods/11-KH-BCH/2023-Q4/open")
          .then()
          .statusCode(200)
          .body("state", equalTo("open"));
    }
    // Without the key, the repeat is what it is: a conflict (already open, and a stale ETag).
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .header("If-Match", etag)
        .post("/api/v1/periods/11-KH-BCH/2023-Q4/open")
        .then()
        .statusCode(412);
    // The same key on another request is refused.
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .header("If-Match", etag("2023-Q4"))
        .header("Idempotency-Key", openKey)
        .post("/api/v1/periods/11-KH-BCH/2023-Q4/close")
        .then()
        .statusCode(422);
  }

  @Test
  void shouldRefuseBadPeriodsAndOtherPlanners() {
    var bad =
        Map.<String, Object>of("planId", "11-KH-BCH", "kind", "quarter", "year", 2024, "number", 5);
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .contentType(ContentType.JSON)
        .body(bad)
        .post("/api/v1/periods")
        .then()
        .statusCode(400)
        .body("errors.field", contains("number"));
    var outside = Map.<String, Object>of("planId", "11-KH-BCH", "kind", "year", "year", 2030);
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .contentType(ContentType.JSON)
        .body(outside)
        .post("/api/v1/periods")
        .then()
        .statusCode(400)
        .body("errors.field", contains("year"));
    var ok =
        Map.<String, Object>of("planId", "11-KH-BCH", "kind", "quarter", "year", 2025, "number", 1);
    given()
        .auth()
        .oauth2(Tokens.of("huyen.daitu"))
        .contentType(ContentType.JSON)
        .body(ok)
        .post("/api/v1/periods")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2(Tokens.of("xa.hungson"))
        .header("If-Match", etag("2023"))
        .post("/api/v1/periods/11-KH-BCH/2023/open")
        .then()
        .statusCode(403);
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .get("/api/v1/periods?plan=11-KH-BCH&updatedSince=yesterday")
        .then()
        .statusCode(400)
        .body("errors.field", contains("updatedSince"));
  }

  @Test
  void shouldOpenAndCloseOnlyInOrderWithTheCurrentEtag() {
    String closed = etag("2022-H1");
    String opened =
        given()
            .auth()
            .oauth2(Tokens.of(PLANNER))
            .header("If-Match", closed)
            .post("/api/v1/periods/11-KH-BCH/2022-H1/open")
            .then()
            .statusCode(200)
            .body("state", equalTo("open"))
            .extract()
            .header("ETag");
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .header("If-Match", opened)
        .post("/api/v1/periods/11-KH-BCH/2022-H1/open")
        .then()
        .statusCode(409)
        .body("detail", containsString("can only be closed"));
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .header("If-Match", closed)
        .post("/api/v1/periods/11-KH-BCH/2022-H1/close")
        .then()
        .statusCode(412);
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .post("/api/v1/periods/11-KH-BCH/2022-H1/close")
        .then()
        .statusCode(428);
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .header("If-Match", opened)
        .post("/api/v1/periods/11-KH-BCH/2022-H1/close")
        .then()
        .statusCode(200)
        .body("state", equalTo("closed"));
  }

  @Test
  void shouldChangeTheDueDateButNotBeforeTheStart() {
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .header("If-Match", etag("2023"))
        .contentType(ContentType.JSON)
        .body(Map.of("dueOn", "2022-12-31"))
        .patch("/api/v1/periods/11-KH-BCH/2023")
        .then()
        .statusCode(400)
        .body("errors.field", contains("dueOn"));
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .header("If-Match", etag("2023"))
        .contentType(ContentType.JSON)
        .body(Map.of("dueOn", "2023-12-05"))
        .patch("/api/v1/periods/11-KH-BCH/2023")
        .then()
        .statusCode(200)
        .body("dueOn", equalTo("2023-12-05"));
  }
}
