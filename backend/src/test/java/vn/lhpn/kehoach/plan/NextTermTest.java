package vn.lhpn.kehoach.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.MapOf2025;
import vn.lhpn.kehoach.support.Tokens;

/**
 * The next term beside the old one (#24), on the map of today (92 communes under the province): the
 * seed under number 05 with the years of 2026-2031 is imported; it gets its own periods (all
 * closed), a commune that exists only on the new map gets its target, the province reports and
 * approves its own figures in the new plan; the old plan reads as it did.
 */
@QuarkusTest
@TestProfile(MapOf2025.class)
class NextTermTest {
  static final String OLD = "11-KH-BCH";
  static final String NEXT = "05-KH-BCH";
  static final String PROVINCE = "tinh.canbo";

  @Inject EntityManager em;

  static RequestSpecification as(String user) {
    return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
  }

  /** The seed as the next term's plan: its number, its dates and its five years moved on. */
  static byte[] nextTerm() throws Exception {
    try (InputStream in =
        NextTermTest.class
            .getClassLoader()
            .getResourceAsStream("seed/plans/ke-hoach-toan-khoa-2021-2026.txt")) {
      String text =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .replace("Số: *11* /KH-BCH", "Số: *05* /KH-BCH")
              .replace("tháng *12* năm 2021", "tháng *12* năm 2026")
              .replace("nhiệm kỳ 2021 - 2026", "nhiệm kỳ 2026 - 2031");
      for (int year = 2026; year >= 2022; year--) {
        text = text.replace("Năm " + year, "Năm " + (year + 5));
      }
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }

  @Test
  void shouldRunTheNextTermBesideTheOldOneOnTheNewMap() throws Exception {
    String oldProgress = "/api/v1/progress?plan=" + OLD + "&unit=19&year=2025";
    Object before = as(PROVINCE).get(oldProgress).then().statusCode(200).extract().path("items");
    int oldPeriods = as(PROVINCE).get("/api/v1/periods?plan=" + OLD).path("totalItems");

    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .multiPart("file", "ke-hoach-toan-khoa-2026-2031.txt", nextTerm())
        .post("/api/v1/plans/imports")
        .then()
        .statusCode(201)
        .body("planCode", equalTo(NEXT))
        .body("outcome", equalTo("created"));
    as(PROVINCE)
        .get("/api/v1/plans")
        .then()
        .body("items.code", hasItems(OLD, NEXT))
        .body(
            "items.find { it.code == '" + NEXT + "' }.years",
            contains(2027, 2028, 2029, 2030, 2031))
        .body("items.find { it.code == '" + NEXT + "' }.termStart", equalTo(2026))
        .body("items.find { it.code == '" + NEXT + "' }.termEnd", equalTo(2031));

    // its own periods, closed until the planner opens one; the old plan's untouched
    as(PROVINCE)
        .get("/api/v1/periods?plan=" + NEXT + "&size=50")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(15))
        .body("items.state", everyItem(equalTo("closed")));
    assertEquals(
        oldPeriods, (int) as(PROVINCE).get("/api/v1/periods?plan=" + OLD).path("totalItems"));

    // a commune that exists only on the new map gets its target of 2027
    String commune =
        (String)
            QuarkusTransaction.requiringNew()
                .call(
                    () ->
                        em.createNativeQuery(
                                """
                                SELECT u.code FROM org_unit u
                                WHERE u.parent_code = '19' AND u.valid_from = DATE '2025-07-01'
                                  AND u.valid_to IS NULL AND u.level = 2
                                  AND NOT EXISTS (SELECT 1 FROM org_unit o
                                                  WHERE o.code = u.code AND o.valid_from < u.valid_from)
                                ORDER BY u.code LIMIT 1
                                """)
                            .getSingleResult());
    assertNotNull(commune);
    String column = "/api/v1/targets/allocation?plan=" + NEXT + "&item=I-2.1&year=2027&parent=19";
    String etag = as(PROVINCE).get(column).then().statusCode(200).extract().header("ETag");
    as(PROVINCE)
        .header("If-Match", etag)
        .body(Map.of("rows", List.of(Map.of("unitCode", commune, "value", 40))))
        .put(column)
        .then()
        .statusCode(200);
    as(PROVINCE)
        .get("/api/v1/submissions/form?plan=" + NEXT + "&period=2027&unit=" + commune)
        .then()
        .statusCode(200)
        .body("items.find { it.key == 'I-2.1' }.target.value", equalTo(40));

    // the province reports its own figures of 2027 in the new plan; another reviewer approves
    Response period = as(PROVINCE).get("/api/v1/periods/" + NEXT + "/2027");
    as(PROVINCE)
        .header("If-Match", period.header("ETag"))
        .post("/api/v1/periods/" + NEXT + "/2027/open")
        .then()
        .statusCode(200);
    JsonPath form =
        as("tinh.vanphong")
            .get("/api/v1/submissions/form?plan=" + NEXT + "&period=2027&unit=19")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String item = form.getString("items.find { it.measureType == 'count' }.key");
    Response created =
        as("tinh.vanphong")
            .body(
                Map.of(
                    "planId",
                    NEXT,
                    "period",
                    "2027",
                    "unitCode",
                    "19",
                    "values",
                    List.of(Map.of("item", item, "number", 1234))))
            .post("/api/v1/submissions");
    created.then().statusCode(201);
    long id = ((Number) created.path("id")).longValue();
    String tag =
        as("tinh.vanphong")
            .header("If-Match", created.header("ETag"))
            .post("/api/v1/submissions/" + id + "/submit")
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    as(PROVINCE)
        .header("If-Match", tag)
        .post("/api/v1/submissions/" + id + "/approve")
        .then()
        .statusCode(200);
    as(PROVINCE)
        .get("/api/v1/progress?plan=" + NEXT + "&unit=19&year=2027")
        .then()
        .statusCode(200)
        .body("items.find { it.itemKey == '" + item + "' }.subtree.value", equalTo(1234));

    // the old term reads as it did
    assertEquals(
        before, as(PROVINCE).get(oldProgress).then().statusCode(200).extract().path("items"));
  }
}
