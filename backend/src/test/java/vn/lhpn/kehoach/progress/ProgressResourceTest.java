package vn.lhpn.kehoach.progress;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lhpn.kehoach.submission.Reports.DAI_TU;
import static vn.lhpn.kehoach.submission.Reports.HUNG_SON;
import static vn.lhpn.kehoach.submission.Reports.HUONG_SON;
import static vn.lhpn.kehoach.submission.Reports.PHO_BINH;
import static vn.lhpn.kehoach.submission.Reports.PHUC_LUONG;
import static vn.lhpn.kehoach.submission.Reports.PLAN;
import static vn.lhpn.kehoach.submission.Reports.PROVINCE;
import static vn.lhpn.kehoach.submission.Reports.act;
import static vn.lhpn.kehoach.submission.Reports.as;
import static vn.lhpn.kehoach.submission.Reports.create;
import static vn.lhpn.kehoach.submission.Reports.id;
import static vn.lhpn.kehoach.submission.Reports.status;
import static vn.lhpn.kehoach.submission.Reports.value;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Progress rolls up live: an approval, a pending submission and a reopen are in the very next read
 * of every unit above; a year report wins over its halves; percentages are averaged, never added;
 * activities are counted by unit; completeness follows the units that existed (the 2023 merge);
 * nobody reads a sibling's figures.
 */
@QuarkusTest
class ProgressResourceTest {
  static void open(String code) {
    var current = as(PROVINCE).get("/api/v1/periods/" + PLAN + "/" + code).then().statusCode(200);
    if (!"open".equals(current.extract().path("state"))) {
      as(PROVINCE)
          .header("If-Match", current.extract().header("ETag"))
          .post("/api/v1/periods/" + PLAN + "/" + code + "/open")
          .then()
          .statusCode(200);
    }
  }

  static JsonPath progress(String user, String unit) {
    return as(user)
        .get("/api/v1/progress?plan=" + PLAN + "&unit=" + unit + "&year=2023")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static Map<String, Object> item(JsonPath progress, String key) {
    return progress.getMap("items.find { it.itemKey == '" + key + "' }");
  }

  @SuppressWarnings("unchecked")
  static Object subtree(JsonPath progress, String key, String field) {
    return ((Map<String, Object>) item(progress, key).get("subtree")).get(field);
  }

  static long submitted(String user, String period, String unit, List<?> values) {
    long id = id(create(user, period, unit, values).statusCode(201));
    act(user, id, "submit", null).statusCode(200);
    return id;
  }

  @Test
  void shouldRollUpApprovedFiguresLiveAndKeepPendingApart() {
    for (String p : List.of("2023", "2023-H1", "2023-H2")) {
      open(p);
    }
    long hungSonH1 =
        submitted(
            HUNG_SON,
            "2023-H1",
            "05761",
            List.of(value("I-2.1", 10), value("I-5.3", 40), status("I-1.1", "done")));
    act(DAI_TU, hungSonH1, "approve", null).statusCode(200);
    long hungSonH2 = submitted(HUNG_SON, "2023-H2", "05761", List.of(value("I-2.1", 5)));
    // Phúc Lương reported the half and the year: the year report wins, the half is not added.
    long phucLuongH1 =
        submitted(PHUC_LUONG, "2023-H1", "05767", List.of(value("I-2.1", 3), value("I-5.3", 60)));
    act(DAI_TU, phucLuongH1, "approve", null).statusCode(200);
    long phucLuongYear = submitted(PHUC_LUONG, "2023", "05767", List.of(value("I-2.1", 7)));
    act(DAI_TU, phucLuongYear, "approve", null).statusCode(200);
    long huongSonH1 = submitted(HUONG_SON, "2023-H1", "05908", List.of(value("I-2.1", 4)));
    act(PHO_BINH, huongSonH1, "approve", null).statusCode(200);

    JsonPath daiTu = progress(DAI_TU, "171");
    assertEquals(17, subtree(daiTu, "I-2.1", "value")); // 10 (Hùng Sơn H1) + 7 (Phúc Lương year)
    assertEquals("sum", subtree(daiTu, "I-2.1", "basis"));
    assertEquals(5, subtree(daiTu, "I-2.1", "pending")); // Hùng Sơn H2, submitted only
    assertEquals(1, subtree(daiTu, "I-2.1", "pendingUnits"));
    // Which reports the 17 came from: one unit's year report, one unit's half-years.
    assertEquals(
        Map.of("fromYear", 1, "fromHalves", 1, "fromQuarters", 0),
        subtree(daiTu, "I-2.1", "sources"));
    // A percentage is the mean of the units that reported it, never their sum.
    assertEquals(50, subtree(daiTu, "I-5.3", "value"));
    assertEquals("mean", subtree(daiTu, "I-5.3", "basis"));
    assertEquals(2, subtree(daiTu, "I-5.3", "units"));
    @SuppressWarnings("unchecked")
    Map<String, Object> activity = (Map<String, Object>) subtree(daiTu, "I-1.1", "activity");
    assertEquals(1, activity.get("done"));
    assertTrue(((Number) activity.get("due")).intValue() >= 29, "every unit of Đại Từ is due");
    assertEquals(21, subtree(progress(PROVINCE, "19"), "I-2.1", "value"));

    // The figures behind the number, each with the reports it came from.
    as(DAI_TU)
        .get("/api/v1/progress/values?plan=" + PLAN + "&unit=171&year=2023&item=I-2.1")
        .then()
        .statusCode(200)
        .body("units.find { it.unit.code == '05761' }.approved.value", equalTo(10))
        .body(
            "units.find { it.unit.code == '05761' }.approved.sources", equalTo(List.of("2023-H1")))
        .body("units.find { it.unit.code == '05761' }.pending.value", equalTo(5))
        .body("units.find { it.unit.code == '05767' }.approved.value", equalTo(7))
        .body("units.find { it.unit.code == '05767' }.approved.sources", equalTo(List.of("2023")));

    // Approved: in the very next read of every unit above, no longer pending.
    act(DAI_TU, hungSonH2, "approve", null).statusCode(200);
    daiTu = progress(DAI_TU, "171");
    assertEquals(22, subtree(daiTu, "I-2.1", "value"));
    assertEquals(null, subtree(daiTu, "I-2.1", "pending"));
    assertEquals(
        Map.of("fromYear", 1, "fromHalves", 1, "fromQuarters", 0),
        subtree(daiTu, "I-2.1", "sources"));
    assertEquals(26, subtree(progress(PROVINCE, "19"), "I-2.1", "value"));
    // Reopened: the year report no longer counts, the half does again.
    act(DAI_TU, phucLuongYear, "reopen", "Sai số liệu").statusCode(200);
    assertEquals(18, subtree(progress(DAI_TU, "171"), "I-2.1", "value"));
    assertEquals(
        Map.of("fromYear", 0, "fromHalves", 2, "fromQuarters", 0),
        subtree(progress(DAI_TU, "171"), "I-2.1", "sources"));
    assertEquals(22, subtree(progress(PROVINCE, "19"), "I-2.1", "value"));
    // The district's own column (it reported nothing itself) is empty; the commune's own is 15.
    assertEquals(null, item(progress(DAI_TU, "171"), "I-2.1").get("own"));
    as(HUNG_SON)
        .get("/api/v1/progress?plan=" + PLAN + "&year=2023")
        .then()
        .statusCode(200)
        .body("items.find { it.itemKey == 'I-2.1' }.own.value", equalTo(15))
        .body(
            "items.find { it.itemKey == 'I-2.1' }.own.sources",
            equalTo(List.of("2023-H1", "2023-H2")));
    // Side by side: the province sees Đại Từ and Phú Bình.
    as(PROVINCE)
        .get("/api/v1/progress/units?plan=" + PLAN + "&unit=19&year=2023")
        .then()
        .statusCode(200)
        .body("units.code", hasItem("171"))
        .body(
            "rows.find { it.itemKey == 'I-2.1' }.cells.find { it.unitCode == '171' }.value",
            equalTo(18))
        .body(
            "rows.find { it.itemKey == 'I-2.1' }.cells.find { it.unitCode == '173' }.value",
            equalTo(4));
  }

  /**
   * The dashboard reads are answered from memory while the data stays the same (ProgressCache): an
   * approval and a reopen are still in the very next read, of the unit's progress and of the table.
   */
  @Test
  void shouldShowAnApprovalInTheVeryNextReadOfAKeptAnswer() {
    open("2022-H2");
    String table = "/api/v1/progress/units?plan=" + PLAN + "&unit=19&year=2022";
    String cell = "rows.find { it.itemKey == 'I-2.1' }.cells.find { it.unitCode == '173' }.value";
    String own = "/api/v1/progress?plan=" + PLAN + "&unit=173&year=2022";
    String subtree = "items.find { it.itemKey == 'I-2.1' }.subtree.value";
    Number before = as(PROVINCE).get(table).then().statusCode(200).extract().path(cell);
    Number beforeOwn = as(PHO_BINH).get(own).then().statusCode(200).extract().path(subtree);
    // read twice: the second answer is the kept one, the same
    as(PROVINCE).get(table).then().statusCode(200).body(cell, equalTo(before));
    as(PHO_BINH).get(own).then().statusCode(200).body(subtree, equalTo(beforeOwn));

    long id = submitted(HUONG_SON, "2022-H2", "05908", List.of(value("I-2.1", 9)));
    act(PHO_BINH, id, "approve", null).statusCode(200);
    int after = (before == null ? 0 : before.intValue()) + 9;
    as(PROVINCE).get(table).then().statusCode(200).body(cell, equalTo(after));
    as(PHO_BINH)
        .get(own)
        .then()
        .statusCode(200)
        .body(subtree, equalTo((beforeOwn == null ? 0 : beforeOwn.intValue()) + 9));

    act(PHO_BINH, id, "reopen", "Sai số liệu").statusCode(200);
    as(PROVINCE).get(table).then().statusCode(200).body(cell, equalTo(before));
    as(PHO_BINH).get(own).then().statusCode(200).body(subtree, equalTo(beforeOwn));
  }

  @Test
  void shouldCountTheUnitsThatExistedWhenUnitsMerge() {
    JsonPath before =
        as(DAI_TU)
            .get("/api/v1/progress/completeness?plan=" + PLAN + "&unit=171&period=2022-H1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    JsonPath after =
        as(DAI_TU)
            .get("/api/v1/progress/completeness?plan=" + PLAN + "&unit=171&period=2023-H1")
            .then()
            .statusCode(200)
            .body("units.unit.code", not(hasItem("05764")))
            .extract()
            .jsonPath();
    // Thị trấn Quân Chu (05764) merged into 05851 on 10/04/2023: one unit fewer is expected.
    assertTrue(before.getList("units.unit.code").contains("05764"));
    assertEquals(before.getInt("expected") - 1, after.getInt("expected"));
    assertEquals(after.getInt("expected"), after.getList("units").size());
    assertTrue(after.getInt("submitted") <= after.getInt("expected"));
    int states =
        after.getInt("submitted")
            + after.getInt("returned")
            + after.getInt("draft")
            + after.getInt("missing");
    assertEquals(after.getInt("expected"), states);
  }

  @Test
  void shouldAssessTheTermByEachItemsRule() {
    as(DAI_TU)
        .get("/api/v1/progress/term?plan=" + PLAN + "&unit=171")
        .then()
        .statusCode(200)
        .body("items.find { it.itemKey == 'I-2.1' }.rule", equalTo("sum"))
        .body("items.find { it.itemKey == 'I-2.1' }.years.size()", equalTo(5))
        .body("items.find { it.itemKey == 'I-5.1' }.rule", equalTo("sum"))
        .body("groups.verdict", not(hasItem(nullValue())));
    // each year of the term is the year's own progress figure, for counts and for activities
    JsonPath term =
        as(DAI_TU)
            .get("/api/v1/progress/term?plan=" + PLAN + "&unit=171")
            .then()
            .extract()
            .jsonPath();
    for (int year = 2022; year <= 2026; year++) {
      JsonPath progress =
          as(DAI_TU)
              .get("/api/v1/progress?plan=" + PLAN + "&unit=171&year=" + year)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      for (String key : List.of("I-2.1", "I-1.1")) {
        Map<String, Object> y =
            term.getMap(
                "items.find { it.itemKey == '"
                    + key
                    + "' }.years.find { it.year == "
                    + year
                    + " }");
        assertEquals(subtree(progress, key, "value"), y.get("value"), key + " " + year);
      }
      assertEquals(
          item(progress, "I-2.1").get("target") == null
              ? null
              : ((Map<?, ?>) item(progress, "I-2.1").get("target")).get("value"),
          term.getMap("items.find { it.itemKey == 'I-2.1' }.years.find { it.year == " + year + " }")
              .get("target"),
          "target I-2.1 " + year);
    }
  }

  /**
   * Progress reads the plan through a read model kept per plan revision (a database trigger bumps
   * it): a rule the planner changes is in the very next read, and so is the change back.
   */
  @Test
  void shouldReadTheRuleThePlannerJustSet() {
    String item = "/api/v1/plans/" + PLAN + "/items/I-2.1";
    String term = "/api/v1/progress/term?plan=" + PLAN + "&unit=171";
    String rule = "items.find { it.itemKey == 'I-2.1' }.rule";
    as(DAI_TU).get(term).then().statusCode(200).body(rule, equalTo("sum"));
    String etag = as(PROVINCE).get(item).then().statusCode(200).extract().header("ETag");
    etag =
        as(PROVINCE)
            .header("If-Match", etag)
            .body(Map.of("rule", "last"))
            .put(item + "/term-rule")
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    try {
      as(DAI_TU).get(term).then().statusCode(200).body(rule, equalTo("last"));
    } finally {
      as(PROVINCE)
          .header("If-Match", etag)
          .body(Map.of("rule", "sum"))
          .put(item + "/term-rule")
          .then()
          .statusCode(200);
    }
    as(DAI_TU).get(term).then().statusCode(200).body(rule, equalTo("sum"));
  }

  @Test
  void shouldShowNobodyTheFiguresOfASibling() {
    as(PHO_BINH)
        .get("/api/v1/progress?plan=" + PLAN + "&unit=171&year=2023")
        .then()
        .statusCode(404);
    as(HUONG_SON)
        .get("/api/v1/progress?plan=" + PLAN + "&unit=05761&year=2023")
        .then()
        .statusCode(404);
    as(DAI_TU).get("/api/v1/progress?plan=" + PLAN + "&unit=19&year=2023").then().statusCode(404);
    as(DAI_TU)
        .get("/api/v1/progress?plan=" + PLAN + "&unit=171&year=1999")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("year"));
  }
}
