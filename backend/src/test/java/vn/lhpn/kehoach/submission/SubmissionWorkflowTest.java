package vn.lhpn.kehoach.submission;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.lhpn.kehoach.submission.Reports.DAI_TU;
import static vn.lhpn.kehoach.submission.Reports.HUNG_SON;
import static vn.lhpn.kehoach.submission.Reports.PHO_BINH;
import static vn.lhpn.kehoach.submission.Reports.PLAN;
import static vn.lhpn.kehoach.submission.Reports.PROVINCE;
import static vn.lhpn.kehoach.submission.Reports.act;
import static vn.lhpn.kehoach.submission.Reports.as;
import static vn.lhpn.kehoach.submission.Reports.create;
import static vn.lhpn.kehoach.submission.Reports.etag;
import static vn.lhpn.kehoach.submission.Reports.get;
import static vn.lhpn.kehoach.submission.Reports.id;
import static vn.lhpn.kehoach.submission.Reports.save;
import static vn.lhpn.kehoach.submission.Reports.status;
import static vn.lhpn.kehoach.submission.Reports.value;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The review workflow with real tokens: commune → district → province. */
@QuarkusTest
class SubmissionWorkflowTest {

  @Test
  void shouldShowACommuneTheLeavesThatApplyToItWithTheirTargets() {
    Reports.period("2025-Q1", true);
    var form =
        as(HUNG_SON)
            .header("Accept-Encoding", "gzip")
            .get("/api/v1/submissions/form?plan=" + PLAN + "&period=2025-Q1")
            .then()
            .statusCode(200)
            .header("Content-Encoding", "gzip")
            .body("unitCode", equalTo("05761"))
            .body("period.state", equalTo("open"))
            .body("canEdit", equalTo(true))
            .body("submission", nullValue());
    List<String> keys = form.extract().path("items.key");
    // Commune-level leaves and the commune breakdown apply; province- and district-only do not.
    org.hamcrest.MatcherAssert.assertThat(
        keys, hasItems("I-1.1", "I-2.1", "I-5.3", "I-6.1.b3", "I-7.3", "II-1.1.1"));
    org.hamcrest.MatcherAssert.assertThat(keys, not(hasItem("I-7.1")));
    org.hamcrest.MatcherAssert.assertThat(keys, not(hasItem("I-7.2")));
    org.hamcrest.MatcherAssert.assertThat(keys, not(hasItem("I-6.1.b1")));
    org.hamcrest.MatcherAssert.assertThat(keys, not(hasItem("I-6.1")));
    form.body("items.find { it.key == 'I-2.1' }.section", equalTo("I"))
        .body("items.find { it.key == 'I-2.1' }.measureType", equalTo("count"))
        .body("items.find { it.key == 'I-2.1' }.groups[0]", containsString("Chỉ tiêu 2"));
    // The province's own form carries the plan's level as its target.
    as(PROVINCE)
        .get("/api/v1/submissions/form?plan=" + PLAN + "&period=2025-Q1")
        .then()
        .statusCode(200)
        .body("canEdit", equalTo(false))
        .body("items.find { it.key == 'I-2.1' }.target.source", equalTo("plan"))
        .body("items.find { it.key == 'I-2.1' }.target.value", equalTo(500))
        .body("items.key", hasItem("I-7.1"))
        .body("items.key", not(hasItem("I-7.3")));
  }

  @Test
  void shouldGoFromDraftToApprovedThroughAReturnAndAReopen() {
    Reports.period("2025-Q1", true);
    var created =
        create(HUNG_SON, "2025-Q1", "05761", List.of(value("I-2.1", 12), status("I-1.1", "done")))
            .statusCode(201)
            .header("Location", containsString("/api/v1/submissions/"))
            .header("ETag", equalTo("\"0\""))
            .body("state", equalTo("draft"))
            .body("allowed", contains("edit", "submit"))
            .body("values.item", contains("I-1.1", "I-2.1"))
            .body("values.find { it.item == 'I-2.1' }.number", equalTo(12));
    long id = id(created);
    // A second first-save of the same unit and period is a conflict naming the existing one.
    create(HUNG_SON, "2025-Q1", "05761", List.of())
        .statusCode(409)
        .body("errors[0].field", equalTo("unitCode"))
        .body("current.id", equalTo((int) id));

    save(HUNG_SON, id, "\"0\"", List.of(value("I-2.1", 15), value("I-5.3", 0.4)))
        .statusCode(200)
        .header("ETag", equalTo("\"1\""))
        .body("values.find { it.item == 'I-2.1' }.number", equalTo(15))
        .body("values.find { it.item == 'I-5.3' }.number", equalTo(0.4f))
        .body("values.find { it.item == 'I-1.1' }.status", equalTo("done"));

    act(HUNG_SON, id, "submit", "\"1\"", null).statusCode(200).body("state", equalTo("submitted"));
    // The commune cannot approve itself; the province is not the level just above a commune.
    act(HUNG_SON, id, "approve", null).statusCode(403);
    act(PROVINCE, id, "approve", null).statusCode(403);
    // Another district does not even see it.
    get(PHO_BINH, id).statusCode(404);
    act(PHO_BINH, id, "approve", "\"2\"", null).statusCode(404);
    // The district must send If-Match, a current one, and a reason to return.
    act(DAI_TU, id, "return", null, "Thiếu minh chứng").statusCode(428);
    act(DAI_TU, id, "return", "\"1\"", "Thiếu minh chứng")
        .statusCode(412)
        .header("ETag", equalTo("\"2\""))
        .body("current.state", equalTo("submitted"));
    act(DAI_TU, id, "return", "\"2\"", "  ")
        .statusCode(400)
        .body("errors[0].field", equalTo("reason"));
    act(DAI_TU, id, "return", "\"2\"", "Thiếu minh chứng cho chỉ tiêu 2.1")
        .statusCode(200)
        .body("state", equalTo("returned"))
        .body("returnReason", equalTo("Thiếu minh chứng cho chỉ tiêu 2.1"))
        .body("allowed", org.hamcrest.Matchers.empty());

    get(HUNG_SON, id).body("allowed", contains("edit", "submit"));
    save(
            HUNG_SON,
            id,
            etag(HUNG_SON, id),
            List.of(
                Map.of(
                    "item",
                    "I-2.1",
                    "number",
                    15,
                    "note",
                    "Danh sách hộ kèm theo",
                    "evidence",
                    List.of("https://example.org/danh-sach.pdf"))))
        .statusCode(200);
    act(HUNG_SON, id, "submit", null).statusCode(200).body("returnReason", nullValue());
    act(DAI_TU, id, "approve", null)
        .statusCode(200)
        .body("state", equalTo("approved"))
        .body("reviewedBy", equalTo(DAI_TU))
        .body("allowed", contains("reopen"));
    // Locked: the commune can neither edit nor submit; it is told what is allowed.
    save(HUNG_SON, id, etag(HUNG_SON, id), List.of(value("I-2.1", 16)))
        .statusCode(409)
        .body("currentState", equalTo("approved"))
        .body("allowed", contains("reopen"));
    act(DAI_TU, id, "reopen", "").statusCode(400).body("errors[0].field", equalTo("reason"));
    act(DAI_TU, id, "reopen", "Sửa số hộ theo rà soát")
        .statusCode(200)
        .body("state", equalTo("returned"));
    save(HUNG_SON, id, etag(HUNG_SON, id), List.of(value("I-2.1", 18))).statusCode(200);
    as(DAI_TU)
        .get("/api/v1/submissions/" + id + "/diff")
        .then()
        .statusCode(200)
        .body("approvedAt", notNullValue())
        .body("changes.item", contains("I-2.1"))
        .body("changes[0].approved.number", equalTo("15"))
        .body("changes[0].current.number", equalTo("18"));
    act(HUNG_SON, id, "submit", null).statusCode(200);
    act(DAI_TU, id, "approve", null).statusCode(200).body("state", equalTo("approved"));

    List<String> kinds =
        as(HUNG_SON)
            .get("/api/v1/submissions/" + id + "/history")
            .then()
            .statusCode(200)
            .extract()
            .path("kind");
    assertEquals(
        List.of(
            "create", "value", "value", "value", "value", "submit", "return", "value", "submit",
            "approve", "reopen", "value", "submit", "approve"),
        kinds);
    as(HUNG_SON)
        .get("/api/v1/submissions/" + id + "/history?item=I-2.1")
        .then()
        .body("[0].before", nullValue())
        .body("before.number", contains("12", "15", "15"))
        .body("after.number", contains("12", "15", "15", "18"))
        .body("[2].after.note", equalTo("Danh sách hộ kèm theo"))
        .body("[0].actor", equalTo(HUNG_SON));
  }
}
