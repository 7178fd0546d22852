package vn.lhpn.kehoach.submission;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
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
import static vn.lhpn.kehoach.submission.Reports.etag;
import static vn.lhpn.kehoach.submission.Reports.get;
import static vn.lhpn.kehoach.submission.Reports.id;
import static vn.lhpn.kehoach.submission.Reports.save;
import static vn.lhpn.kehoach.submission.Reports.value;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may see and do what: every cross-unit attempt and every transition out of order. */
@QuarkusTest
class SubmissionAccessTest {
  /** Reporter and reviewer of the province: enters the province's own report. */
  static final String OFFICE = "tinh.vanphong";

  @Test
  void shouldKeepACommunesReportFromEveryoneOutsideItsChainOfReview() {
    Reports.period("2025-Q2", true);
    long id =
        id(create(PHUC_LUONG, "2025-Q2", "05767", List.of(value("I-2.1", 3))).statusCode(201));
    // A sibling commune and a commune of another district: not found, not listed, no form.
    for (String other : List.of(HUNG_SON, HUONG_SON)) {
      get(other, id).statusCode(404);
      save(other, id, "\"0\"", List.of(value("I-2.1", 9))).statusCode(404);
      act(other, id, "submit", "\"0\"", null).statusCode(404);
      as(other).get("/api/v1/submissions/" + id + "/history").then().statusCode(404);
      as(other)
          .get("/api/v1/submissions?plan=" + PLAN + "&period=2025-Q2&size=100")
          .then()
          .statusCode(200)
          .body("items.unitCode", not(hasItem("05767")));
      as(other)
          .get("/api/v1/submissions/form?plan=" + PLAN + "&period=2025-Q2&unit=05767")
          .then()
          .statusCode(404)
          .body("errors[0].field", equalTo("unit"));
      create(other, "2025-Q2", "05767", List.of())
          .statusCode(404)
          .body("errors[0].field", equalTo("unitCode"));
    }
    // Another district sees nothing of it; its own district and the province read it.
    get(PHO_BINH, id).statusCode(404);
    as(PHO_BINH)
        .get("/api/v1/submissions?plan=" + PLAN + "&unit=05767")
        .then()
        .statusCode(404)
        .body("errors[0].field", equalTo("unit"));
    get(DAI_TU, id).statusCode(200).body("allowed", org.hamcrest.Matchers.empty());
    get("tinh.lanhdao", id).statusCode(200);
    // Reading is not writing: the district (a reporter of its own unit) cannot edit a commune's.
    save(DAI_TU, id, etag(DAI_TU, id), List.of(value("I-2.1", 9))).statusCode(403);
    act(DAI_TU, id, "submit", null).statusCode(403);
    create(DAI_TU, "2025-Q2", "05761", List.of()).statusCode(403);
    create("tinh.lanhdao", "2025-Q2", "19", List.of()).statusCode(403);
    get(PHUC_LUONG, id).body("version", equalTo(0)).body("values[0].number", equalTo(3));
  }

  /**
   * Separation of duties: the province reviews its own report, and the one who submitted it is not
   * the one who approves it, even with both roles.
   */
  @Test
  void shouldNotLetAnyoneApproveAReportTheySubmitted() {
    Reports.period("2024-Q2", true);
    long id = id(create(OFFICE, "2024-Q2", "19", List.of(value("I-2.1", 40))).statusCode(201));
    act(OFFICE, id, "submit", null).statusCode(200);
    get(OFFICE, id).statusCode(200).body("allowed", not(hasItem("approve")));
    act(OFFICE, id, "approve", null)
        .statusCode(403)
        .body("detail", org.hamcrest.Matchers.containsString("tự duyệt"));
    get(OFFICE, id).statusCode(200).body("state", equalTo("submitted"));
    get(PROVINCE, id).statusCode(200).body("allowed", hasItem("approve"));
    act(PROVINCE, id, "approve", null).statusCode(200);
  }

  /**
   * The integration client is a system: it reads figures and states, not what people wrote nor who
   * they are (docs/security.md).
   */
  @Test
  void shouldGiveTheIntegrationClientFiguresAndNoRemarks() {
    Reports.period("2024-Q4", true);
    Map<String, Object> withNote = new java.util.HashMap<>(value("I-2.1", 4));
    withNote.put("note", "Hộ bà Nguyễn Thị A, xóm Đồng Tâm");
    long id = id(create(HUNG_SON, "2024-Q4", "05761", List.of(withNote)).statusCode(201));
    get(DAI_TU, id)
        .statusCode(200)
        .body("values[0].note", equalTo("Hộ bà Nguyễn Thị A, xóm Đồng Tâm"))
        .body("createdBy", equalTo(HUNG_SON));
    String system = vn.lhpn.kehoach.support.Tokens.integration();
    io.restassured.RestAssured.given()
        .auth()
        .oauth2(system)
        .get("/api/v1/submissions/" + id)
        .then()
        .statusCode(200)
        .body("values[0].number", equalTo(4))
        .body("values[0].note", org.hamcrest.Matchers.nullValue())
        .body("values[0].updatedBy", org.hamcrest.Matchers.nullValue())
        .body("createdBy", org.hamcrest.Matchers.nullValue());
    for (String tail : List.of("/history", "/diff")) {
      io.restassured.RestAssured.given()
          .auth()
          .oauth2(system)
          .get("/api/v1/submissions/" + id + tail)
          .then()
          .statusCode(403);
    }
  }

  @Test
  void shouldHaveTheProvinceReviewADistrictsOwnReport() {
    Reports.period("2025-Q2", true);
    var form =
        as(DAI_TU)
            .get("/api/v1/submissions/form?plan=" + PLAN + "&period=2025-Q2")
            .then()
            .statusCode(200)
            .body("unitCode", equalTo("171"))
            .body("items.key", hasItem("I-7.2"))
            .body("items.key", hasItem("I-6.1.b2"))
            .body("items.key", not(hasItem("I-7.3")));
    form.body("canEdit", equalTo(true));
    long id = id(create(DAI_TU, "2025-Q2", "171", List.of(value("I-7.2", 1))).statusCode(201));
    act(DAI_TU, id, "submit", null).statusCode(200);
    // A district reviewer cannot approve its own report, nor can another district.
    act(DAI_TU, id, "approve", null).statusCode(403);
    act(PHO_BINH, id, "approve", "\"1\"", null).statusCode(404);
    as(PROVINCE)
        .get("/api/v1/submissions/review-queue?plan=" + PLAN + "&period=2025-Q2")
        .then()
        .statusCode(200)
        .body("reviewerUnit", equalTo("19"))
        .body("units.find { it.unitCode == '171' }.state", equalTo("submitted"))
        .body("units.unitCode", hasItem("19"))
        .body("units.unitCode", not(hasItem("05761")));
    act(PROVINCE, id, "approve", null).statusCode(200).body("reviewedBy", equalTo(PROVINCE));
    // Commune reporters have no queue.
    as(HUNG_SON).get("/api/v1/submissions/review-queue?plan=" + PLAN).then().statusCode(403);
  }

  @Test
  void shouldRefuseEveryTransitionOutOfOrderSayingWhatIsAllowed() {
    Reports.period("2025-Q2", true);
    long id = id(create(HUNG_SON, "2025-Q2", "05761", List.of(value("I-2.1", 1))).statusCode(201));
    // From a draft: only edit and submit.
    for (String action : List.of("approve", "return", "reopen")) {
      act(DAI_TU, id, action, "Lý do")
          .statusCode(409)
          .contentType("application/problem+json")
          .body("currentState", equalTo("draft"))
          .body("allowed", equalTo(List.of("edit", "submit")));
    }
    act(HUNG_SON, id, "submit", null).statusCode(200);
    // From submitted: only approve and return.
    act(HUNG_SON, id, "submit", null)
        .statusCode(409)
        .body("currentState", equalTo("submitted"))
        .body("allowed", equalTo(List.of("approve", "return")));
    save(HUNG_SON, id, etag(HUNG_SON, id), List.of(value("I-2.1", 2))).statusCode(409);
    act(DAI_TU, id, "reopen", "Lý do").statusCode(409);
    act(DAI_TU, id, "approve", null).statusCode(200);
    // From approved: only reopen.
    for (String action : List.of("submit")) {
      act(HUNG_SON, id, action, null).statusCode(409).body("allowed", equalTo(List.of("reopen")));
    }
    for (String action : List.of("approve", "return")) {
      act(DAI_TU, id, action, "Lý do")
          .statusCode(409)
          .body("currentState", equalTo("approved"))
          .body("allowed", equalTo(List.of("reopen")));
    }
    get(HUNG_SON, id).body("state", equalTo("approved")).body("values[0].number", equalTo(1));
    List<String> kinds =
        as(HUNG_SON).get("/api/v1/submissions/" + id + "/history").then().extract().path("kind");
    org.junit.jupiter.api.Assertions.assertEquals(
        List.of("create", "value", "submit", "approve"), kinds);
  }

  @Test
  void shouldLetNoOneButTheUnitsReporterAndItsDistrictsReviewerTakeAStep() {
    Reports.period("2023-Q1", true);
    long id = id(create(HUNG_SON, "2023-Q1", "05761", List.of(value("I-2.1", 1))).statusCode(201));
    act(HUNG_SON, id, "submit", "\"0\"", null).statusCode(200);
    String etag = "\"1\"";
    // Outside the chain of review: the report does not exist for them.
    for (String user : List.of(PHUC_LUONG, HUONG_SON, PHO_BINH)) {
      for (String action : List.of("submit", "approve", "return", "reopen")) {
        act(user, id, action, etag, "Lý do").statusCode(404);
      }
      save(user, id, etag, List.of(value("I-2.1", 9))).statusCode(404);
    }
    // Inside it, but not theirs to take: the commune reviews nothing, the province and its
    // leader are not the level just above, the district does not report for its communes.
    for (String user : List.of(HUNG_SON, PROVINCE, "tinh.lanhdao", "admin")) {
      for (String action : List.of("approve", "return", "reopen")) {
        act(user, id, action, etag, "Lý do").statusCode(403);
      }
    }
    for (String user : List.of(DAI_TU, PROVINCE, "tinh.lanhdao")) {
      act(user, id, "submit", etag, null).statusCode(403);
      save(user, id, etag, List.of(value("I-2.1", 9))).statusCode(403);
    }
    get(HUNG_SON, id)
        .body("state", equalTo("submitted"))
        .body("version", equalTo(1))
        .body("values[0].number", equalTo(1));
  }

  @Inject EntityManager em;

  @Test
  void shouldOfferNoWayToChangeOrDeleteHistory() {
    Reports.period("2025-Q2", true);
    long id = id(create(HUONG_SON, "2025-Q2", "05908", List.of(value("I-2.1", 4))).statusCode(201));
    for (String method : List.of("PUT", "PATCH", "DELETE", "POST")) {
      as(HUONG_SON)
          .body(Map.of())
          .request(method, "/api/v1/submissions/" + id + "/history")
          .then()
          .statusCode(405);
    }
    as(HUONG_SON).delete("/api/v1/submissions/" + id).then().statusCode(405);
    as("admin").delete("/api/v1/submissions/" + id).then().statusCode(405);
    // Not even the application's own database account can rewrite it.
    for (String sql :
        List.of(
            "UPDATE submission_event SET actor = 'someone' WHERE submission_id = " + id,
            "DELETE FROM submission_event WHERE submission_id = " + id)) {
      var e =
          org.junit.jupiter.api.Assertions.assertThrows(
              Exception.class,
              () ->
                  QuarkusTransaction.requiringNew()
                      .run(() -> em.createNativeQuery(sql).executeUpdate()));
      org.hamcrest.MatcherAssert.assertThat(
          rootMessage(e), org.hamcrest.Matchers.containsString("append-only"));
    }
    as(HUONG_SON)
        .get("/api/v1/submissions/" + id + "/history")
        .then()
        .body("actor", everyItem(equalTo(HUONG_SON)))
        .body("kind", equalTo(List.of("create", "value")));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    StringBuilder all = new StringBuilder();
    while (t != null) {
      all.append(t.getMessage()).append('\n');
      t = t.getCause();
    }
    return all.toString();
  }
}
