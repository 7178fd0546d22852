package vn.lhpn.kehoach.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.MapOf2025;
import vn.lhpn.kehoach.support.Tokens;

/**
 * Điều chỉnh chỉ tiêu after the merger: the province planner gives 2026 of a leaf a new level with
 * the decision and the reason; the level as adopted stays beside it; progress judges against the
 * new one and says so; a stale or bad request changes nothing; importing the plan file again keeps
 * the amendment. On the map of 2025, whose start no other test's plan levels depend on.
 */
@QuarkusTest
@TestProfile(MapOf2025.class)
class LevelAmendmentTest {
  private static final String ITEM = "/api/v1/plans/11-KH-BCH/items/I-2.2";

  private static RequestSpecification as(String user) {
    return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
  }

  private static Map<String, Object> amendment(Object value) {
    return Map.of(
        "value",
        value,
        "decision",
        "Quyết định số 12/QĐ-HPN ngày 15/08/2025",
        "reason",
        "Hợp nhất tỉnh Thái Nguyên và tỉnh Bắc Kạn từ 01/07/2025");
  }

  @Test
  void shouldAmendAYearsLevelKeepTheAdoptedOneAndJudgeAgainstTheNewOne() throws Exception {
    var read = as("tinh.canbo").get(ITEM).then().statusCode(200);
    String etag = read.extract().header("ETag");
    String adopted = read.extract().path("years.find { it.year == 2026 }.raw");

    // refused, nothing changed: no If-Match, a negative level, a district planner, an activity
    as("tinh.canbo").body(amendment(1200)).put(ITEM + "/levels/2026").then().statusCode(428);
    as("tinh.canbo")
        .header("If-Match", etag)
        .body(amendment(-5))
        .put(ITEM + "/levels/2026")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("value"));
    as("tinh.canbo")
        .header("If-Match", etag)
        .body(Map.of("value", 1200))
        .put(ITEM + "/levels/2026")
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("decision"));
    as("huyen.daitu")
        .header("If-Match", etag)
        .body(amendment(1200))
        .put(ITEM + "/levels/2026")
        .then()
        .statusCode(403);
    String activity = "/api/v1/plans/11-KH-BCH/items/I-1.1";
    as("tinh.canbo")
        .header("If-Match", as("tinh.canbo").get(activity).then().extract().header("ETag"))
        .body(amendment(1200))
        .put(activity + "/levels/2026")
        .then()
        .statusCode(400);
    as("tinh.canbo").get(ITEM).then().header("ETag", etag);

    String amended =
        as("tinh.canbo")
            .header("If-Match", etag)
            .body(amendment(1200))
            .put(ITEM + "/levels/2026")
            .then()
            .statusCode(200)
            .body("years.find { it.year == 2026 }.raw", equalTo("1.200"))
            .body("years.find { it.year == 2026 }.value", equalTo(1200))
            .body("years.find { it.year == 2026 }.originalRaw", equalTo(adopted))
            .body(
                "years.find { it.year == 2026 }.decision",
                equalTo("Quyết định số 12/QĐ-HPN ngày 15/08/2025"))
            .extract()
            .header("ETag");
    // a second planner who read before the amendment is refused, not silently overwritten
    as("tinh.canbo")
        .header("If-Match", etag)
        .body(amendment(900))
        .put(ITEM + "/levels/2026")
        .then()
        .statusCode(412);

    // the province's target for 2026 is the amended level, and says so
    as("tinh.lanhdao")
        .get("/api/v1/progress?plan=11-KH-BCH&unit=19&year=2026")
        .then()
        .statusCode(200)
        .body("items.find { it.itemKey == 'I-2.2' }.target.value", equalTo(1200))
        .body("items.find { it.itemKey == 'I-2.2' }.target.source", equalTo("amended"));
    as("tinh.lanhdao")
        .get("/api/v1/progress/term?plan=11-KH-BCH&unit=19")
        .then()
        .statusCode(200)
        .body(
            "items.find { it.itemKey == 'I-2.2' }.years.find { it.year == 2026 }.amended",
            equalTo(true))
        .body(
            "items.find { it.itemKey == 'I-2.2' }.years.find { it.year == 2025 }.amended",
            equalTo(false));
    // kept as it was made
    as("tinh.lanhdao")
        .get(ITEM + "/amendments")
        .then()
        .statusCode(200)
        .body("[0].year", equalTo(2026))
        .body("[0].beforeRaw", equalTo(adopted))
        .body("[0].afterRaw", equalTo("1.200"))
        .body("[0].amendedBy", equalTo("tinh.canbo"));

    // the province's written report for 2026 says so
    String map =
        as("tinh.canbo")
            .get("/api/v1/summary-reports?plan=11-KH-BCH&unit=19&period=2026")
            .then()
            .statusCode(200)
            .extract()
            .path("blocks.find { it.key == 'map' }.text");
    org.junit.jupiter.api.Assertions.assertTrue(
        map.contains(
            "Chỉ tiêu năm 2026 của nội dung 2.2 được điều chỉnh từ "
                + adopted
                + " thành 1.200 theo Quyết định số 12/QĐ-HPN ngày 15/08/2025"),
        map);

    // the plan file imported again is the plan as adopted: nothing to change, the amendment stays
    PlanResourceTest.upload(
            "tinh.canbo", PlanResourceTest.seed(), "ke-hoach-toan-khoa-2021-2026.txt", false)
        .statusCode(200);
    var after = as("tinh.canbo").get(ITEM).then().statusCode(200);
    assertEquals("1.200", after.extract().path("years.find { it.year == 2026 }.raw"));
    assertEquals(amended, after.extract().header("ETag"));
  }
}
