package vn.lhpn.kehoach.allocation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.Tokens;

@QuarkusTest
class TargetResourceTest {
  static final String PROVINCE = "tinh.canbo";
  static final String DAI_TU = "huyen.daitu";
  static final List<String> DISTRICTS =
      List.of("164", "165", "167", "168", "169", "170", "171", "172", "173");

  static String query(String item, int year, String parent) {
    return "?plan=11-KH-BCH&item=" + item + "&year=" + year + "&parent=" + parent;
  }

  static ValidatableResponse column(String user, String item, int year, String parent) {
    return given()
        .auth()
        .oauth2(Tokens.of(user))
        .get("/api/v1/targets/allocation" + query(item, year, parent))
        .then();
  }

  static String etag(String user, String item, int year, String parent) {
    return column(user, item, year, parent).statusCode(200).extract().header("ETag");
  }

  static List<Map<String, Object>> fill(
      String user, String item, int year, String parent, String params) {
    return given()
        .auth()
        .oauth2(Tokens.of(user))
        .get("/api/v1/targets/allocation/fill" + query(item, year, parent) + "&" + params)
        .then()
        .statusCode(200)
        .extract()
        .path("rows");
  }

  static ValidatableResponse save(
      String user, String item, int year, String parent, String etag, Object body) {
    var request = given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body);
    if (etag != null) {
      request = request.header("If-Match", etag);
    }
    return request.put("/api/v1/targets/allocation" + query(item, year, parent)).then();
  }

  static Map<String, Object> rows(List<Map<String, Object>> rows, String method) {
    return Map.of("rows", rows, "method", method, "reason", "Giao chỉ tiêu năm");
  }

  @Test
  void shouldSplit500HouseholdsOverTheNineDistrictsThenADistrictOverItsCommunes() {
    column(PROVINCE, "I-2.1", 2024, "19")
        .statusCode(200)
        .body("parentTarget.source", equalTo("plan"))
        .body("parentTarget.value", equalTo(500))
        .body("rows", hasSize(11))
        .body("rows.unit.code", hasItem("DVTT-CA"))
        .body("status", equalTo("unallocated"));
    var proposal =
        fill(
            PROVINCE,
            "I-2.1",
            2024,
            "19",
            "method=equal&remainder=first&units=" + String.join(",", DISTRICTS));
    assertEquals(9, proposal.size());
    save(
            PROVINCE,
            "I-2.1",
            2024,
            "19",
            etag(PROVINCE, "I-2.1", 2024, "19"),
            rows(proposal, "equal"))
        .statusCode(200)
        .body("sum", equalTo(500))
        .body("difference", equalTo(0))
        .body("status", equalTo("exact"))
        .body("missing", equalTo(2))
        .body("rows.find { it.unit.code == '164' }.value", equalTo(56))
        .body("rows.find { it.unit.code == '171' }.value", equalTo(55));

    // Đại Từ now has 55 to split over its 29 communes of 2024.
    column(DAI_TU, "I-2.1", 2024, "171")
        .statusCode(200)
        .body("parentTarget.source", equalTo("allocated"))
        .body("parentTarget.value", equalTo(55))
        .body("rows", hasSize(29));
    var communes = fill(DAI_TU, "I-2.1", 2024, "171", "method=equal");
    save(DAI_TU, "I-2.1", 2024, "171", etag(DAI_TU, "I-2.1", 2024, "171"), rows(communes, "equal"))
        .statusCode(200)
        .body("sum", equalTo(55))
        .body("status", equalTo("exact"));
    // A commune sees its own unit's row only through its district's planners, never the column.
    column("xa.hungson", "I-2.1", 2024, "171")
        .statusCode(404)
        .contentType("application/problem+json");
  }

  @Test
  void shouldGive178WhenEachCommuneGetsOne() {
    var proposal = fill(PROVINCE, "I-4.2", 2022, "19", "method=per-commune&value=1");
    int sum = proposal.stream().mapToInt(r -> ((Number) r.get("value")).intValue()).sum();
    assertEquals(178, sum);
    save(
            PROVINCE,
            "I-4.2",
            2022,
            "19",
            etag(PROVINCE, "I-4.2", 2022, "19"),
            rows(proposal, "per-commune"))
        .statusCode(200)
        .body("sum", equalTo(178))
        .body("status", equalTo("exact"))
        .body("rows.find { it.unit.code == '171' }.value", equalTo(30));
    var in2024 = fill(PROVINCE, "I-4.2", 2024, "19", "method=per-commune&value=1");
    assertEquals(177, in2024.stream().mapToInt(r -> ((Number) r.get("value")).intValue()).sum());
  }

  @Test
  void shouldFlagUnderAndOverAllocation() {
    String etag = etag(PROVINCE, "I-2.2", 2023, "19");
    List<Map<String, Object>> some =
        List.of(Map.of("unitCode", "164", "value", 10), Map.of("unitCode", "165", "value", 10));
    String next =
        save(PROVINCE, "I-2.2", 2023, "19", etag, rows(some, "manual"))
            .statusCode(200)
            .body("status", equalTo("under"))
            .body("sum", equalTo(20))
            .body("difference", equalTo(10))
            .body("missing", equalTo(9))
            .extract()
            .header("ETag");
    save(
            PROVINCE,
            "I-2.2",
            2023,
            "19",
            next,
            rows(List.of(Map.of("unitCode", "167", "value", 15)), "manual"))
        .statusCode(200)
        .body("status", equalTo("over"))
        .body("difference", equalTo(-5));
  }

  @Test
  void shouldGiveEachUnitItsOwnPercentageAndNeverSum() {
    var proposal = fill(PROVINCE, "I-5.3", 2023, "19", "method=each&value=0.5");
    save(PROVINCE, "I-5.3", 2023, "19", etag(PROVINCE, "I-5.3", 2023, "19"), rows(proposal, "each"))
        .statusCode(200)
        .body("measure", equalTo("percentage"))
        .body("parentTarget.value", equalTo(0.5f))
        .body("rows.value", everyItem(equalTo(0.5f)))
        .body("status", equalTo("complete"))
        .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("sum")));
  }

  @Test
  void shouldDefaultActivitiesToTheImplementingLevel() {
    // 1.1 "Các cấp Hội": every district carries it out; 7.1 "Hội LHPN tỉnh": none of them.
    column(PROVINCE, "I-1.1", 2022, "19")
        .statusCode(200)
        .body("rows.required", everyItem(equalTo(true)))
        .body("rows.method", everyItem(equalTo("default")));
    column(PROVINCE, "II-3.1.4", 2023, "19")
        .statusCode(200)
        .body("rows.required", everyItem(equalTo(false)));
    var rows = List.of(Map.<String, Object>of("unitCode", "171", "required", false));
    save(PROVINCE, "I-1.1", 2022, "19", etag(PROVINCE, "I-1.1", 2022, "19"), rows(rows, "manual"))
        .statusCode(200)
        .body("rows.find { it.unit.code == '171' }.required", equalTo(false))
        .body("rows.find { it.unit.code == '171' }.method", equalTo("manual"))
        .body("status", equalTo("set"));
  }

  @Test
  void shouldRefuseBadValuesNamingTheRowAndChangeNothing() {
    String etag = etag(PROVINCE, "I-2.3", 2024, "19");
    save(
            PROVINCE,
            "I-2.3",
            2024,
            "19",
            etag,
            rows(List.of(Map.of("unitCode", "164", "value", -1)), "manual"))
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("rows[0].value"));
    save(
            PROVINCE,
            "I-2.3",
            2024,
            "19",
            etag,
            rows(List.of(Map.of("unitCode", "164", "value", 1.5)), "manual"))
        .statusCode(400)
        .body("errors[0].message", containsString("whole number"));
    save(
            PROVINCE,
            "I-5.3",
            2024,
            "19",
            etag(PROVINCE, "I-5.3", 2024, "19"),
            rows(List.of(Map.of("unitCode", "164", "value", 120)), "manual"))
        .statusCode(400)
        .body("errors[0].message", containsString("at most 100"));
    // 05764 Thị trấn Quân Chu closed on 09/04/2023: a target for 2024 is refused, and for 2023 too
    // (the column of a year is the map of its last day: Thị trấn Quân Chu of 10/04/2023, 05851,
    // takes the year); 2022 is allowed.
    String daiTu = etag(DAI_TU, "I-2.3", 2024, "171");
    save(
            DAI_TU,
            "I-2.3",
            2024,
            "171",
            daiTu,
            rows(List.of(Map.of("unitCode", "05764", "value", 1)), "manual"))
        .statusCode(400)
        .body("errors.field", contains("rows[0].unitCode"));
    save(
            DAI_TU,
            "I-2.3",
            2023,
            "171",
            etag(DAI_TU, "I-2.3", 2023, "171"),
            rows(List.of(Map.of("unitCode", "05764", "value", 1)), "manual"))
        .statusCode(400)
        .body("errors.field", contains("rows[0].unitCode"));
    column(DAI_TU, "I-2.3", 2023, "171")
        .body("rows.unit.code", hasItem("05851"))
        .body("rows.unit.code", not(hasItem("05764")))
        .body("closedDuringYear.unit.code", contains("05764"));
    save(
            DAI_TU,
            "I-2.3",
            2022,
            "171",
            etag(DAI_TU, "I-2.3", 2022, "171"),
            rows(List.of(Map.of("unitCode", "05764", "value", 1)), "manual"))
        .statusCode(200);
    // A commune of another district is not below Đại Từ.
    save(
            DAI_TU,
            "I-2.3",
            2024,
            "171",
            daiTu,
            rows(List.of(Map.of("unitCode", "05908", "value", 1)), "manual"))
        .statusCode(400)
        .body("errors.field", contains("rows[0].unitCode"));
    save(
            PROVINCE,
            "I-2.3",
            2030,
            "19",
            etag,
            rows(List.of(Map.of("unitCode", "164", "value", 1)), "manual"))
        .statusCode(400)
        .body("errors.field", contains("year"));
    save(
            PROVINCE,
            "I-2.3",
            2024,
            "19",
            null,
            rows(List.of(Map.of("unitCode", "164", "value", 1)), "manual"))
        .statusCode(428);
    column(PROVINCE, "I-2.3", 2024, "19")
        .body("status", equalTo("unallocated"))
        .header("ETag", equalTo(etag));
  }

  @Test
  void shouldLetOnlyThePlannerOfTheParentUnitAllocate() {
    List<Map<String, Object>> one = List.of(Map.of("unitCode", "05908", "value", 1));
    // A district planner cannot allocate for a sibling district's communes, nor for the province.
    column(DAI_TU, "I-2.3", 2024, "173").statusCode(404).contentType("application/problem+json");
    save(DAI_TU, "I-2.3", 2024, "173", "\"c-0\"", rows(one, "manual"))
        .statusCode(404)
        .contentType("application/problem+json");
    save(
            DAI_TU,
            "I-2.3",
            2024,
            "19",
            "\"c-0\"",
            rows(List.of(Map.of("unitCode", "171", "value", 99)), "manual"))
        .statusCode(404);
    // A viewer and a reporter of the province's subtree cannot set targets.
    save(
            "tinh.lanhdao",
            "I-2.3",
            2024,
            "19",
            etag(PROVINCE, "I-2.3", 2024, "19"),
            rows(List.of(Map.of("unitCode", "171", "value", 9)), "manual"))
        .statusCode(403)
        .contentType("application/problem+json");
    // The province planner may read a district's column but not set its communes' targets.
    save(
            PROVINCE,
            "I-2.3",
            2024,
            "171",
            etag(PROVINCE, "I-2.3", 2024, "171"),
            rows(List.of(Map.of("unitCode", "05761", "value", 1)), "manual"))
        .statusCode(403);
    column(PROVINCE, "I-2.3", 2024, "171").body("status", equalTo("unallocated"));
  }

  @Test
  void shouldLetOnlyOneOfTwoConcurrentEditsWin() throws Exception {
    String etag = etag(PROVINCE, "II-1.1.5", 2025, "19");
    var pool = Executors.newFixedThreadPool(6);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int value = i + 1;
      Callable<Integer> edit =
          () ->
              save(
                      PROVINCE,
                      "II-1.1.5",
                      2025,
                      "19",
                      etag,
                      rows(List.of(Map.of("unitCode", "164", "value", value)), "manual"))
                  .extract()
                  .statusCode();
      results.add(pool.submit(edit));
    }
    List<Integer> codes = new ArrayList<>();
    for (Future<Integer> f : results) {
      codes.add(f.get());
    }
    pool.shutdown();
    assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
    assertEquals(5, codes.stream().filter(c -> c == 412 || c == 409).count(), codes.toString());
    JsonPath history =
        given()
            .auth()
            .oauth2(Tokens.of(PROVINCE))
            .get("/api/v1/targets/allocation/history" + query("II-1.1.5", 2025, "19"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(1, history.getList("$").size());
  }

  @Test
  void shouldKeepTheHistoryOfEveryChange() {
    save(
            PROVINCE,
            "I-8.1",
            2023,
            "19",
            etag(PROVINCE, "I-8.1", 2023, "19"),
            rows(List.of(Map.of("unitCode", "172", "value", 1)), "manual"))
        .statusCode(200);
    save(
            PROVINCE,
            "I-8.1",
            2023,
            "19",
            etag(PROVINCE, "I-8.1", 2023, "19"),
            Map.of(
                "rows",
                List.of(Map.of("unitCode", "172", "value", 2)),
                "reason",
                "Phổ Yên nhận thêm"))
        .statusCode(200);
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .get("/api/v1/targets/allocation/history" + query("I-8.1", 2023, "19"))
        .then()
        .statusCode(200)
        .body("before", contains(null, 1))
        .body("after", contains(1, 2))
        .body("changedBy", everyItem(equalTo("tinh.canbo")))
        .body("reason[1]", equalTo("Phổ Yên nhận thêm"))
        .body("changedAt", everyItem(notNullValue()));
  }

  @Test
  void shouldCopyAYearToTheNextYears() {
    var proposal =
        fill(PROVINCE, "I-2.3", 2022, "19", "method=equal&units=" + String.join(",", DISTRICTS));
    save(
            PROVINCE,
            "I-2.3",
            2022,
            "19",
            etag(PROVINCE, "I-2.3", 2022, "19"),
            rows(proposal, "equal"))
        .statusCode(200);
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "planId",
                "11-KH-BCH",
                "parentUnit",
                "19",
                "fromYear",
                2022,
                "toYears",
                List.of(2025, 2026),
                "itemKeys",
                List.of("I-2.3")))
        .post("/api/v1/targets/copy")
        .then()
        .statusCode(200)
        .body("targetsSet", equalTo(18));
    column(PROVINCE, "I-2.3", 2026, "19")
        .body("sum", equalTo(2))
        .body("status", equalTo("exact"))
        .body("rows.method", hasItem("copy"));
  }

  @Test
  void shouldLeaveUnitsWithoutCommunesOutOfAnEqualSplitUnlessNamed() {
    List<Map<String, Object>> rows = fill(PROVINCE, "I-2.1", 2022, "19", "method=equal");
    // 500 over the 9 districts (56 × 5 + 55 × 4); Công an and Quân sự have no cơ sở Hội.
    assertEquals(9, rows.size());
    assertEquals(500, rows.stream().mapToInt(r -> ((Number) r.get("value")).intValue()).sum());
    List<Map<String, Object>> all =
        fill(
            PROVINCE,
            "I-2.1",
            2022,
            "19",
            "method=equal&units=" + String.join(",", DISTRICTS) + ",DVTT-CA,DVTT-QS");
    assertEquals(11, all.size());
  }

  @Test
  void shouldAllocateADepartmentsWholeYearAndShowItInTheOverview() {
    // XDTCH leads these leaves; 6.1, 6.2 and 6.3 are allocated through their 8 breakdown rows.
    int leaves =
        given()
            .auth()
            .oauth2(Tokens.of(PROVINCE))
            .get("/api/v1/plans/11-KH-BCH/items?kind=leaf&department=XDTCH&size=200")
            .then()
            .extract()
            .path("totalItems");
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "planId",
                "11-KH-BCH",
                "parentUnit",
                "19",
                "year",
                2026,
                "department",
                "XDTCH",
                "method",
                "proportional"))
        .post("/api/v1/targets/bulk")
        .then()
        .statusCode(200)
        .body("items", equalTo(leaves - 3 + 8))
        .body("skipped", hasItem(containsString("I-6.1.b1")));
    column(PROVINCE, "I-5.1", 2026, "19")
        .body("sum", equalTo(1000))
        .body("status", equalTo("exact"));
    List<Map<String, Object>> overview =
        given()
            .auth()
            .oauth2(Tokens.of(PROVINCE))
            .get("/api/v1/targets/overview?plan=11-KH-BCH&year=2026&unit=19")
            .then()
            .statusCode(200)
            .extract()
            .path("$");
    Map<String, Object> r51 =
        overview.stream().filter(r -> "I-5.1".equals(r.get("itemKey"))).findFirst().orElseThrow();
    assertEquals("exact", r51.get("status"));
    // The count is split over the 9 districts; the affiliated units (no cơ sở Hội) get none.
    assertEquals(11, r51.get("childUnits"));
    assertEquals(9, r51.get("unitsWithTarget"));
    column(PROVINCE, "I-5.1", 2026, "19")
        .body("rows.find { it.unit.code == 'DVTT-CA' }.value", org.hamcrest.Matchers.nullValue());
    Map<String, Object> r21 =
        overview.stream().filter(r -> "I-2.1".equals(r.get("itemKey"))).findFirst().orElseThrow();
    assertEquals("unallocated", r21.get("status"));
    given()
        .auth()
        .oauth2(Tokens.of(DAI_TU))
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "planId",
                "11-KH-BCH",
                "parentUnit",
                "19",
                "year",
                2026,
                "department",
                "XDTCH",
                "method",
                "equal"))
        .post("/api/v1/targets/bulk")
        .then()
        .statusCode(404);
  }
}
