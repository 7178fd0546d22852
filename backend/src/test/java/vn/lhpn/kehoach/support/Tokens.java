package vn.lhpn.kehoach.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from the test Keycloak, for the demo users (password Demo@2026-lhpn). */
public final class Tokens {
  public static final String DEMO_PASSWORD = "Demo@2026-lhpn";
  private static final String TOKEN_URL =
      RealServicesResource.REALM_URL + "/protocol/openid-connect/token";
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private Tokens() {}

  /** A token for a demo user through the demo client {@code kehoach-cli}, cached per test run. */
  public static String of(String username) {
    return CACHE.computeIfAbsent(username, u -> passwordGrant("kehoach-cli", u));
  }

  /** A fresh token through any public demo client with the password grant. */
  public static String passwordGrant(String clientId, String username) {
    return given()
        .formParams(
            "grant_type", "password",
            "client_id", clientId,
            "username", username,
            "password", DEMO_PASSWORD)
        .post(TOKEN_URL)
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  /** The token endpoint's answer to a password grant through {@code kehoach-cli}. */
  public static io.restassured.response.Response tryPassword(String username, String password) {
    return given()
        .formParams(
            "grant_type",
            "password",
            "client_id",
            "kehoach-cli",
            "username",
            username,
            "password",
            password)
        .post(TOKEN_URL);
  }

  /** A token of the backend's account service account (client credentials, demo secret). */
  public static String accountAdmin() {
    return given()
        .formParams(
            "grant_type", "client_credentials",
            "client_id", "kehoach-admin",
            "client_secret", "demo-admin-secret")
        .post(TOKEN_URL)
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }

  /** A token of the integration client (client credentials, demo secret). */
  public static String integration() {
    return given()
        .formParams(
            "grant_type", "client_credentials",
            "client_id", "kehoach-integration",
            "client_secret", "demo-integration-secret")
        .post(TOKEN_URL)
        .then()
        .statusCode(200)
        .extract()
        .path("access_token");
  }
}
