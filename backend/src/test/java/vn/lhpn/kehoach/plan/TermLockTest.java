package vn.lhpn.kehoach.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.Tokens;

/**
 * The term locked (khóa số liệu, docs/adr/0016), on a plan of its own (the seed under number 97):
 * refused while a report waits for review; then no report, value, period, emulation setting or item
 * of the plan changes (409, nothing written), reads go on with the same figures; the province
 * reopens it with a reason and the same writes work again; both steps are in the history.
 */
@QuarkusTest
class TermLockTest {
  static final String PLAN = "97-KH-BCH";
  static final String PROVINCE = "tinh.canbo";

  static RequestSpecification as(String user) {
    return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
  }

  static byte[] seed() throws Exception {
    try (InputStream in =
        TermLockTest.class
            .getClassLoader()
            .getResourceAsStream("seed/plans/ke-hoach-toan-khoa-2021-2026.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("Số: *11* /KH-BCH", "Số: *97* /KH-BCH")
          .getBytes(StandardCharsets.UTF_8);
    }
  }

  static Response importSeed() throws Exception {
    return given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .multiPart("file", "ke-hoach-97.txt", seed())
        .post("/api/v1/plans/imports");
  }

  static Response plan() {
    return as(PROVINCE).get("/api/v1/plans/" + PLAN);
  }

  static String version() {
    return "\"" + plan().path("version") + "\"";
  }

  @Test
  void shouldLockTheTermOnceReviewedAndKeepEveryFigureUntilReopened() throws Exception {
    importSeed().then().statusCode(201);
    // a plan imported as new has its periods, all closed until its planner opens one
    as(PROVINCE)
        .get("/api/v1/periods?plan=" + PLAN + "&size=50")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(15))
        .body("items.state", org.hamcrest.Matchers.everyItem(equalTo("closed")));
    Response period = as(PROVINCE).get("/api/v1/periods/" + PLAN + "/2025-H1");
    String periodTag =
        as(PROVINCE)
            .header("If-Match", period.header("ETag"))
            .post("/api/v1/periods/" + PLAN + "/2025-H1/open")
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    Response created =
        as("xa.hungson")
            .body(
                Map.of(
                    "planId",
                    PLAN,
                    "period",
                    "2025-H1",
                    "unitCode",
                    "05761",
                    "values",
                    List.of(Map.of("item", "I-2.1", "number", 7))))
            .post("/api/v1/submissions");
    created.then().statusCode(201);
    long id = ((Number) created.path("id")).longValue();
    String tag =
        as("xa.hungson")
            .header("If-Match", created.header("ETag"))
            .post("/api/v1/submissions/" + id + "/submit")
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");

    // a report waits for review: not yet
    as(PROVINCE)
        .header("If-Match", version())
        .body(Map.of("reason", "Tổng kết nhiệm kỳ"))
        .post("/api/v1/plans/" + PLAN + "/lock")
        .then()
        .statusCode(409)
        .body("detail", containsString("1 báo cáo chờ duyệt"));
    tag =
        as("huyen.daitu")
            .header("If-Match", tag)
            .post("/api/v1/submissions/" + id + "/approve")
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    String progress = "/api/v1/progress?plan=" + PLAN + "&unit=171&year=2025";
    Object before = as(PROVINCE).get(progress).then().statusCode(200).extract().path("items");

    // only the province's planner, on the version read
    as("huyen.daitu")
        .header("If-Match", version())
        .body(Map.of())
        .post("/api/v1/plans/" + PLAN + "/lock")
        .then()
        .statusCode(403);
    as(PROVINCE)
        .header("If-Match", "\"999\"")
        .body(Map.of())
        .post("/api/v1/plans/" + PLAN + "/lock")
        .then()
        .statusCode(412);
    as(PROVINCE)
        .header("If-Match", version())
        .body(Map.of("reason", "Tổng kết nhiệm kỳ 2021-2026"))
        .post("/api/v1/plans/" + PLAN + "/lock")
        .then()
        .statusCode(200)
        .body("status", equalTo("closed"))
        .body("lock.lockedBy", equalTo(PROVINCE))
        .body("allowed", equalTo(List.of("unlock")));

    // nothing of the term changes, whoever tries and however
    Response item = as(PROVINCE).get("/api/v1/plans/" + PLAN + "/items/I-2.1");
    String otherRule = "sum".equals(item.path("termRule")) ? "last" : "sum";
    List<Response> refused =
        List.of(
            as("huyen.daitu")
                .header("If-Match", tag)
                .body(Map.of("reason", "Sửa số liệu"))
                .post("/api/v1/submissions/" + id + "/reopen"),
            as("xa.phucluong")
                .body(Map.of("planId", PLAN, "period", "2025-H1", "unitCode", "05767"))
                .post("/api/v1/submissions"),
            as(PROVINCE)
                .header("If-Match", periodTag)
                .post("/api/v1/periods/" + PLAN + "/2025-H1/close"),
            as(PROVINCE)
                .header("If-Match", "\"0\"")
                .body(Map.of("clusters", List.of()))
                .put("/api/v1/emulation/clusters?plan=" + PLAN),
            as(PROVINCE)
                .header("If-Match", item.header("ETag"))
                .body(Map.of("rule", otherRule))
                .put("/api/v1/plans/" + PLAN + "/items/I-2.1/term-rule"));
    for (Response r : refused) {
      assertEquals(409, r.statusCode(), r.asString());
      r.then()
          .contentType("application/problem+json")
          .body("detail", containsString("đã khóa số liệu"));
    }
    assertEquals(before, as(PROVINCE).get(progress).then().statusCode(200).extract().path("items"));
    as(PROVINCE)
        .get("/api/v1/submissions/" + id)
        .then()
        .statusCode(200)
        .body("state", equalTo("approved"));

    // reopened, with a reason: the same writes work again
    as(PROVINCE)
        .header("If-Match", version())
        .body(Map.of())
        .post("/api/v1/plans/" + PLAN + "/lock/reopen")
        .then()
        .statusCode(400);
    as(PROVINCE)
        .header("If-Match", version())
        .body(Map.of("reason", "Bổ sung số liệu của xã Hùng Sơn"))
        .post("/api/v1/plans/" + PLAN + "/lock/reopen")
        .then()
        .statusCode(200)
        .body("status", equalTo("active"));
    as("huyen.daitu")
        .header("If-Match", tag)
        .body(Map.of("reason", "Sửa số liệu"))
        .post("/api/v1/submissions/" + id + "/reopen")
        .then()
        .statusCode(200);
    as(PROVINCE)
        .get("/api/v1/plans/" + PLAN + "/lock")
        .then()
        .statusCode(200)
        .body("action", equalTo(List.of("unlock", "lock")))
        .body("reason[0]", equalTo("Bổ sung số liệu của xã Hùng Sơn"));
  }
}
