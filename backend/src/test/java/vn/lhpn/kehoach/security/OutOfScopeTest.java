package vn.lhpn.kehoach.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.ProjectRoot;
import vn.lhpn.kehoach.support.Tokens;

/**
 * Out of scope is 404, everywhere: a district planner-reporter-reviewer (Phú Bình, 173) and a
 * commune of it (Hương Sơn, 05908) ask for a unit, a report, an allocation column of another
 * district (Đại Từ, 171, and its commune Hùng Sơn, 05761), and for a period or plan that is not
 * theirs to see. Every operation of the root openapi.yaml that takes a unit, a report id, a period
 * or an allocation column must be in the table below, so a new one cannot be forgotten.
 */
@QuarkusTest
class OutOfScopeTest {
  static final String PLAN = "11-KH-BCH";
  static final String DISTRICT = "huyen.phobinh";
  static final String COMMUNE = "xa.huongson";
  static final String NO_PLAN = "KHONG-CO";

  /** Parameters and body fields that name a unit, a report, a period or a column. */
  static final Set<String> SCOPED_PARAMS = Set.of("unit", "parent", "id", "period", "code");

  static final Set<String> SCOPED_FIELDS =
      Set.of("unitCode", "parentUnit", "period", "submissions");

  /**
   * Operations the commune holds no role for at all (it reviews and plans for nobody): refused with
   * 403 before anything is read, which tells it nothing about other units.
   */
  static final Map<String, String> NO_ROLE_AT_ALL =
      Map.of("getReviewQueue", COMMUNE, "uploadAllocationSheet", COMMUNE);

  /** Operations of admins only: refused with 403 to everyone else before anything is read. */
  static final Set<String> ADMIN_ONLY =
      Set.of(
          "listAccounts",
          "getAccount",
          "updateAccount",
          "resetAccountPassword",
          "getAccountHistory",
          "getUnitChangeSet",
          "getLineageRow",
          "reviewLineageRow",
          "getLineageHistory",
          "decideDataLeftOnClosedUnit",
          "retryReminderMail");

  static long foreignReport;
  static String foreignExport;
  static String foreignAccount;
  static byte[] foreignSheet;
  static long foreignNotice;
  static long foreignMail;

  static RequestSpecification as(String user) {
    String token = user.equals("integration") ? Tokens.integration() : Tokens.of(user);
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  /** The calls, by operationId: each asks for something outside the caller's scope. */
  static Map<String, Function<String, Response>> calls() {
    Map<String, Function<String, Response>> c = new LinkedHashMap<>();
    String column = "plan=" + PLAN + "&item=I-2.1&year=2024&parent=171";
    String report = "/api/v1/submissions/" + foreignReport;
    c.put("listOrgUnits", u -> as(u).get("/api/v1/org-units?parent=171"));
    c.put("getOrgUnit", u -> as(u).get("/api/v1/org-units/05761"));
    c.put("getUnitChangeSet", u -> as(u).get("/api/v1/org-unit-change-sets/1"));
    c.put("getLineageRow", u -> as(u).get("/api/v1/org-unit-lineage/1"));
    c.put(
        "reviewLineageRow",
        u ->
            as(u)
                .header("If-Match", "\"0\"")
                .body(Map.of("toCode", "05761", "reason", "x"))
                .put("/api/v1/org-unit-lineage/1"));
    c.put("getLineageHistory", u -> as(u).get("/api/v1/org-unit-lineage/1/history"));
    c.put(
        "decideDataLeftOnClosedUnit",
        u ->
            as(u)
                .body(Map.of("kind", "reports", "action", "keep", "reason", "x"))
                .post("/api/v1/org-unit-change-sets/left-data/05764/decisions"));
    c.put("getOrgUnitSubtree", u -> as(u).get("/api/v1/org-units/171/subtree"));
    c.put("listSubmissions", u -> as(u).get("/api/v1/submissions?plan=" + PLAN + "&unit=05761"));
    c.put(
        "getSubmissionForm",
        u -> as(u).get("/api/v1/submissions/form?plan=" + PLAN + "&period=2025-H1&unit=05761"));
    c.put(
        "createSubmission",
        u ->
            as(u)
                .body(Map.of("planId", PLAN, "period", "2025-H1", "unitCode", "05761"))
                .post("/api/v1/submissions"));
    c.put("getSubmission", u -> as(u).get(report));
    c.put("getSubmissionHistory", u -> as(u).get(report + "/history"));
    c.put("getSubmissionDiff", u -> as(u).get(report + "/diff"));
    c.put("getSubmissionFlags", u -> as(u).get(report + "/flags"));
    c.put(
        "enterManualScore",
        u ->
            as(u)
                .body(Map.of("unitCode", "05761", "year", 2025, "points", 1, "reason", "Thử"))
                .post("/api/v1/emulation/manual-scores?plan=" + PLAN));
    c.put(
        "checkFlaggedValue",
        u ->
            as(u)
                .header("If-Match", "\"0\"")
                .body(Map.of("note", "Đã gọi điện hỏi lại"))
                .post(report + "/flags/I-2.1/check"));
    c.put(
        "listFlaggedValues",
        u -> as(u).get("/api/v1/flags?plan=" + PLAN + "&year=2025&unit=05761"));
    c.put(
        "saveSubmissionValues",
        u ->
            as(u)
                .header("If-Match", "\"0\"")
                .body(Map.of("values", List.of(Map.of("item", "I-2.1", "number", 1))))
                .put(report + "/values"));
    for (String action : List.of("submit", "approve")) {
      c.put(
          action + "Submission",
          u -> as(u).header("If-Match", "\"0\"").post(report + "/" + action));
    }
    for (String action : List.of("return", "reopen")) {
      c.put(
          action + "Submission",
          u ->
              as(u)
                  .header("If-Match", "\"0\"")
                  .body(Map.of("reason", "Lý do"))
                  .post(report + "/" + action));
    }
    c.put(
        "reviewSubmissions",
        u ->
            as(u)
                .body(
                    Map.of(
                        "action",
                        "approve",
                        "submissions",
                        List.of(Map.of("id", foreignReport, "version", 0))))
                .post("/api/v1/submissions/review"));
    c.put(
        "getReviewQueue",
        u -> as(u).get("/api/v1/submissions/review-queue?plan=" + PLAN + "&period=2099-H1"));
    c.put("getAllocation", u -> as(u).get("/api/v1/targets/allocation?" + column));
    c.put(
        "saveAllocation",
        u ->
            as(u)
                .header("If-Match", "\"c-0\"")
                .body(Map.of("rows", List.of(Map.of("unitCode", "05761", "value", 1))))
                .put("/api/v1/targets/allocation?" + column));
    c.put(
        "proposeAllocation",
        u -> as(u).get("/api/v1/targets/allocation/fill?" + column + "&method=equal"));
    c.put("getAllocationHistory", u -> as(u).get("/api/v1/targets/allocation/history?" + column));
    c.put(
        "getTargetOverview",
        u -> as(u).get("/api/v1/targets/overview?plan=" + PLAN + "&year=2024&unit=171"));
    c.put(
        "downloadAllocationSheet",
        u -> as(u).get("/api/v1/targets/sheet?plan=" + PLAN + "&year=2024&parent=171"));
    c.put(
        "uploadAllocationSheet",
        u ->
            given()
                .auth()
                .oauth2(u.equals("integration") ? Tokens.integration() : Tokens.of(u))
                .multiPart("file", "giao.xlsx", foreignSheet)
                .queryParam("dryRun", true)
                .post("/api/v1/targets/sheet"));
    c.put("getUnitWeights", u -> as(u).get("/api/v1/targets/weights?year=2024&parent=171"));
    c.put(
        "saveUnitWeights",
        u ->
            as(u)
                .body(
                    Map.of(
                        "name",
                        "members",
                        "values",
                        List.of(Map.of("unitCode", "05761", "value", 1))))
                .put("/api/v1/targets/weights?year=2024&parent=171"));
    c.put(
        "copyAllocation",
        u ->
            as(u)
                .body(
                    Map.of(
                        "planId",
                        PLAN,
                        "parentUnit",
                        "171",
                        "fromYear",
                        2024,
                        "toYears",
                        List.of(2025)))
                .post("/api/v1/targets/copy"));
    c.put(
        "allocateDepartment",
        u ->
            as(u)
                .body(
                    Map.of(
                        "planId",
                        PLAN,
                        "parentUnit",
                        "171",
                        "year",
                        2024,
                        "department",
                        "KT",
                        "method",
                        "equal"))
                .post("/api/v1/targets/bulk"));
    c.put("getProgress", u -> as(u).get("/api/v1/progress?plan=" + PLAN + "&unit=171&year=2025"));
    c.put(
        "getProgressTable",
        u -> as(u).get("/api/v1/progress/units?plan=" + PLAN + "&unit=171&year=2025"));
    c.put(
        "getProgressValues",
        u ->
            as(u).get("/api/v1/progress/values?plan=" + PLAN + "&unit=05761&year=2025&item=I-2.1"));
    c.put(
        "getCompleteness",
        u -> as(u).get("/api/v1/progress/completeness?plan=" + PLAN + "&unit=171&period=2025-H1"));
    c.put("getTermAssessment", u -> as(u).get("/api/v1/progress/term?plan=" + PLAN + "&unit=171"));
    // Written reports and workbook exports of Đại Từ; an export job of Đại Từ's (its own only)
    String summary = "/api/v1/summary-reports?plan=" + PLAN + "&unit=171&period=2025";
    c.put("getSummaryReport", u -> as(u).get(summary));
    c.put(
        "putSummaryReport",
        u -> as(u).header("If-Match", "\"999\"").body(Map.of("number", "1")).put(summary));
    c.put(
        "getSummaryReportHistory",
        u -> as(u).get("/api/v1/summary-reports/history?plan=" + PLAN + "&unit=171&period=2025"));
    c.put(
        "downloadSummaryReportDocx",
        u -> as(u).get("/api/v1/summary-reports/docx?plan=" + PLAN + "&unit=171&period=2025"));
    c.put(
        "downloadSummaryReportPdf",
        u -> as(u).get("/api/v1/summary-reports/pdf?plan=" + PLAN + "&unit=171&period=2025"));
    c.put(
        "startProgressExport",
        u ->
            as(u)
                .body(Map.of("plan", PLAN, "unit", "171", "period", "2025"))
                .post("/api/v1/exports"));
    c.put("getProgressExport", u -> as(u).get("/api/v1/exports/" + foreignExport));
    c.put("downloadProgressExport", u -> as(u).get("/api/v1/exports/" + foreignExport + "/file"));
    // Accounts are an admin's only: none of the callers here is one
    c.put("listAccounts", u -> as(u).get("/api/v1/accounts?unit=171"));
    c.put("getAccount", u -> as(u).get("/api/v1/accounts/" + foreignAccount));
    c.put(
        "updateAccount",
        u ->
            as(u)
                .header("If-Match", "\"x\"")
                .body(Map.of("unit", "05761", "roles", List.of("reporter"), "enabled", true))
                .put("/api/v1/accounts/" + foreignAccount));
    c.put(
        "resetAccountPassword",
        u -> as(u).post("/api/v1/accounts/" + foreignAccount + "/password-reset"));
    c.put("getAccountHistory", u -> as(u).get("/api/v1/accounts/" + foreignAccount + "/history"));
    // A notice is its user's alone; a reminder mail is an admin's to send again (none here is one)
    c.put("readNotice", u -> as(u).post("/api/v1/notices/" + foreignNotice + "/read"));
    c.put(
        "retryReminderMail", u -> as(u).post("/api/v1/reminders/mails/" + foreignMail + "/retry"));
    // Periods belong to a plan: one the caller cannot see is answered like one that is not there.
    c.put("listPeriods", u -> as(u).get("/api/v1/periods?plan=" + NO_PLAN));
    c.put("getPeriod", u -> as(u).get("/api/v1/periods/" + NO_PLAN + "/2025-H1"));
    c.put(
        "updatePeriod",
        u ->
            as(u)
                .header("If-Match", "\"0\"")
                .body(Map.of("dueOn", "2025-06-30"))
                .patch("/api/v1/periods/" + NO_PLAN + "/2025-H1"));
    for (String action : List.of("open", "close")) {
      c.put(
          action + "Period",
          u ->
              as(u)
                  .header("If-Match", "\"0\"")
                  .post("/api/v1/periods/" + NO_PLAN + "/2025-H1/" + action));
    }
    c.put(
        "createPeriod",
        u ->
            as(u)
                .body(Map.of("planId", NO_PLAN, "kind", "quarter", "year", 2025, "number", 1))
                .post("/api/v1/periods"));
    return c;
  }

  /** Another district's report and allocation sheet, made once (the app runs by then). */
  static synchronized void foreignData() {
    if (foreignSheet != null) {
      return;
    }
    // Đại Từ's two communes compete in one cluster of the plan, Hùng Sơn leading it
    Response emulation = as("tinh.canbo").get("/api/v1/emulation/settings?plan=" + PLAN);
    if (((Number) emulation.path("clustersVersion")).intValue() == 0) {
      as("tinh.canbo")
          .header("If-Match", "\"0\"")
          .body(
              Map.of(
                  "clusters",
                  List.of(
                      Map.of(
                          "code",
                          "CUM-DT",
                          "name",
                          "Cụm Đại Từ",
                          "leaderUnit",
                          "05761",
                          "units",
                          List.of("05761", "05767")))))
          .put("/api/v1/emulation/clusters?plan=" + PLAN)
          .then()
          .statusCode(200);
    }
    Response created =
        as("xa.hungson")
            .body(
                Map.of(
                    "planId",
                    PLAN,
                    "period",
                    "2026-H2",
                    "unitCode",
                    "05761",
                    "values",
                    List.of(Map.of("item", "I-2.1", "number", 3))))
            .post("/api/v1/submissions");
    if (created.statusCode() == 201) {
      foreignReport = ((Number) created.path("id")).longValue();
    } else {
      foreignReport =
          ((Number)
                  as("xa.hungson")
                      .get("/api/v1/submissions?plan=" + PLAN + "&period=2026-H2&unit=05761")
                      .path("items[0].id"))
              .longValue();
    }
    foreignAccount =
        as("admin")
            .get("/api/v1/accounts?q=xa.hungson")
            .then()
            .statusCode(200)
            .extract()
            .path("items[0].id");
    // a reminder of Đại Từ's reporter, and its mail, given up
    long[] reminder =
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  var em =
                      io.quarkus.arc.Arc.container()
                          .instance(jakarta.persistence.EntityManager.class)
                          .get();
                  long notice =
                      ((Number)
                              em.createNativeQuery(
                                      """
                                      INSERT INTO notice (event_key, username, recipient_unit,
                                        kind, period_id, unit_code, title, body, link, created_at)
                                      SELECT 'report:' || id || ':171:test', 'huyen.daitu', '171',
                                        'due', id, '171', 'Báo cáo', 'Kính gửi', '/bao-cao', now()
                                      FROM period WHERE code = '2026-H2' AND plan_id =
                                        (SELECT id FROM plan WHERE code = '11-KH-BCH')
                                      RETURNING id
                                      """)
                                  .getSingleResult())
                          .longValue();
                  long mail =
                      ((Number)
                              em.createNativeQuery(
                                      """
                                      INSERT INTO mail_outbox (notice_id, address, subject, body,
                                        state, attempts, next_attempt_at, created_at)
                                      VALUES (?1, 'huyen.daitu@demo.lhpn.invalid', 'Báo cáo',
                                        'Kính gửi', 'failed', 8, now(), now())
                                      RETURNING id
                                      """)
                                  .setParameter(1, notice)
                                  .getSingleResult())
                          .longValue();
                  return new long[] {notice, mail};
                });
    foreignNotice = reminder[0];
    foreignMail = reminder[1];
    foreignExport =
        as("huyen.daitu")
            .body(Map.of("plan", PLAN, "period", "2025"))
            .post("/api/v1/exports")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    foreignSheet =
        as("huyen.daitu")
            .get("/api/v1/targets/sheet?plan=" + PLAN + "&year=2024&parent=171")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
  }

  @Test
  void everyOperationThatTakesAUnitReportPeriodOrColumnIsInTheTable() throws Exception {
    JsonNode doc = new YAMLMapper().readTree(ProjectRoot.get().resolve("openapi.yaml").toFile());
    Set<String> scoped = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields();
        paths.hasNext(); ) {
      var path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        JsonNode op = ops.next().getValue();
        if (op.has("operationId") && takesScopedThing(doc, path.getKey(), op)) {
          scoped.add(op.get("operationId").asText());
        }
      }
    }
    Set<String> missing = new TreeSet<>(scoped);
    missing.removeAll(calls().keySet());
    assertEquals(Set.of(), missing, "operations with no out-of-scope case in this test");
    assertTrue(scoped.size() >= 30, "found only " + scoped);
  }

  @Test
  void shouldAnswer404ToEveryRequestForAnotherUnitsData() {
    foreignData();
    String versionBefore =
        as("xa.hungson").get("/api/v1/submissions/" + foreignReport).header("ETag");
    List<String> wrong = new ArrayList<>();
    for (var call : calls().entrySet()) {
      for (String user : List.of(DISTRICT, COMMUNE)) {
        Response r = call.getValue().apply(user);
        int expected =
            ADMIN_ONLY.contains(call.getKey()) || user.equals(NO_ROLE_AT_ALL.get(call.getKey()))
                ? 403
                : 404;
        if (r.statusCode() != expected || !r.contentType().startsWith("application/problem+json")) {
          wrong.add(call.getKey() + " as " + user + ": " + r.statusCode() + " " + r.asString());
        }
      }
    }
    assertEquals(List.of(), wrong);
    // and nothing changed
    assertEquals(
        versionBefore, as("xa.hungson").get("/api/v1/submissions/" + foreignReport).header("ETag"));
  }

  /**
   * The matrix: each operation of the table above, called by each kind of caller against the same
   * data of Đại Từ (171) and its commune Hùng Sơn (05761): the commune itself, the district itself,
   * the province's planner-reviewer above them, a district and a commune of another district, a
   * sibling commune, the province's leader (viewer), the integration client and an account with no
   * role. Cells where the owner would really write (and change other tests' data) are not run. The
   * outcome of every cell is in {@link #expected}; any other answer fails, any 2xx on data outside
   * the caller's subtree above all.
   */
  @Test
  void shouldAnswerEveryCallerAsTheMatrixSays() {
    foreignData();
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    for (var call : calls().entrySet()) {
      for (String caller : MATRIX_CALLERS) {
        Set<Integer> want = expected(caller, call.getKey());
        if (want == null) {
          continue; // the owner would really write: other tests' data, not run here
        }
        Response r = call.getValue().apply(caller);
        cells++;
        boolean foreign = List.of(DISTRICT, COMMUNE, SIBLING).contains(caller);
        if (!want.contains(r.statusCode())) {
          wrong.add(
              call.getKey() + " as " + caller + ": " + r.statusCode() + " (matrix: " + want + ")");
        } else if (foreign && r.statusCode() < 300 && r.asString().contains("05761")) {
          // the chain above a sibling lists only what the caller may see: never Hùng Sơn
          wrong.add(call.getKey() + " as " + caller + ": shows the sibling 05761");
        }
      }
    }
    System.out.printf(
        "Authorization matrix: %d operations x %d callers = %d cells run%n",
        calls().size(), MATRIX_CALLERS.size(), cells);
    assertTrue(cells >= 330, "cells run: " + cells);
    assertEquals(List.of(), wrong);
  }

  static final String SIBLING = "xa.phucluong";
  static final String VIEWER = "tinh.lanhdao";
  static final String SYSTEM = "integration";
  static final String NO_ROLE = "test.no-role";
  static final String OWN_DISTRICT = "huyen.daitu";
  static final String OWN_COMMUNE = "xa.hungson";
  static final String PROVINCE = "tinh.canbo";
  static final List<String> MATRIX_CALLERS =
      List.of(
          OWN_COMMUNE, OWN_DISTRICT, PROVINCE, DISTRICT, COMMUNE, SIBLING, VIEWER, SYSTEM, NO_ROLE);

  /** Reads of the table: a viewer above the data reads them. */
  static final Set<String> READS =
      Set.of(
          "listOrgUnits",
          "getOrgUnit",
          "getOrgUnitSubtree",
          "listSubmissions",
          "getSubmissionForm",
          "getSubmission",
          "getSubmissionHistory",
          "getSubmissionDiff",
          "getSubmissionFlags",
          "listFlaggedValues",
          "getAllocation",
          "getAllocationHistory",
          "getTargetOverview",
          "downloadAllocationSheet",
          "getUnitWeights",
          "getProgress",
          "getProgressTable",
          "getProgressValues",
          "getCompleteness",
          "getTermAssessment");

  /** What each caller gets from each operation on Đại Từ's data (periods: of a foreign plan). */
  static Set<Integer> expected(String caller, String op) {
    if (caller.equals(NO_ROLE)) {
      return Set.of(403); // no role: only /me answers
    }
    if (op.contains("Period")) {
      return Set.of(404); // a plan nobody may see
    }
    if (op.equals("readNotice")) {
      // Đại Từ's reporter's own: anyone else, the province above included, finds nothing
      return caller.equals(OWN_DISTRICT) ? null : Set.of(404);
    }
    if (op.equals("enterManualScore")) {
      // Hùng Sơn's cluster (Đại Từ's two communes): seen by its members and the levels above,
      // scored by the province's planner only here (Hùng Sơn leads it but holds no reviewer role)
      return switch (caller) {
        case DISTRICT, COMMUNE -> Set.of(404);
        case PROVINCE -> null; // would write
        default -> Set.of(403);
      };
    }
    if (ADMIN_ONLY.contains(op)) {
      return Set.of(403); // no caller of the matrix is an admin (AccountResourceTest: admins)
    }
    if (op.contains("SummaryReport") || op.contains("ProgressExport")) {
      return writtenReports(caller, op);
    }
    return switch (caller) {
      // outside their subtree: nothing to see (403 where the role is missing altogether)
      case DISTRICT -> Set.of(404);
      case COMMUNE -> Set.of(NO_ROLE_AT_ALL.containsKey(op) ? 403 : 404);
      // the sibling's parent is the caller's parent too: its children are listed, filtered to
      // what the caller may see (checked above: never the sibling)
      case SIBLING ->
          Set.of(
              op.equals("listOrgUnits") || op.equals("getOrgUnitSubtree")
                  ? 200
                  : NO_ROLE_AT_ALL.containsKey(op) ? 403 : 404);
      // above the data: viewers read, write nothing, review nothing; the integration client
      // (a system) reads figures, not history or diffs (docs/security.md)
      case VIEWER, SYSTEM -> {
        if (op.equals("getReviewQueue")) {
          yield Set.of(403);
        }
        if (op.equals("proposeAllocation")) {
          yield Set.of(200, 422); // a proposal; 422 while the parent has no target that year
        }
        if (caller.equals(SYSTEM)
            && (op.equals("getSubmissionHistory") || op.equals("getSubmissionDiff"))) {
          yield Set.of(403);
        }
        yield Set.of(READS.contains(op) ? 200 : 403);
      }
      // the district whose data it is: reads, reviews (a stale version: 412), allocates
      case OWN_DISTRICT -> {
        if (READS.contains(op) || op.equals("uploadAllocationSheet")) {
          yield Set.of(200); // the upload is a dry run
        }
        yield switch (op) {
          case "getReviewQueue" -> Set.of(404); // a period that does not exist
          case "proposeAllocation" -> Set.of(200, 422);
          case "createSubmission", "saveSubmissionValues", "submitSubmission" ->
              Set.of(403); // the commune reports, not the district
          case "approveSubmission",
              "returnSubmission",
              "reopenSubmission",
              "reviewSubmissions",
              "checkFlaggedValue",
              "saveAllocation" ->
              // allowed: what refuses it is the report's state (a draft: 409) or a stale version
              Set.of(409, 412);
          case "allocateDepartment" -> Set.of(400);
          default -> null; // copyAllocation, saveUnitWeights: would write
        };
      }
      // the province above it: reads everything, plans and reviews for its districts only
      case PROVINCE -> {
        if (READS.contains(op)) {
          yield Set.of(200);
        }
        yield switch (op) {
          case "getReviewQueue" -> Set.of(404);
          case "proposeAllocation" -> Set.of(200, 422);
          default -> Set.of(403);
        };
      }
      // the commune whose report it is: its own report, nothing of the district's columns
      case OWN_COMMUNE ->
          switch (op) {
            case "listOrgUnits",
                "getOrgUnit",
                "getOrgUnitSubtree",
                "listSubmissions",
                "getSubmissionForm",
                "getSubmission",
                "getSubmissionHistory",
                "getSubmissionDiff",
                "getSubmissionFlags",
                "listFlaggedValues",
                "getProgressValues" ->
                Set.of(200);
            case "checkFlaggedValue",
                "approveSubmission",
                "returnSubmission",
                "reopenSubmission",
                "reviewSubmissions",
                "getReviewQueue",
                "uploadAllocationSheet" ->
                Set.of(403);
            case "createSubmission" -> Set.of(409); // it exists already
            case "saveSubmissionValues", "submitSubmission" -> null; // would write its report
            default -> Set.of(404); // the district's columns, weights, progress
          };
      default -> throw new IllegalArgumentException(caller);
    };
  }

  /**
   * Written reports: read by the unit and every level above; written by the unit's own staff only
   * (the district: a stale If-Match, 412); not by the integration client. Exports: started by any
   * reader of the unit; a job is its starter's alone (Đại Từ's here).
   */
  static Set<Integer> writtenReports(String caller, String op) {
    boolean export = op.contains("ProgressExport");
    if (List.of(DISTRICT, COMMUNE, SIBLING, OWN_COMMUNE).contains(caller)) {
      return Set.of(404);
    }
    if (op.equals("getProgressExport") || op.equals("downloadProgressExport")) {
      return caller.equals(OWN_DISTRICT)
          ? op.equals("getProgressExport") ? Set.of(200) : Set.of(200, 409) // 409: not written yet
          : Set.of(404);
    }
    if (export) {
      return Set.of(202);
    }
    if (caller.equals(SYSTEM)) {
      return Set.of(403);
    }
    if (op.equals("putSummaryReport")) {
      return Set.of(caller.equals(OWN_DISTRICT) ? 412 : 403);
    }
    return Set.of(200);
  }

  static boolean takesScopedThing(JsonNode doc, String path, JsonNode op) {
    if (path.startsWith("/api/v1/periods")) {
      return true;
    }
    for (JsonNode p : op.path("parameters")) {
      if (SCOPED_PARAMS.contains(p.get("name").asText())
          && !p.get("in").asText().equals("header")) {
        return true;
      }
    }
    for (JsonNode content : op.path("requestBody").path("content")) {
      JsonNode schema = content.path("schema");
      if (schema.has("$ref")) {
        String name = schema.get("$ref").asText().replace("#/components/schemas/", "");
        schema = doc.path("components").path("schemas").path(name);
      }
      for (Iterator<String> f = schema.path("properties").fieldNames(); f.hasNext(); ) {
        if (SCOPED_FIELDS.contains(f.next())) {
          return true;
        }
      }
      // an allocation sheet names its parent unit inside the file
      if (path.equals("/api/v1/targets/sheet")) {
        return true;
      }
    }
    return false;
  }
}
