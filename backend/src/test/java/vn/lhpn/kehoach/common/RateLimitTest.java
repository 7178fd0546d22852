package vn.lhpn.kehoach.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.Tokens;

/**
 * Writes per user and minute are limited (here to 3): the next write is a 429 problem with {@code
 * Retry-After} before any work, reads go on, and another user is not affected.
 */
@QuarkusTest
@TestProfile(RateLimitTest.ThreeWritesAMinute.class)
class RateLimitTest {
  public static class ThreeWritesAMinute implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("kehoach.rate-limit.writes-per-minute", "3");
    }
  }

  static io.restassured.response.Response write(String user) {
    return given()
        .auth()
        .oauth2(Tokens.of(user))
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/submissions/review");
  }

  @Test
  void shouldAnswer429WithRetryAfterOnceAUserWritesTooFast() {
    // a write that fails validation still counts: the limit is on requests, not on successes.
    // Three pass in a minute; the 4th is refused (the 7th at worst, if the minute turns over).
    int passed = 0;
    io.restassured.response.Response refused = null;
    while (refused == null && passed < 6) {
      var r = write("huyen.phobinh");
      if (r.statusCode() == 429) {
        refused = r;
      } else {
        r.then().statusCode(400);
        passed++;
      }
    }
    assertTrue(refused != null, "no 429 after " + passed + " writes");
    assertTrue(passed >= 3, "refused after only " + passed + " writes");
    refused
        .then()
        .contentType(startsWith("application/problem+json"))
        .body("type", equalTo("urn:kehoach:problem:too-many-requests"));
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    given().auth().oauth2(Tokens.of("huyen.phobinh")).get("/api/v1/me").then().statusCode(200);
    write("huyen.daitu").then().statusCode(400);
  }
}
