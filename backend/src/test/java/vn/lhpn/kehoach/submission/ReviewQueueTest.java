package vn.lhpn.kehoach.submission;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static vn.lhpn.kehoach.submission.Reports.DAI_TU;
import static vn.lhpn.kehoach.submission.Reports.HUNG_SON;
import static vn.lhpn.kehoach.submission.Reports.PHO_BINH;
import static vn.lhpn.kehoach.submission.Reports.PHUC_LUONG;
import static vn.lhpn.kehoach.submission.Reports.PLAN;
import static vn.lhpn.kehoach.submission.Reports.act;
import static vn.lhpn.kehoach.submission.Reports.as;
import static vn.lhpn.kehoach.submission.Reports.create;
import static vn.lhpn.kehoach.submission.Reports.get;
import static vn.lhpn.kehoach.submission.Reports.id;
import static vn.lhpn.kehoach.submission.Reports.value;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A district's review queue and reviewing several reports at once. */
@QuarkusTest
class ReviewQueueTest {

  @Test
  void shouldQueueTheDistrictsCommunesAndApproveOrReturnSeveralAtOnce() {
    Reports.period("2022-Q3", true);
    String queue = "/api/v1/submissions/review-queue?plan=" + PLAN + "&period=2022-Q3";
    int units =
        as(DAI_TU)
            .get(queue)
            .then()
            .statusCode(200)
            .body("reviewerUnit", equalTo("171"))
            .body("period", equalTo("2022-Q3"))
            .body("units.unitCode", hasItem("05761"))
            .body("units.unitCode", not(hasItem("171")))
            .body("units.unitCode", not(hasItem("05908")))
            .extract()
            .path("units.size()");
    long a = id(create(HUNG_SON, "2022-Q3", "05761", List.of(value("I-2.1", 1))).statusCode(201));
    long b = id(create(PHUC_LUONG, "2022-Q3", "05767", List.of(value("I-2.1", 2))).statusCode(201));
    act(HUNG_SON, a, "submit", null).statusCode(200);
    act(PHUC_LUONG, b, "submit", null).statusCode(200);
    as(DAI_TU)
        .get(queue)
        .then()
        .body("periods.find { it.period == '2022-Q3' }.units", equalTo(units))
        .body("periods.find { it.period == '2022-Q3' }.waiting", equalTo(2))
        .body("periods.find { it.period == '2022-Q3' }.none", equalTo(units - 2))
        .body("units.find { it.unitCode == '05761' }.state", equalTo("submitted"))
        .body("units.find { it.unitCode == '05761' }.version", equalTo(1));

    // A stale version in the batch: nothing is approved, and the stale one is named.
    as(DAI_TU)
        .body(
            Map.of(
                "action",
                "approve",
                "submissions",
                List.of(Map.of("id", a, "version", 1), Map.of("id", b, "version", 0))))
        .post("/api/v1/submissions/review")
        .then()
        .statusCode(412)
        .body("errors.field", equalTo(List.of("submissions[1]")));
    // Another district's reviewer cannot touch them; a return needs a reason.
    as(PHO_BINH)
        .body(Map.of("action", "approve", "submissions", List.of(Map.of("id", a, "version", 1))))
        .post("/api/v1/submissions/review")
        .then()
        .statusCode(404);
    as(DAI_TU)
        .body(Map.of("action", "return", "submissions", List.of(Map.of("id", a, "version", 1))))
        .post("/api/v1/submissions/review")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
    get(HUNG_SON, a).body("state", equalTo("submitted"));
    get(PHUC_LUONG, b).body("state", equalTo("submitted"));

    as(DAI_TU)
        .body(
            Map.of(
                "action",
                "approve",
                "submissions",
                List.of(Map.of("id", a, "version", 1), Map.of("id", b, "version", 1))))
        .post("/api/v1/submissions/review")
        .then()
        .statusCode(200)
        .body("submissions.state", everyItem(equalTo("approved")));
    as(DAI_TU)
        .get(queue)
        .then()
        .body("periods.find { it.period == '2022-Q3' }.waiting", equalTo(0))
        .body("periods.find { it.period == '2022-Q3' }.approved", equalTo(2));
    as(DAI_TU)
        .get("/api/v1/submissions?plan=" + PLAN + "&period=2022-Q3&state=approved")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(2))
        .body("items.reviewedBy", everyItem(equalTo(DAI_TU)));
    as(DAI_TU)
        .get("/api/v1/submissions?plan=" + PLAN + "&period=2022-Q3&state=submitted")
        .then()
        .body("totalItems", equalTo(0));
    as(DAI_TU)
        .get("/api/v1/submissions?plan=" + PLAN + "&state=lost")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("state"));
    // Approving again is a conflict that says where each one stands.
    as(DAI_TU)
        .body(Map.of("action", "approve", "submissions", List.of(Map.of("id", a, "version", 2))))
        .post("/api/v1/submissions/review")
        .then()
        .statusCode(409);
  }
}
