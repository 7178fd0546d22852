package vn.lhpn.kehoach.summary;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.demo.DemoHistory;
import vn.lhpn.kehoach.progress.DemoPlan;
import vn.lhpn.kehoach.support.Tokens;

/**
 * Progress as a workbook, written in the background: the request answers at once, the job says how
 * far it got, and the file read back equals the progress API's figures, numbers as numbers; a sheet
 * per district; nobody else sees the job.
 */
@QuarkusTest
class ProgressExportTest {
  @Inject DemoHistory demo;

  static String start(String user, Map<String, Object> request) {
    return given()
        .auth()
        .oauth2(Tokens.of(user))
        .contentType("application/json")
        .body(request)
        .post("/api/v1/exports")
        .then()
        .statusCode(202)
        .body("state", equalTo("queued"))
        .extract()
        .path("id");
  }

  static JsonPath poll(String user, String id) {
    return given()
        .auth()
        .oauth2(Tokens.of(user))
        .get("/api/v1/exports/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Inject vn.lhpn.kehoach.export.service.ExportQueue queue;
  @Inject jakarta.persistence.EntityManager em;

  /** A job row as another instance (or this one before a restart) left it. */
  void leftBy(java.util.UUID id, String state, int minutesAgo, String owner, String unit) {
    io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        """
                        INSERT INTO export_job (id, owner, owner_unit, owner_roles, state, done,
                            total, request, attempts, claimed_by, created_at, updated_at)
                        VALUES (?1, ?2, ?3, 'reporter,reviewer,planner,viewer', ?4, 0, 1,
                            jsonb_build_object('plan', ?5, 'unit', ?3, 'period', '2025',
                                               'units', 'none'),
                            ?6, 'export@gone', now() - make_interval(mins => ?7),
                            now() - make_interval(mins => ?7))
                        """)
                    .setParameter(1, id)
                    .setParameter(2, owner)
                    .setParameter(3, unit)
                    .setParameter(4, state)
                    .setParameter(5, DemoPlan.CODE)
                    .setParameter(6, state.equals("running") ? 1 : 0)
                    .setParameter(7, minutesAgo)
                    .executeUpdate());
  }

  /**
   * Jobs outlive their worker (#29): one queued before a restart and one whose worker went away
   * mid-way (no sign of life for three minutes) are both taken up and written, as the user who
   * asked (no request, no token: what the job row says of them), with that user's scope.
   */
  @Test
  void shouldFinishJobsLeftByAWorkerThatWentAway() throws Exception {
    DemoPlan.ensure(demo);
    java.util.UUID queued = java.util.UUID.randomUUID();
    java.util.UUID stranded = java.util.UUID.randomUUID();
    leftBy(queued, "queued", 1, "huyen.phobinh", "173");
    leftBy(stranded, "running", 3, "huyen.daitu", "171");
    queue.poll();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                poll("huyen.phobinh", queued.toString()).getString("state").equals("done")
                    && poll("huyen.daitu", stranded.toString()).getString("state").equals("done"));
    for (var job : Map.of("huyen.phobinh", queued, "huyen.daitu", stranded).entrySet()) {
      byte[] bytes =
          given()
              .auth()
              .oauth2(Tokens.of(job.getKey()))
              .get("/api/v1/exports/" + job.getValue() + "/file")
              .then()
              .statusCode(200)
              .extract()
              .asByteArray();
      try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
        String unit = job.getKey().equals("huyen.phobinh") ? "173" : "171";
        assertEquals(1, wb.getNumberOfSheets());
        assertTrue(wb.getSheetName(0).startsWith(unit + " "), wb.getSheetName(0));
      }
    }
  }

  /**
   * Each user has at most three exports waiting or running: a fourth is a 429 that says so, and
   * nothing is queued; another user is not held back by it.
   */
  @Test
  void shouldHoldEachUserToThreeExportsAtOnce() throws Exception {
    DemoPlan.ensure(demo);
    // three of Phú Bình's own, running (their worker alive: a sign of life a minute ago)
    for (int i = 0; i < 3; i++) {
      leftBy(java.util.UUID.randomUUID(), "running", 0, "huyen.phobinh", "173");
    }
    try {
      long before =
          io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
              .call(() -> vn.lhpn.kehoach.export.ExportJob.count());
      given()
          .auth()
          .oauth2(Tokens.of("huyen.phobinh"))
          .contentType("application/json")
          .body(Map.of("plan", DemoPlan.CODE, "unit", "173", "period", "2025"))
          .post("/api/v1/exports")
          .then()
          .statusCode(429)
          .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
          .body("detail", org.hamcrest.Matchers.containsString("3"));
      assertEquals(
          before,
          io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
              .call(() -> vn.lhpn.kehoach.export.ExportJob.count()));
      start("huyen.daitu", Map.of("plan", DemoPlan.CODE, "unit", "171", "period", "2025"));
    } finally {
      io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
          .run(
              () ->
                  vn.lhpn.kehoach.export.ExportJob.delete(
                      "owner = ?1 and claimedBy = ?2", "huyen.phobinh", "export@gone"));
    }
  }

  @Test
  void shouldWriteTheProvinceAndADistrictSheetEachEqualToProgress() throws Exception {
    DemoPlan.ensure(demo);
    String id =
        start(
            "tinh.canbo",
            Map.of("plan", DemoPlan.CODE, "unit", "19", "period", "2025", "units", "children"));
    // somebody else's job is nobody's business
    given()
        .auth()
        .oauth2(Tokens.of("huyen.phobinh"))
        .get("/api/v1/exports/" + id)
        .then()
        .statusCode(404);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> poll("tinh.canbo", id).getString("state").equals("done"));
    JsonPath job = poll("tinh.canbo", id);
    int children =
        given()
            .auth()
            .oauth2(Tokens.of("tinh.canbo"))
            .get("/api/v1/org-units?parent=19&validOn=2025-12-31&size=200")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("items")
            .size();
    assertTrue(children >= 9, "the 9 districts at least: " + children);
    assertEquals(1 + children, job.getInt("total"), "the province and each unit just below");
    assertEquals(1 + children, job.getInt("done"));
    byte[] bytes =
        given()
            .auth()
            .oauth2(Tokens.of("tinh.canbo"))
            .get("/api/v1/exports/" + id + "/file")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      assertEquals(1 + children, wb.getNumberOfSheets());
      assertTrue(wb.getSheetName(0).startsWith("19 "), wb.getSheetName(0));
      checkAgainstProgress(wb.getSheetAt(0), "19");
      Sheet phuBinh = wb.getSheet("173 Huyện Phú Bình");
      checkAgainstProgress(phuBinh, "173");
      assertEquals(4, phuBinh.getPaneInformation().getHorizontalSplitTopRow());
    }
  }

  @Test
  void shouldShowHowFarALargeExportHasGotWhileOtherRequestsGoOn() throws Exception {
    DemoPlan.ensure(demo);
    // every unit of the province: a sheet each
    String id =
        start(
            "tinh.canbo",
            Map.of("plan", DemoPlan.CODE, "unit", "19", "period", "term", "units", "all"));
    java.util.Set<Integer> seen = new java.util.TreeSet<>();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              JsonPath job = poll("tinh.canbo", id);
              seen.add(job.getInt("done"));
              // the API answers while the worker writes
              given()
                  .auth()
                  .oauth2(Tokens.of("tinh.lanhdao"))
                  .get("/api/v1/me")
                  .then()
                  .statusCode(200);
              return job.getString("state").equals("done");
            });
    JsonPath job = poll("tinh.canbo", id);
    assertTrue(job.getInt("total") > 180, "every unit: " + job.getInt("total"));
    assertTrue(
        seen.stream().anyMatch(d -> d > 0 && d < job.getInt("total")),
        "progress seen while it ran: " + seen);
  }

  /** Every count's target and achievement in the sheet equals the progress API's, as numbers. */
  static void checkAgainstProgress(Sheet sheet, String unit) {
    JsonPath progress =
        given()
            .auth()
            .oauth2(Tokens.of("tinh.canbo"))
            .get("/api/v1/progress?plan=" + DemoPlan.CODE + "&unit=" + unit + "&year=2025")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Map<String, Object>> byCode = new HashMap<>();
    for (Map<String, Object> item : progress.<Map<String, Object>>getList("items")) {
      if ("count".equals(item.get("measure")) && item.get("code") != null) {
        byCode.put((String) item.get("code"), item);
      }
    }
    int checked = 0;
    for (Row row : sheet) {
      Cell code = row.getCell(0);
      if (row.getRowNum() <= 3 || code == null || !byCode.containsKey(code.getStringCellValue())) {
        continue;
      }
      Map<?, ?> item = byCode.get(code.getStringCellValue());
      Object value = ((Map<?, ?>) item.get("subtree")).get("value");
      Object target = ((Map<?, ?>) item.get("target")).get("value");
      Cell achieved = row.getCell(4);
      if (value == null) {
        assertEquals("", achieved.getStringCellValue());
      } else {
        assertEquals(CellType.NUMERIC, achieved.getCellType(), "a number, not text");
        assertEquals(0, new BigDecimal(value.toString()).compareTo(decimal(achieved)));
      }
      if (target != null) {
        assertEquals(0, new BigDecimal(target.toString()).compareTo(decimal(row.getCell(3))));
      }
      if (item.get("ratio") != null) {
        assertEquals(
            new BigDecimal(item.get("ratio").toString()).doubleValue(),
            row.getCell(5).getNumericCellValue(),
            1e-9);
      }
      checked++;
    }
    assertTrue(checked >= 15, "counts checked: " + checked);
    assertEquals("Chỉ tiêu, nội dung", sheet.getRow(3).getCell(1).getStringCellValue());
    assertEquals("Đơn vị tính", sheet.getRow(3).getCell(2).getStringCellValue());
  }

  static BigDecimal decimal(Cell cell) {
    return BigDecimal.valueOf(cell.getNumericCellValue());
  }

  @Test
  void shouldRefuseBadRequestsBeforeQueuingAnything() {
    given()
        .auth()
        .oauth2(Tokens.of("huyen.phobinh"))
        .contentType("application/json")
        .body(Map.of("plan", "11-KH-BCH", "unit", "19", "period", "2025"))
        .post("/api/v1/exports")
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(Tokens.of("huyen.phobinh"))
        .contentType("application/json")
        .body(Map.of("plan", "11-KH-BCH", "period", "2025", "units", "everything"))
        .post("/api/v1/exports")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("units"));
    given()
        .auth()
        .oauth2(Tokens.of("huyen.phobinh"))
        .get("/api/v1/exports/not-a-job")
        .then()
        .statusCode(404);
  }
}
