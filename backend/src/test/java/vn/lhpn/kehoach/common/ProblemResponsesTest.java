package vn.lhpn.kehoach.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.Tokens;

/** Every error is problem+json, says what was wrong, and changes nothing. */
@QuarkusTest
class ProblemResponsesTest {

  private static String token() {
    return Tokens.of("tinh.lanhdao");
  }

  @Test
  void shouldAnswerUnknownApiPathWithProblem() {
    given()
        .auth()
        .oauth2(token())
        .get("/api/v1/khong-co")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:kehoach:problem:not-found"))
        .body("instance", equalTo("/api/v1/khong-co"));
  }

  @Test
  void shouldAnswerUnknownApiPathWithProblemEvenWithoutToken() {
    given().get("/api/v2/nothing").then().statusCode(404).contentType("application/problem+json");
  }

  @Test
  void shouldAnswerWrongMethodWithProblem() {
    given()
        .auth()
        .oauth2(token())
        .delete("/api/v1/me")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:kehoach:problem:method-not-allowed"));
  }

  @Test
  void shouldAnswerWrongContentTypeWithProblem() {
    given()
        .auth()
        .oauth2(token())
        .header("If-Match", "\"0\"")
        .contentType(ContentType.TEXT)
        .body("language=en")
        .put("/api/v1/me/preferences")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:kehoach:problem:unsupported-media-type"));
  }

  @Test
  void shouldAnswerMalformedJsonWithProblemAndKeepPreferences() {
    String etag = currentEtag();
    given()
        .auth()
        .oauth2(token())
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body("{\"language\": \"en\"")
        .put("/api/v1/me/preferences")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:kehoach:problem:malformed-body"))
        .body("detail", not(containsString("Exception")));
    given().auth().oauth2(token()).get("/api/v1/me/preferences").then().header("ETag", etag);
  }

  @Test
  void shouldNameTheFieldThatFailedValidation() {
    given()
        .auth()
        .oauth2(token())
        .header("If-Match", currentEtag())
        .contentType(ContentType.JSON)
        .body("{\"language\": \"fr\"}")
        .put("/api/v1/me/preferences")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:kehoach:problem:validation"))
        .body("errors.field", hasItem("language"));
  }

  @Test
  void shouldRefuseFieldsThatAreNotWritable() {
    given()
        .auth()
        .oauth2(token())
        .header("If-Match", currentEtag())
        .contentType(ContentType.JSON)
        .body("{\"language\": \"en\", \"username\": \"admin\"}")
        .put("/api/v1/me/preferences")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("username"));
  }

  @Test
  void shouldRequireIfMatchOnWrites() {
    given()
        .auth()
        .oauth2(token())
        .contentType(ContentType.JSON)
        .body("{\"language\": \"en\"}")
        .put("/api/v1/me/preferences")
        .then()
        .statusCode(428)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRefuseStaleWriteAndKeepTheFirst() {
    String user = Tokens.of("tinh.canbo");
    String etag =
        given().auth().oauth2(user).get("/api/v1/me/preferences").then().extract().header("ETag");
    String afterFirst =
        given()
            .auth()
            .oauth2(user)
            .header("If-Match", etag)
            .contentType(ContentType.JSON)
            .body("{\"language\": \"en\"}")
            .put("/api/v1/me/preferences")
            .then()
            .statusCode(200)
            .body("language", equalTo("en"))
            .extract()
            .header("ETag");
    given()
        .auth()
        .oauth2(user)
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body("{\"language\": \"vi\"}")
        .put("/api/v1/me/preferences")
        .then()
        .statusCode(412)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:kehoach:problem:precondition-failed"));
    given()
        .auth()
        .oauth2(user)
        .get("/api/v1/me/preferences")
        .then()
        .header("ETag", afterFirst)
        .body("language", equalTo("en"));
  }

  private static String currentEtag() {
    return given()
        .auth()
        .oauth2(token())
        .get("/api/v1/me/preferences")
        .then()
        .statusCode(200)
        .extract()
        .header("ETag");
  }
}
