package vn.lhpn.kehoach.submission;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import vn.lhpn.kehoach.support.Tokens;

/** Calls of the submission API as the demo users, shared by the submission tests. */
public final class Reports {
  public static final String PLAN = "11-KH-BCH";
  public static final String PROVINCE = "tinh.canbo";
  public static final String DAI_TU = "huyen.daitu";
  public static final String PHO_BINH = "huyen.phobinh";
  public static final String HUNG_SON = "xa.hungson";
  public static final String PHUC_LUONG = "xa.phucluong";
  public static final String HUONG_SON = "xa.huongson";

  private Reports() {}

  public static RequestSpecification as(String user) {
    return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
  }

  /** A quarter of the seed plan, created if missing, in the state asked for. */
  public static void period(String code, boolean open) {
    int year = Integer.parseInt(code.substring(0, 4));
    int number = Integer.parseInt(code.substring(6));
    as(PROVINCE)
        .body(Map.of("planId", PLAN, "kind", "quarter", "year", year, "number", number))
        .post("/api/v1/periods");
    var current = as(PROVINCE).get("/api/v1/periods/" + PLAN + "/" + code).then().statusCode(200);
    String state = current.extract().path("state");
    if (open != state.equals("open")) {
      as(PROVINCE)
          .header("If-Match", current.extract().header("ETag"))
          .post("/api/v1/periods/" + PLAN + "/" + code + (open ? "/open" : "/close"))
          .then()
          .statusCode(200);
    }
  }

  public static Map<String, Object> value(String item, Object number) {
    return Map.of("item", item, "number", number);
  }

  public static Map<String, Object> status(String item, String status) {
    return Map.of("item", item, "status", status);
  }

  public static ValidatableResponse create(
      String user, String period, String unit, List<?> values) {
    return as(user)
        .body(Map.of("planId", PLAN, "period", period, "unitCode", unit, "values", values))
        .post("/api/v1/submissions")
        .then();
  }

  public static ValidatableResponse get(String user, long id) {
    return as(user).get("/api/v1/submissions/" + id).then();
  }

  public static String etag(String user, long id) {
    return get(user, id).statusCode(200).extract().header("ETag");
  }

  public static ValidatableResponse save(String user, long id, String etag, List<?> values) {
    var request = as(user).body(Map.of("values", values));
    if (etag != null) {
      request = request.header("If-Match", etag);
    }
    return request.put("/api/v1/submissions/" + id + "/values").then();
  }

  public static ValidatableResponse act(
      String user, long id, String action, String etag, String reason) {
    var request = as(user);
    if (etag != null) {
      request = request.header("If-Match", etag);
    }
    if (reason != null) {
      request = request.body(Map.of("reason", reason));
    } else if (action.equals("return") || action.equals("reopen")) {
      request = request.body(Map.of());
    }
    return request.post("/api/v1/submissions/" + id + "/" + action).then();
  }

  /** Acts with the submission's current ETag, read as that user. */
  public static ValidatableResponse act(String user, long id, String action, String reason) {
    return act(user, id, action, etag(user, id), reason);
  }

  public static long id(ValidatableResponse response) {
    return ((Number) response.extract().path("id")).longValue();
  }
}
