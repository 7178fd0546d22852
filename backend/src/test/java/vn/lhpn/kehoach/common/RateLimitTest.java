package vn.lhpn.kehoach.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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

  @Inject AgroalDataSource db;

  /**
   * Every instance counts in the same rows of PostgreSQL: writes another instance counted this
   * minute (rows written here as that instance would) count against this one's limit.
   */
  @Test
  void shouldCountTheWritesOfEveryInstanceTogether() throws Exception {
    write("tinh.canbo").then().statusCode(400);
    long minute;
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT max(minute) FROM write_rate WHERE username = 'tinh.canbo'")) {
      ResultSet rs = ps.executeQuery();
      rs.next();
      minute = rs.getLong(1);
      assertTrue(minute > 0, "this instance counted the write in PostgreSQL");
      // the other instance: many writes this minute and the next (the minute may turn over)
      try (PreparedStatement other =
          c.prepareStatement(
              """
              INSERT INTO write_rate (username, minute, writes) VALUES ('tinh.canbo', ?, 100)
              ON CONFLICT (username, minute) DO UPDATE SET writes = write_rate.writes + 100
              """)) {
        for (long m : new long[] {minute, minute + 1}) {
          other.setLong(1, m);
          other.executeUpdate();
        }
      }
    }
    write("tinh.canbo").then().statusCode(429).contentType(startsWith("application/problem+json"));
  }
}
