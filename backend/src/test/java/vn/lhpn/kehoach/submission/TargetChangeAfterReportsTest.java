package vn.lhpn.kehoach.submission;

import static org.hamcrest.Matchers.equalTo;
import static vn.lhpn.kehoach.submission.Reports.DAI_TU;
import static vn.lhpn.kehoach.submission.Reports.PHUC_LUONG;
import static vn.lhpn.kehoach.submission.Reports.PLAN;
import static vn.lhpn.kehoach.submission.Reports.as;
import static vn.lhpn.kehoach.submission.Reports.create;
import static vn.lhpn.kehoach.submission.Reports.value;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Once a unit reported against its target, the target changes only with a reason. */
@QuarkusTest
class TargetChangeAfterReportsTest {
  static final String COLUMN =
      "/api/v1/targets/allocation?plan=" + PLAN + "&item=I-4.1&year=2024&parent=171";

  static ValidatableResponse allocate(int value, String reason) {
    String etag = as(DAI_TU).get(COLUMN).then().statusCode(200).extract().header("ETag");
    Map<String, Object> body =
        reason == null
            ? Map.of(
                "rows", List.of(Map.of("unitCode", "05767", "value", value)), "method", "manual")
            : Map.of(
                "rows",
                List.of(Map.of("unitCode", "05767", "value", value)),
                "method",
                "manual",
                "reason",
                reason);
    return as(DAI_TU).header("If-Match", etag).body(body).put(COLUMN).then();
  }

  @Test
  void shouldAskForAReasonToChangeATargetOnceResultsAreReported() {
    // Before any report: set and change freely.
    allocate(10, null).statusCode(200);
    as(DAI_TU).get(COLUMN).then().body("reasonRequired", equalTo(false));
    allocate(12, null).statusCode(200);
    Reports.period("2024-Q1", true);
    create(PHUC_LUONG, "2024-Q1", "05767", List.of(value("I-4.1", 5))).statusCode(201);

    // The column says so before anyone tries.
    as(DAI_TU).get(COLUMN).then().body("reasonRequired", equalTo(true));
    allocate(14, null).statusCode(400).body("errors[0].field", equalTo("reason"));
    allocate(14, " ").statusCode(400);
    as(DAI_TU).get(COLUMN).then().body("rows.find { it.unit.code == '05767' }.value", equalTo(12));
    allocate(14, "Điều chỉnh theo nghị quyết giữa kỳ").statusCode(200);
    as(DAI_TU)
        .get(COLUMN.replace("allocation?", "allocation/history?"))
        .then()
        .statusCode(200)
        .body("[-1].after", equalTo(14))
        .body("[-1].reason", equalTo("Điều chỉnh theo nghị quyết giữa kỳ"));
    // The commune sees its new target beside its value.
    as(PHUC_LUONG)
        .get("/api/v1/submissions/form?plan=" + PLAN + "&period=2024-Q1")
        .then()
        .body("items.find { it.key == 'I-4.1' }.target.value", equalTo(14))
        .body("items.find { it.key == 'I-4.1' }.value.number", equalTo(5));
  }
}
