package vn.lhpn.kehoach.submission;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import vn.lhpn.kehoach.support.Tokens;

/** Calls of the submission API as the demo users, shared by the submission tests. */
final class Reports {
  static final String PLAN = "11-KH-BCH";
  static final String PROVINCE = "tinh.canbo";
  static final String DAI_TU = "huyen.daitu";
  static final String PHO_BINH = "huyen.phobinh";
  static final String HUNG_SON = "xa.hungson";
  static final String PHUC_LUONG = "xa.phucluong";
  static final String HUONG_SON = "xa.huongson";

  private Reports() {}

  static RequestSpecification as(String user) {
    return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
  }

  /** A quarter of the seed plan, created if missing, in the state asked for. */
  static void period(String code, boolean open) {
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

  static Map<String, Object> value(String item, Object number) {
    return Map.of("item", item, "number", number);
  }

  static Map<String, Object> status(String item, String status) {
    return Map.of("item", item, "status", status);
  }

  static ValidatableResponse create(String user, String period, String unit, List<?> values) {
    return as(user)
        .body(Map.of("planId", PLAN, "period", period, "unitCode", unit, "values", values))
        .post("/api/v1/submissions")
        .then();
  }

  static ValidatableResponse get(String user, long id) {
    return as(user).get("/api/v1/submissions/" + id).then();
  }

  static String etag(String user, long id) {
    return get(user, id).statusCode(200).extract().header("ETag");
  }

  static ValidatableResponse save(String user, long id, String etag, List<?> values) {
    var request = as(user).body(Map.of("values", values));
    if (etag != null) {
      request = request.header("If-Match", etag);
    }
    return request.put("/api/v1/submissions/" + id + "/values").then();
  }

  static ValidatableResponse act(String user, long id, String action, String etag, String reason) {
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
  static ValidatableResponse act(String user, long id, String action, String reason) {
    return act(user, id, action, etag(user, id), reason);
  }

  static long id(ValidatableResponse response) {
    return ((Number) response.extract().path("id")).longValue();
  }
}
