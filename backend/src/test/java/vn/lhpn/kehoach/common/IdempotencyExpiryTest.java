package vn.lhpn.kehoach.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.Tokens;

/** Idempotency keys are kept a day: an older key is a new request, and old records are purged. */
@QuarkusTest
class IdempotencyExpiryTest {
  @Inject EntityManager em;

  void remember(String user, String key, OffsetDateTime at) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "INSERT INTO idempotency_record"
                            + " (username, idem_key, fingerprint, status, body, created_at)"
                            + " VALUES (?1, ?2, 'old', 201, '{}', ?3)")
                    .setParameter(1, user)
                    .setParameter(2, key)
                    .setParameter(3, at)
                    .executeUpdate());
  }

  long count(String key) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number)
                        em.createNativeQuery(
                                "SELECT count(*) FROM idempotency_record WHERE idem_key = ?1")
                            .setParameter(1, key)
                            .getSingleResult())
                    .longValue());
  }

  @Test
  void shouldTreatAKeyOlderThanADayAsNewAndForgetOldKeys() {
    String reused = UUID.randomUUID().toString();
    String stale = UUID.randomUUID().toString();
    OffsetDateTime old = OffsetDateTime.now().minusHours(25);
    remember("tinh.canbo", reused, old);
    remember("someone.else", stale, old);
    // A fresh key with the same fingerprint mismatch would be 422; an expired one runs afresh.
    given()
        .auth()
        .oauth2(Tokens.of("tinh.canbo"))
        .contentType(ContentType.JSON)
        .header(Idempotency.HEADER, reused)
        .body(Map.of("planId", "11-KH-BCH", "kind", "quarter", "year", 2026, "number", 1))
        .post("/api/v1/periods")
        .then()
        .statusCode(201)
        .body("code", equalTo("2026-Q1"));
    assertEquals(1, count(reused));
    assertEquals(0, count(stale));
    // Not a year-old leftover: the key now replays the new answer.
    given()
        .auth()
        .oauth2(Tokens.of("tinh.canbo"))
        .contentType(ContentType.JSON)
        .header(Idempotency.HEADER, reused)
        .body(Map.of("planId", "11-KH-BCH", "kind", "quarter", "year", 2026, "number", 1))
        .post("/api/v1/periods")
        .then()
        .statusCode(201)
        .header(Idempotency.REPLAYED, "true");
    given()
        .auth()
        .oauth2(Tokens.of("tinh.canbo"))
        .contentType(ContentType.JSON)
        .header(Idempotency.HEADER, "bad key with spaces")
        .body(Map.of("planId", "11-KH-BCH", "kind", "quarter", "year", 2026, "number", 2))
        .post("/api/v1/periods")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo(Idempotency.HEADER));
  }
}
