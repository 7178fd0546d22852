package vn.lhpn.kehoach.emulation;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.demo.DemoHistory;
import vn.lhpn.kehoach.progress.DemoPlan;
import vn.lhpn.kehoach.support.Tokens;

/**
 * Thi đua on the demo history (plan 99, the 2023 map): two clusters of six communes (Đại Từ's, Phú
 * Bình's), a scoring table of four counts; every unit's score of 2025 recomputed here from its
 * approved reports (the year report, else its halves), its targets, the first submission of each
 * report and its due date, never from the system's tables; the rank; a late report loses exactly
 * the on-time points; the manual part; who reads which cluster; the term as the sum of its years;
 * the workbook and the Word table.
 */
@QuarkusTest
class EmulationTest {
  static final String PLAN = DemoPlan.CODE;
  static final String PROVINCE = "tinh.canbo";
  static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
  static final BigDecimal ON_TIME = BigDecimal.valueOf(5);

  @Inject DemoHistory demo;

  static RequestSpecification as(String user) {
    return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
  }

  @Test
  void shouldScoreRankAndExportTheClustersAsTheTableSays() throws Exception {
    DemoPlan.ensure(demo);
    Response settings = as(PROVINCE).get("/api/v1/emulation/settings?plan=" + PLAN);
    settings.then().statusCode(200);
    assertEquals(true, settings.path("defaultScoring"));
    assertEquals(true, settings.path("canEdit"));

    // two clusters of six communes, each led by its first
    List<String> daiTu = communes("171").subList(0, 6);
    List<String> phuBinh = communes("173").subList(0, 6);
    List<Map<String, Object>> clusters =
        List.of(cluster("CUM-1", "Cụm Đại Từ", daiTu), cluster("CUM-2", "Cụm Phú Bình", phuBinh));
    as("huyen.daitu")
        .header("If-Match", "\"0\"")
        .body(Map.of("clusters", clusters))
        .put("/api/v1/emulation/clusters?plan=" + PLAN)
        .then()
        .statusCode(403);
    List<Map<String, Object>> twice =
        List.of(cluster("CUM-1", "A", daiTu), cluster("CUM-2", "B", List.of(daiTu.get(0))));
    as(PROVINCE)
        .header("If-Match", "\"0\"")
        .body(Map.of("clusters", twice))
        .put("/api/v1/emulation/clusters?plan=" + PLAN)
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.equalTo("clusters[1].units[0]"));
    as(PROVINCE)
        .header("If-Match", "\"0\"")
        .body(Map.of("clusters", clusters))
        .put("/api/v1/emulation/clusters?plan=" + PLAN)
        .then()
        .statusCode(200)
        .body("clustersVersion", org.hamcrest.Matchers.equalTo(1));
    as(PROVINCE)
        .header("If-Match", "\"0\"")
        .body(Map.of("clusters", clusters))
        .put("/api/v1/emulation/clusters?plan=" + PLAN)
        .then()
        .statusCode(412);

    // a table of four counts: 10, 20, 10 and 5 points; 0.1 a % above the target, at most 2
    List<String> counts = countItems(daiTu.get(0));
    int[] points = {10, 20, 10, 5};
    List<Map<String, Object>> lines = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      lines.add(Map.of("item", counts.get(i), "points", points[i]));
    }
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("lines", lines);
    table.put("fullAt", 100);
    table.put("bonusPerPercent", 0.1);
    table.put("bonusCap", 2);
    table.put("inProgressShare", 0.5);
    table.put("onTimePoints", 5);
    table.put("manualMax", 10);
    Map<String, Object> bad = new LinkedHashMap<>(table);
    bad.put("lines", List.of(Map.of("item", "KHONG-CO", "points", 10)));
    as(PROVINCE)
        .header("If-Match", "\"0\"")
        .body(bad)
        .put("/api/v1/emulation/scoring?plan=" + PLAN)
        .then()
        .statusCode(400)
        .body("errors[0].field", org.hamcrest.Matchers.equalTo("lines[0].item"));
    as(PROVINCE)
        .header("If-Match", "\"0\"")
        .body(table)
        .put("/api/v1/emulation/scoring?plan=" + PLAN)
        .then()
        .statusCode(200)
        .body("scoringVersion", org.hamcrest.Matchers.equalTo(1))
        .body("changes.size()", org.hamcrest.Matchers.equalTo(2));

    // every unit's score of 2025, recomputed here
    JsonPath scores = scores(PROVINCE, "&year=2025");
    assertEquals(2, scores.getList("clusters").size());
    Map<String, BigDecimal> totals = new HashMap<>();
    for (String unit : daiTu) {
      BigDecimal expected = expectedLines(unit, counts, points).add(expectedOnTime(unit));
      Map<String, Object> got =
          scores.getMap("clusters[0].units.find { it.unitCode == '" + unit + "' }");
      assertEquals(0, expected.compareTo(new BigDecimal(got.get("total").toString())), unit);
      totals.put(unit, expected);
    }
    // ranked by total, equal totals sharing a rank
    for (Map<String, Object> u : scores.<Map<String, Object>>getList("clusters[0].units")) {
      BigDecimal total = totals.get((String) u.get("unitCode"));
      long higher = totals.values().stream().filter(t -> t.compareTo(total) > 0).count();
      assertEquals((int) higher + 1, u.get("rank"), "rank of " + u.get("unitCode"));
    }

    System.out.println("Thi đua 2025, Cụm Đại Từ: " + totals);
    assertTrue(
        totals.values().stream().filter(t -> t.signum() > 0).count() >= 4,
        "most units scored: " + totals);

    // a late report loses exactly the on-time points: a unit that sent 2025-H1 on time, and
    // the due date moved to the day before it sent it
    Response period = as(PROVINCE).get("/api/v1/periods/" + PLAN + "/2025-H1");
    LocalDate due = LocalDate.parse(period.path("dueOn"));
    String unit = null;
    OffsetDateTime sent = null;
    for (String candidate : daiTu) {
      OffsetDateTime first = firstSubmitted(candidate, "2025-H1");
      if (first != null && !first.atZoneSameInstant(ZONE).toLocalDate().isAfter(due)) {
        unit = candidate;
        sent = first;
        break;
      }
    }
    assertTrue(unit != null, "a commune of Đại Từ sent 2025-H1 on time");
    BigDecimal before = total(scores(PROVINCE, "&year=2025"), unit);
    LocalDate early = sent.atZoneSameInstant(ZONE).toLocalDate().minusDays(1);
    String etag =
        as(PROVINCE)
            .header("If-Match", period.header("ETag"))
            .body(Map.of("dueOn", early.toString()))
            .patch("/api/v1/periods/" + PLAN + "/2025-H1")
            .then()
            .statusCode(200)
            .extract()
            .header("ETag");
    BigDecimal after = total(scores(PROVINCE, "&year=2025"), unit);
    assertEquals(0, before.subtract(ON_TIME).compareTo(after), before + " → " + after);
    as(PROVINCE)
        .header("If-Match", etag)
        .body(Map.of("dueOn", due.toString()))
        .patch("/api/v1/periods/" + PLAN + "/2025-H1")
        .then()
        .statusCode(200);

    // the manual part: the province's planner (the leader commune has no reviewer account)
    as("xa.hungson")
        .body(Map.of("unitCode", daiTu.get(1), "year", 2025, "points", 5, "reason", "x"))
        .post("/api/v1/emulation/manual-scores?plan=" + PLAN)
        .then()
        .statusCode(daiTu.contains("05761") ? 403 : 404);
    as(PROVINCE)
        .body(Map.of("unitCode", unit, "year", 2025, "points", 12, "reason", "Quá mức"))
        .post("/api/v1/emulation/manual-scores?plan=" + PLAN)
        .then()
        .statusCode(400);
    JsonPath manual =
        as(PROVINCE)
            .header("Idempotency-Key", "manual-" + unit)
            .body(
                Map.of("unitCode", unit, "year", 2025, "points", 7.5, "reason", "Mô hình sinh kế"))
            .post("/api/v1/emulation/manual-scores?plan=" + PLAN)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(0, before.add(new BigDecimal("7.5")).compareTo(total(manual, unit)));

    // who reads which cluster: a commune its own, a district the one with its communes
    JsonPath own = scores("xa.hungson", "&year=2025");
    assertEquals(
        daiTu.contains("05761") ? List.of("CUM-1") : List.of(), own.getList("clusters.code"));
    assertEquals(List.of("CUM-2"), scores("huyen.phobinh", "&year=2025").getList("clusters.code"));
    assertEquals(
        List.of("CUM-1", "CUM-2"), scores("tinh.lanhdao", "&year=2025").getList("clusters.code"));

    // the term: the sum of its years
    JsonPath term = scores(PROVINCE, "");
    BigDecimal sum = BigDecimal.ZERO;
    for (Object y : term.getList("years")) {
      sum = sum.add(total(scores(PROVINCE, "&year=" + y), unit));
    }
    assertEquals(0, sum.compareTo(total(term, unit)));

    // for the council: a sheet per cluster, a Word table
    byte[] xlsx =
        as(PROVINCE)
            .get("/api/v1/emulation/scores/xlsx?plan=" + PLAN + "&year=2025")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      assertEquals(2, wb.getNumberOfSheets());
      var sheet = wb.getSheetAt(0);
      int totalColumn = sheet.getRow(2).getLastCellNum() - 2;
      assertEquals("Tổng điểm", sheet.getRow(2).getCell(totalColumn).getStringCellValue());
      BigDecimal first =
          total(scores(PROVINCE, "&year=2025"), sheet.getRow(3).getCell(1).getStringCellValue());
      assertEquals(
          first.doubleValue(), sheet.getRow(3).getCell(totalColumn).getNumericCellValue(), 0.001);
    }
    byte[] docx =
        as(PROVINCE)
            .get("/api/v1/emulation/scores/docx?plan=" + PLAN + "&year=2025")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    try (XWPFWordExtractor text =
        new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
      String all = text.getText();
      assertTrue(all.contains("BẢNG TỔNG HỢP ĐIỂM THI ĐUA"), all);
      assertTrue(all.contains("Cụm Đại Từ"), all);
      assertTrue(all.contains("năm 2025"), all);
    }
  }

  static Map<String, Object> cluster(String code, String name, List<String> units) {
    return Map.of("code", code, "name", name, "leaderUnit", units.get(0), "units", units);
  }

  static List<String> communes(String district) {
    return as(PROVINCE)
        .get("/api/v1/org-units?parent=" + district + "&size=200")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("items.findAll { it.code.length() == 5 }.code");
  }

  static JsonPath scores(String user, String query) {
    return as(user)
        .get("/api/v1/emulation/scores?plan=" + PLAN + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static BigDecimal total(JsonPath scores, String unit) {
    return new BigDecimal(
        scores.getString("clusters.units.flatten().find { it.unitCode == '" + unit + "' }.total"));
  }

  /** Counts of the plan that have a target for the commune in 2025. */
  static List<String> countItems(String unit) {
    return form(unit, "2025").<Map<String, Object>>getList("items").stream()
        .filter(i -> "count".equals(i.get("measureType")))
        .filter(i -> ((Map<?, ?>) i.get("target")).get("value") != null)
        .map(i -> (String) i.get("key"))
        .toList();
  }

  static JsonPath form(String unit, String period) {
    return as(PROVINCE)
        .get("/api/v1/submissions/form?plan=" + PLAN + "&period=" + period + "&unit=" + unit)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** The lines: the approved year figure (the year report, else the halves added) to target. */
  static BigDecimal expectedLines(String unit, List<String> counts, int[] points) {
    JsonPath year = form(unit, "2025");
    BigDecimal sum = BigDecimal.ZERO;
    for (int i = 0; i < 4; i++) {
      String key = counts.get(i);
      String allocated = year.getString("items.find { it.key == '" + key + "' }.target.value");
      if (allocated == null) {
        continue; // not given to this commune: the line does not count
      }
      BigDecimal target = new BigDecimal(allocated);
      BigDecimal value = approved(unit, "2025", key);
      if (value == null) {
        BigDecimal h1 = approved(unit, "2025-H1", key);
        BigDecimal h2 = approved(unit, "2025-H2", key);
        value = h1 == null && h2 == null ? null : nz(h1).add(nz(h2));
      }
      if (value == null || target.signum() == 0) {
        continue;
      }
      BigDecimal ratio =
          value.multiply(BigDecimal.valueOf(100)).divide(target, 4, RoundingMode.HALF_UP);
      BigDecimal base =
          BigDecimal.valueOf(points[i])
              .multiply(ratio.min(BigDecimal.valueOf(100)))
              .divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP)
              .setScale(2, RoundingMode.HALF_UP);
      BigDecimal bonus =
          ratio
              .subtract(BigDecimal.valueOf(100))
              .max(BigDecimal.ZERO)
              .multiply(new BigDecimal("0.1"))
              .min(BigDecimal.valueOf(2))
              .setScale(2, RoundingMode.HALF_UP);
      sum = sum.add(base).add(bonus);
    }
    return sum;
  }

  static BigDecimal nz(BigDecimal b) {
    return b == null ? BigDecimal.ZERO : b;
  }

  /** The unit's approved value of an item in a period, or null. */
  static BigDecimal approved(String unit, String period, String key) {
    JsonPath list =
        as(PROVINCE)
            .get(
                "/api/v1/submissions?plan="
                    + PLAN
                    + "&period="
                    + period
                    + "&unit="
                    + unit
                    + "&state=approved&withValues=true")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String number = list.getString("items[0].values.find { it.item == '" + key + "' }.number");
    return number == null ? null : new BigDecimal(number);
  }

  /** On time: five points for each period of 2025 first sent by its due day. */
  static BigDecimal expectedOnTime(String unit) {
    BigDecimal sum = BigDecimal.ZERO;
    for (String period : List.of("2025-H1", "2025-H2", "2025")) {
      OffsetDateTime sent = firstSubmitted(unit, period);
      LocalDate due =
          LocalDate.parse(as(PROVINCE).get("/api/v1/periods/" + PLAN + "/" + period).path("dueOn"));
      if (sent != null && !sent.atZoneSameInstant(ZONE).toLocalDate().isAfter(due)) {
        sum = sum.add(ON_TIME);
      }
    }
    return sum;
  }

  static OffsetDateTime firstSubmitted(String unit, String period) {
    Object id =
        as(PROVINCE)
            .get("/api/v1/submissions?plan=" + PLAN + "&period=" + period + "&unit=" + unit)
            .path("items[0].id");
    if (id == null) {
      return null;
    }
    List<String> at =
        as(PROVINCE)
            .get("/api/v1/submissions/" + id + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("findAll { it.kind == 'submit' }.at");
    return at.stream().map(OffsetDateTime::parse).min(OffsetDateTime::compareTo).orElse(null);
  }
}
