package vn.lhpn.kehoach.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.Tokens;

@QuarkusTest
class MeResourceTest {

  @Test
  void shouldRejectRequestWithoutToken() {
    given()
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("type", equalTo("urn:kehoach:problem:unauthenticated"))
        .body("status", equalTo(401));
  }

  @Test
  void shouldRejectTokenWithTamperedPayload() {
    String[] parts = Tokens.of("xa.hungson").split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
    String forged = payload.replace("\"05761\"", "\"19\"");
    assert !forged.equals(payload) : "the token should carry org_unit 05761";
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes())
            + "."
            + parts[2];
    given()
        .auth()
        .oauth2(tampered)
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void shouldRejectTokenWithForgedSignature() {
    String[] parts = Tokens.of("xa.hungson").split("\\.");
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    signature[0] ^= 0x01;
    String forged =
        parts[0]
            + "."
            + parts[1]
            + "."
            + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    given().auth().oauth2(forged).get("/api/v1/me").then().statusCode(401);
  }

  @Test
  void shouldRejectTokenWhoseAudienceIsNotTheApi() {
    String token = Tokens.passwordGrant("kehoach-test-other-audience", "xa.hungson");
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void shouldAcceptTokenUntilItExpiresThenReject() {
    // The demo client kehoach-test-short-lived issues access tokens that live 2 seconds.
    String token = Tokens.passwordGrant("kehoach-test-short-lived", "xa.hungson");
    given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> given().auth().oauth2(token).get("/api/v1/me").statusCode() == 401);
    given()
        .auth()
        .oauth2(token)
        .get("/api/v1/me")
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
  }

  @Test
  void shouldReturnCommuneReporterWithTheirUnit() {
    given()
        .auth()
        .oauth2(Tokens.of("xa.hungson"))
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("username", equalTo("xa.hungson"))
        .body("roles", contains("reporter"))
        .body("orgUnitCode", equalTo("05761"))
        .body("orgUnit.code", equalTo("05761"))
        .body("orgUnit.name", equalTo("Thị trấn Hùng Sơn"))
        .body("orgUnit.type", equalTo("township"))
        .body("orgUnit.level", equalTo(3));
  }

  @Test
  void shouldReturnDistrictUserWithAllTheirRoles() {
    given()
        .auth()
        .oauth2(Tokens.of("huyen.daitu"))
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("roles", containsInAnyOrder("reporter", "reviewer", "planner"))
        .body("orgUnit.name", equalTo("Huyện Đại Từ"))
        .body("orgUnit.level", equalTo(2));
  }

  @Test
  void shouldAcceptIntegrationClientCredentials() {
    given()
        .auth()
        .oauth2(Tokens.integration())
        .get("/api/v1/me")
        .then()
        .statusCode(200)
        .body("roles", containsInAnyOrder("integration"))
        .body("orgUnit.name", equalTo("Tỉnh Thái Nguyên"));
  }
}
