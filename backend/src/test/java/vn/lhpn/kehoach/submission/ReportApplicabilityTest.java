package vn.lhpn.kehoach.submission;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lhpn.kehoach.submission.Reports.DAI_TU;
import static vn.lhpn.kehoach.submission.Reports.HUNG_SON;
import static vn.lhpn.kehoach.submission.Reports.PLAN;
import static vn.lhpn.kehoach.submission.Reports.PROVINCE;
import static vn.lhpn.kehoach.submission.Reports.as;
import static vn.lhpn.kehoach.submission.Reports.create;
import static vn.lhpn.kehoach.submission.Reports.value;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A report lists only what applies to the unit: not the items the plan gives to another level, and
 * not a count the level above did not allocate to it ("không giao").
 */
@QuarkusTest
class ReportApplicabilityTest {
  static final String ITEM = "/api/v1/plans/" + PLAN + "/items/";

  static List<String> formItems(String user, String period, String unit) {
    return as(user)
        .get("/api/v1/submissions/form?plan=" + PLAN + "&period=" + period + "&unit=" + unit)
        .then()
        .statusCode(200)
        .extract()
        .path("items.key");
  }

  @Test
  void shouldLeaveOutOfACommunesReportTheItemsThePlanGivesToAnotherLevel() {
    Reports.period("2025-Q3", true);
    as(PROVINCE).get(ITEM + "II-1.1.5").then().statusCode(200).body("reportingLevels", contains(1));
    as(PROVINCE)
        .get(ITEM + "II-2.3.1")
        .then()
        .body("reportingLevels", contains(2))
        .body("reportingLevelsGuessed", equalTo(true));
    as(PROVINCE).get(ITEM + "II-3.3.5").then().body("reportingLevels", contains(2));
    List<String> commune = formItems(HUNG_SON, "2025-Q3", "05761");
    for (String key : List.of("II-1.1.5", "II-2.2.4", "II-2.3.1", "II-3.3.5")) {
      assertTrue(!commune.contains(key), key + " is not the commune's");
    }
    assertTrue(commune.contains("I-2.1"));
    // The district reports what the plan gives to the districts.
    assertTrue(formItems(DAI_TU, "2025-Q3", "171").contains("II-2.3.1"));
    // A breakdown row reads with its item's code.
    as(HUNG_SON)
        .get("/api/v1/submissions/form?plan=" + PLAN + "&period=2025-Q3")
        .then()
        .body("items.label", hasItem(org.hamcrest.Matchers.startsWith("6.2 · ")));
  }

  @Test
  void shouldLetOnlyTheProvincePlannerConfirmTheLevelsThatReport() {
    String etag = as(PROVINCE).get(ITEM + "II-1.1.5").then().extract().header("ETag");
    as(DAI_TU)
        .header("If-Match", etag)
        .body(Map.of("levels", List.of(1, 2)))
        .put(ITEM + "II-1.1.5/reporting-levels")
        .then()
        .statusCode(403);
    as(PROVINCE)
        .body(Map.of("levels", List.of(1, 2)))
        .put(ITEM + "II-1.1.5/reporting-levels")
        .then()
        .statusCode(428);
    as(PROVINCE)
        .header("If-Match", etag)
        .body(Map.of("levels", List.of(1, 4)))
        .put(ITEM + "II-1.1.5/reporting-levels")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("levels[1]"));
    String next =
        as(PROVINCE)
            .header("If-Match", etag)
            .body(Map.of("levels", List.of(2, 1)))
            .put(ITEM + "II-1.1.5/reporting-levels")
            .then()
            .statusCode(200)
            .body("reportingLevels", contains(1, 2))
            .body("reportingLevelsGuessed", equalTo(false))
            .extract()
            .header("ETag");
    Reports.period("2025-Q3", true);
    assertTrue(formItems(DAI_TU, "2025-Q3", "171").contains("II-1.1.5"));
    // back to the province alone, as the wording says
    as(PROVINCE)
        .header("If-Match", next)
        .body(Map.of("levels", List.of(1)))
        .put(ITEM + "II-1.1.5/reporting-levels")
        .then()
        .statusCode(200);
    assertTrue(!formItems(DAI_TU, "2025-Q3", "171").contains("II-1.1.5"));
  }

  @Test
  void shouldDropACountTheDistrictDidNotAllocateToACommune() {
    Reports.period("2025-Q4", true);
    String column = "/api/v1/targets/allocation?plan=" + PLAN + "&item=I-4.1&year=2025&parent=171";
    String etag = as(DAI_TU).get(column).then().statusCode(200).extract().header("ETag");
    // "Không giao" takes no number.
    as(DAI_TU)
        .header("If-Match", etag)
        .body(Map.of("rows", List.of(Map.of("unitCode", "05761", "value", 3, "required", false))))
        .put(column)
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("rows[0].value"));
    etag =
        as(DAI_TU)
            .header("If-Match", etag)
            .body(Map.of("rows", List.of(Map.of("unitCode", "05761", "required", false))))
            .put(column)
            .then()
            .statusCode(200)
            .body("rows.find { it.unit.code == '05761' }.required", equalTo(false))
            .body("missing", equalTo(28))
            .extract()
            .header("ETag");
    assertTrue(!formItems(HUNG_SON, "2025-Q4", "05761").contains("I-4.1"));
    create(HUNG_SON, "2025-Q4", "05761", List.of(value("I-4.1", 2)))
        .statusCode(400)
        .body("errors[0].field", equalTo("values[0].item"));
    // An equal split leaves the commune out.
    List<Map<String, Object>> split =
        as(DAI_TU)
            .get(column.replace("allocation?", "allocation/fill?") + "&method=each&value=1")
            .then()
            .statusCode(200)
            .extract()
            .path("rows");
    assertEquals(28, split.size());
    // Given again: the item is back in the commune's report.
    as(DAI_TU)
        .header("If-Match", etag)
        .body(Map.of("rows", List.of(Map.of("unitCode", "05761", "value", 4))))
        .put(column)
        .then()
        .statusCode(200)
        .body("rows.find { it.unit.code == '05761' }.required", org.hamcrest.Matchers.nullValue());
    assertTrue(formItems(HUNG_SON, "2025-Q4", "05761").contains("I-4.1"));
    as(HUNG_SON)
        .get("/api/v1/submissions/form?plan=" + PLAN + "&period=2025-Q4")
        .then()
        .body("items.key", hasItem("I-4.1"))
        .body("items.key", not(hasItem("II-1.1.5")));
  }
}
