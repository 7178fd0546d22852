package vn.lhpn.kehoach.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.RealServicesResource;
import vn.lhpn.kehoach.support.Tokens;

/**
 * What a security reviewer checks from the outside (docs/security.md), against the real Keycloak
 * realm the project ships: refresh tokens rotate and a reused one ends the session, the SPA client
 * cannot ask for offline tokens, the password policy refuses short and listed passwords, a token
 * that is not a signed JWT is refused without asking Keycloak, a caller with no role reads nothing,
 * and every API answer carries the security headers.
 */
@QuarkusTest
class HardeningTest {
  static final String TOKEN_URL = RealServicesResource.REALM_URL + "/protocol/openid-connect/token";
  static final String ADMIN =
      "http://localhost:" + RealServicesResource.KEYCLOAK_PORT + "/admin/realms/lhpn";

  @Test
  void shouldRotateRefreshTokensAndEndTheSessionWhenOneIsReused() {
    String refresh =
        given()
            .formParams(
                "grant_type", "password",
                "client_id", "kehoach-cli",
                "username", "xa.hungson",
                "password", Tokens.DEMO_PASSWORD)
            .post(TOKEN_URL)
            .then()
            .statusCode(200)
            .extract()
            .path("refresh_token");
    String rotated = refresh(refresh).then().statusCode(200).extract().path("refresh_token");
    assertFalse(refresh.equals(rotated), "a refresh gives a new refresh token");
    // the old one again: refused, and the rotated one dies with it (reuse means theft)
    refresh(refresh).then().statusCode(400).body("error", equalTo("invalid_grant"));
    refresh(rotated).then().statusCode(400).body("error", equalTo("invalid_grant"));
  }

  @Test
  void shouldGiveTheSpaNoOfflineAccessAndRefuseWeakPasswords() {
    String admin = adminToken();
    Map<String, Object> web =
        given()
            .auth()
            .oauth2(admin)
            .get(ADMIN + "/clients?clientId=kehoach-web")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getMap("[0]");
    assertEquals(Boolean.TRUE, web.get("publicClient"));
    assertFalse(
        ((List<?>) web.get("optionalClientScopes")).contains("offline_access"),
        "the SPA may not ask for offline tokens");
    assertFalse(
        ((List<?>) web.get("defaultClientScopes")).contains("offline_access"),
        "nor get them by default");
    Map<String, Object> realm =
        given().auth().oauth2(admin).get(ADMIN).then().statusCode(200).extract().path("");
    assertEquals(Boolean.TRUE, realm.get("revokeRefreshToken"));
    assertEquals(0, realm.get("refreshTokenMaxReuse"));
    assertEquals(Boolean.TRUE, realm.get("bruteForceProtected"));

    String user = "test.password-policy";
    given()
        .auth()
        .oauth2(admin)
        .contentType("application/json")
        .body(Map.of("username", user, "enabled", true))
        .post(ADMIN + "/users")
        .then()
        .statusCode(201);
    String id =
        given()
            .auth()
            .oauth2(admin)
            .get(ADMIN + "/users?exact=true&username=" + user)
            .then()
            .extract()
            .path("[0].id");
    try {
      for (String weak :
          List.of("Ngan@2026", "matkhau12345", "Matkhau@2026", "test.password-policy1")) {
        setPassword(admin, id, weak).then().statusCode(400);
      }
      setPassword(admin, id, "Sông Cầu chảy qua 9 huyện").then().statusCode(204);
      // the last five are remembered
      setPassword(admin, id, "Đồi chè Tân Cương xanh").then().statusCode(204);
      setPassword(admin, id, "Sông Cầu chảy qua 9 huyện").then().statusCode(400);
    } finally {
      given().auth().oauth2(admin).delete(ADMIN + "/users/" + id).then().statusCode(204);
    }
  }

  @Test
  void shouldRefuseATokenThatIsNotASignedJwtWithoutAskingKeycloak() {
    for (String token : List.of("garbage", "a.b.c", "eyJhbGciOiJub25lIn0.e30.")) {
      long start = System.nanoTime();
      given()
          .auth()
          .oauth2(token)
          .get("/api/v1/me")
          .then()
          .statusCode(401)
          .contentType(startsWith("application/problem+json"));
      assertTrue(System.nanoTime() - start < 1_000_000_000L, "answered at once");
    }
  }

  @Test
  void shouldLetNoAccountWithoutARoleReadAnything() {
    String token = Tokens.of("test.no-role");
    given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
    for (String path :
        List.of(
            "/api/v1/plans",
            "/api/v1/org-units/19",
            "/api/v1/submissions?plan=11-KH-BCH&period=2025-Q2",
            "/api/v1/progress?plan=11-KH-BCH&year=2025")) {
      given()
          .auth()
          .oauth2(token)
          .get(path)
          .then()
          .statusCode(403)
          .contentType(startsWith("application/problem+json"))
          .body("detail", containsString("chưa được cấp vai trò"));
    }
  }

  @Test
  void shouldSendTheSecurityHeadersAndNeverLetPersonalDataBeCached() {
    for (var response :
        List.of(
            given().auth().oauth2(Tokens.of("xa.hungson")).get("/api/v1/me"),
            given().get("/api/v1/me"),
            given().auth().oauth2(Tokens.of("xa.hungson")).get("/api/v1/no-such-thing"))) {
      response
          .then()
          .header("X-Content-Type-Options", "nosniff")
          .header("X-Frame-Options", "DENY")
          .header("Referrer-Policy", "no-referrer")
          .header("Cache-Control", containsString("no-store"))
          .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
          .header("Content-Security-Policy", not(containsString("unsafe-inline")));
    }
  }

  private static io.restassured.response.Response refresh(String token) {
    return given()
        .formParams(
            "grant_type", "refresh_token", "client_id", "kehoach-cli", "refresh_token", token)
        .post(TOKEN_URL);
  }

  private static io.restassured.response.Response setPassword(String admin, String id, String pw) {
    return given()
        .auth()
        .oauth2(admin)
        .contentType("application/json")
        .body(Map.of("type", "password", "value", pw, "temporary", false))
        .put(ADMIN + "/users/" + id + "/reset-password");
  }

  /** The bootstrap administrator of the test Keycloak (infra/lib/services.sh). */
  static String adminToken() {
    return given()
        .formParams(
            "grant_type", "password",
            "client_id", "admin-cli",
            "username", "kcadmin",
            "password", "kcadmin")
        .post(
            "http://localhost:"
                + RealServicesResource.KEYCLOAK_PORT
                + "/realms/master/protocol/openid-connect/token")
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }
}
