package vn.lhpn.kehoach.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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

  /**
   * A problem speaks the caller's language (Accept-Language), with a stable code and its
   * parameters; a caller naming neither language reads both; an older two-language text is cut to
   * the caller's side (docs/adr/0018).
   */
  @Test
  void shouldSpeakTheCallersLanguage() {
    String reviewer = Tokens.of("huyen.phobinh");
    given()
        .auth()
        .oauth2(reviewer)
        .header("Accept-Language", "en-US,en;q=0.9")
        .get("/api/v1/submissions/987654321")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .header("Content-Language", "en")
        .header("Vary", containsString("Accept-Language"))
        .body("title", equalTo("Not found"))
        .body("detail", equalTo("No submission 987654321"))
        .body("code", equalTo("submission.not-found"))
        .body("params.id", equalTo(987654321));
    given()
        .auth()
        .oauth2(reviewer)
        .header("Accept-Language", "vi")
        .get("/api/v1/submissions/987654321")
        .then()
        .statusCode(404)
        .header("Content-Language", "vi")
        .body("title", equalTo("Không tìm thấy"))
        .body("detail", equalTo("Không có báo cáo 987654321"))
        .body("code", equalTo("submission.not-found"));
    given()
        .auth()
        .oauth2(reviewer)
        .header("Accept-Language", "fr")
        .get("/api/v1/submissions/987654321")
        .then()
        .statusCode(404)
        .header("Content-Language", nullValue())
        .body("title", equalTo("Không tìm thấy / Not found"))
        .body("detail", equalTo("Không có báo cáo 987654321 / No submission 987654321"));
    // a field the body may not set: the detail and the field's reason, each in English only
    given()
        .auth()
        .oauth2(token())
        .header("Accept-Language", "en")
        .header("If-Match", "\"0\"")
        .contentType(ContentType.JSON)
        .body("{\"language\": \"en\", \"hacker\": 1}")
        .put("/api/v1/me/preferences")
        .then()
        .statusCode(400)
        .body("detail", equalTo("Field is not writable: hacker"))
        .body("code", equalTo("field.not-writable"))
        .body("params.field", equalTo("hacker"))
        .body("errors[0].message", equalTo("not a writable field"))
        .body("errors[0].code", equalTo("not-writable"));
    // a query parameter out of its range: the field, its bounds as parameters
    given()
        .auth()
        .oauth2(reviewer)
        .header("Accept-Language", "en")
        .queryParam("page", -1)
        .get("/api/v1/plans")
        .then()
        .statusCode(400)
        .body("code", equalTo("field.invalid"))
        .body("errors[0].field", equalTo("page"))
        .body("errors[0].code", equalTo("number.between"))
        .body("errors[0].params.min", equalTo(0))
        .body("detail", containsString("between 0 and"))
        .body("detail", not(containsString("không")))
        .body("detail", not(containsString(" / ")));
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
