package vn.lhpn.kehoach.submission;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lhpn.kehoach.submission.Reports.DAI_TU;
import static vn.lhpn.kehoach.submission.Reports.HUNG_SON;
import static vn.lhpn.kehoach.submission.Reports.PLAN;
import static vn.lhpn.kehoach.submission.Reports.status;
import static vn.lhpn.kehoach.submission.Reports.value;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Cookies;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.RealServicesResource;
import vn.lhpn.kehoach.support.Tokens;

/**
 * The protocol README.md ("Mobile apps") gives a mobile developer, played as a native app would:
 * log in through the realm's native client {@code kehoach-mobile} (authorization code with PKCE,
 * RFC 8252, the real Keycloak login form, redirect to the private-use scheme), then sync a period:
 * list with {@code updatedSince}, create and save with an Idempotency-Key sent twice (a lost
 * answer), meet a 412 after another device saved, merge and save again, submit, and pick up the
 * reviewer's return reason on the next sync.
 */
@QuarkusTest
class MobileSyncTest {
  private static final String AUTH = RealServicesResource.REALM_URL + "/protocol/openid-connect";
  private static final String CLIENT = "kehoach-mobile";
  private static final String REDIRECT = "vn.lhpn.kehoach:/oauth2redirect";
  private static final Pattern LOGIN_FORM =
      Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>");
  private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");
  private static final String PERIOD = "2023-Q4";

  @Test
  void shouldLogInThroughTheNativeClientOnlyWithPkceAndARegisteredRedirect() throws Exception {
    // without a code challenge: refused, back to the app with an error
    String noPkce =
        given()
            .redirects()
            .follow(false)
            .queryParams(authParams(null))
            .get(AUTH + "/auth")
            .then()
            .statusCode(302)
            .extract()
            .header("Location");
    assertTrue(noPkce.startsWith(REDIRECT), noPkce);
    assertTrue(noPkce.contains("error=invalid_request"), noPkce);

    // a redirect the realm does not know: Keycloak's own error page, nothing sent anywhere
    Map<String, String> elsewhere = authParams(challenge(verifier()));
    elsewhere.put("redirect_uri", "https://elsewhere.example/cb");
    given()
        .queryParams(elsewhere)
        .get(AUTH + "/auth")
        .then()
        .statusCode(400)
        .body(containsString("redirect_uri"));

    // a code is worth nothing without the verifier it was asked with
    String verifier = verifier();
    String code = code(HUNG_SON, challenge(verifier));
    given()
        .formParams(
            "grant_type", "authorization_code",
            "client_id", CLIENT,
            "code", code,
            "redirect_uri", REDIRECT,
            "code_verifier", verifier())
        .post(AUTH + "/token")
        .then()
        .statusCode(400)
        .body("error", equalTo("invalid_grant"));

    // the password grant is closed to the app: it never sees a password form of its own
    given()
        .formParams(
            "grant_type",
            "password",
            "client_id",
            CLIENT,
            "username",
            HUNG_SON,
            "password",
            Tokens.DEMO_PASSWORD)
        .post(AUTH + "/token")
        .then()
        .statusCode(400)
        .body("error", equalTo("unauthorized_client"));
  }

  @Test
  void shouldSyncAPeriodAsAMobileAppDoes() throws Exception {
    Reports.period(PERIOD, true);
    Map<String, Object> tokens = login(HUNG_SON);
    String token = (String) tokens.get("access_token");
    // access tokens last 5 minutes: the app refreshes (the refresh token rotates)
    String refreshed =
        given()
            .formParams(
                "grant_type",
                "refresh_token",
                "client_id",
                CLIENT,
                "refresh_token",
                tokens.get("refresh_token"))
            .post(AUTH + "/token")
            .then()
            .statusCode(200)
            .body("token_type", equalTo("Bearer"))
            .extract()
            .path("access_token");
    assertNotEquals(token, refreshed);
    token = refreshed;

    // first sync: nothing of this period yet
    OffsetDateTime start = OffsetDateTime.now().minusSeconds(1);
    list(token, start).body("items", hasSize(0));

    // values typed offline, sent when the signal returns; the answer is lost, the app sends the
    // same request with the same key: one report, the same answer, marked as replayed
    String create = UUID.randomUUID().toString();
    Map<String, Object> body =
        Map.of(
            "planId",
            PLAN,
            "period",
            PERIOD,
            "unitCode",
            "05761",
            "values",
            List.of(value("I-2.1", 12)));
    Response first = api(token).header("Idempotency-Key", create).body(body).post(submissions());
    first.then().statusCode(201).header("ETag", equalTo("\"0\""));
    long id = ((Number) first.path("id")).longValue();
    api(token)
        .header("Idempotency-Key", create)
        .body(body)
        .post(submissions())
        .then()
        .statusCode(201)
        .header("Idempotent-Replayed", "true")
        .body("id", equalTo((int) id));

    // a save with If-Match and its own key, sent twice: saved once
    String etag = api(token).get(submissions() + "/" + id).then().extract().header("ETag");
    String save = UUID.randomUUID().toString();
    String saved =
        put(token, id, etag, save, value("I-2.1", 14))
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    put(token, id, etag, save, value("I-2.1", 14))
        .then()
        .statusCode(200)
        .header("ETag", equalTo(saved))
        .header("Idempotent-Replayed", "true");

    // another device of the same commune saves meanwhile
    Reports.save(HUNG_SON, id, saved, List.of(value("I-2.1", 20), status("I-1.1", "done")))
        .statusCode(200);

    // the phone's next save carries the ETag it had: 412, with the report as it is now
    Response stale = put(token, id, saved, UUID.randomUUID().toString(), value("I-2.1", 16));
    stale.then().statusCode(412).header("Content-Type", containsString("application/problem+json"));
    String now = stale.header("ETag");
    assertNotEquals(saved, now);
    assertEquals(
        20, ((Number) stale.path("current.values.find { it.item == 'I-2.1' }.number")).intValue());
    assertEquals("done", stale.path("current.values.find { it.item == 'I-1.1' }.status"));

    // the app shows both, the person keeps 16; saved on the current version, with a new key
    String merged =
        put(token, id, now, UUID.randomUUID().toString(), value("I-2.1", 16))
            .then()
            .statusCode(200)
            .body("values.find { it.item == 'I-2.1' }.number", equalTo(16))
            .body("values.find { it.item == 'I-1.1' }.status", equalTo("done"))
            .extract()
            .header("ETag");
    api(token)
        .header("If-Match", merged)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .post(submissions() + "/" + id + "/submit")
        .then()
        .statusCode(200)
        .body("state", equalTo("submitted"));

    // the district returns it; the phone's next sync brings the reason
    OffsetDateTime beforeReturn = OffsetDateTime.now().minusSeconds(1);
    Reports.act(DAI_TU, id, "return", "Mục 2.1: số hộ chưa khớp danh sách").statusCode(200);
    list(token, beforeReturn)
        .body("items", hasSize(1))
        .body("items[0].id", equalTo((int) id))
        .body("items[0].state", equalTo("returned"))
        .body("items[0].returnReason", containsString("số hộ chưa khớp"))
        .body("items[0].values.find { it.item == 'I-2.1' }.number", equalTo(16));
  }

  /** A save of the listed values on a version, with an Idempotency-Key. */
  private static Response put(
      String token, long id, String ifMatch, String key, Map<String, Object> value) {
    return api(token)
        .header("If-Match", ifMatch)
        .header("Idempotency-Key", key)
        .body(Map.of("values", List.of(value)))
        .put(submissions() + "/" + id + "/values");
  }

  private static String submissions() {
    return "/api/v1/submissions";
  }

  private static RequestSpecification api(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  private static io.restassured.response.ValidatableResponse list(
      String token, OffsetDateTime since) {
    return api(token)
        .queryParam("plan", PLAN)
        .queryParam("period", PERIOD)
        .queryParam("updatedSince", since.toString())
        .queryParam("withValues", true)
        .get(submissions())
        .then()
        .statusCode(200);
  }

  /** The whole native login: the code through the login form, then the code for tokens. */
  private static Map<String, Object> login(String username) throws Exception {
    String verifier = verifier();
    String code = code(username, challenge(verifier));
    return given()
        .formParams(
            "grant_type", "authorization_code",
            "client_id", CLIENT,
            "code", code,
            "redirect_uri", REDIRECT,
            "code_verifier", verifier)
        .post(AUTH + "/token")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("refresh_token", org.hamcrest.Matchers.notNullValue())
        .extract()
        .as(Map.class);
  }

  /**
   * What the system browser does for the app: opens the authorization URL, fills the real login
   * form, and is sent to the app's scheme with the code.
   */
  private static String code(String username, String challenge) {
    String state = UUID.randomUUID().toString();
    Map<String, String> params = authParams(challenge);
    params.put("state", state);
    Response page = given().queryParams(params).get(AUTH + "/auth");
    page.then().statusCode(200);
    Matcher form = LOGIN_FORM.matcher(page.asString());
    assertTrue(form.find(), "the login form of the realm");
    Matcher action = ACTION.matcher(form.group());
    assertTrue(action.find(), form.group());
    Cookies cookies = page.detailedCookies();
    String location =
        given()
            .redirects()
            .follow(false)
            .cookies(cookies)
            .formParams("username", username, "password", Tokens.DEMO_PASSWORD)
            .post(action.group(1).replace("&amp;", "&"))
            .then()
            .statusCode(302)
            .extract()
            .header("Location");
    assertTrue(location.startsWith(REDIRECT + "?"), location);
    Map<String, String> query = query(URI.create(location).getRawQuery());
    assertEquals(state, query.get("state"), "the state the app sent comes back");
    return query.get("code");
  }

  private static Map<String, String> authParams(String challenge) {
    Map<String, String> params = new HashMap<>();
    params.put("client_id", CLIENT);
    params.put("response_type", "code");
    params.put("scope", "openid");
    params.put("redirect_uri", REDIRECT);
    if (challenge != null) {
      params.put("code_challenge", challenge);
      params.put("code_challenge_method", "S256");
    }
    return params;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  private static String verifier() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String challenge(String verifier) throws Exception {
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
  }
}
