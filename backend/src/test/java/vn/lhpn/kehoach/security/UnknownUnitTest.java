package vn.lhpn.kehoach.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.Tokens;

/** A token whose org_unit names no unit grants nothing, whatever its roles. */
@QuarkusTest
class UnknownUnitTest {
  static final String USER = "test.unknown-unit";

  @Test
  void shouldSeeNoUnitAndNoPlan() {
    given()
        .auth()
        .oauth2(Tokens.of(USER))
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("orgUnitCode", equalTo("99999"))
        .body("orgUnit", nullValue());
    given()
        .auth()
        .oauth2(Tokens.of(USER))
        .get("/api/v1/org-units")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(0));
    given()
        .auth()
        .oauth2(Tokens.of(USER))
        .get("/api/v1/plans")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(0));
    given().auth().oauth2(Tokens.of(USER)).get("/api/v1/plans/11-KH-BCH").then().statusCode(404);
  }

  @Test
  void shouldNotBeTakenForTheProvinceByAPlannerRole() {
    given()
        .auth()
        .oauth2(Tokens.of(USER))
        .multiPart("file", "plan.txt", "TT\tx\nnothing".getBytes())
        .post("/api/v1/plans/imports")
        .then()
        .statusCode(403)
        .contentType("application/problem+json");
  }
}
