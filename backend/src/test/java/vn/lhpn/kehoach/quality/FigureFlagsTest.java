package vn.lhpn.kehoach.quality;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.demo.DemoHistory;
import vn.lhpn.kehoach.progress.DemoPlan;
import vn.lhpn.kehoach.support.Tokens;

/**
 * Figures that cannot be right, on the demo history (plan 99, the 2023 map): the test plants a
 * value twelve times the commune's own value of last year in Hùng Sơn's (05761) report of 2025-H2,
 * then reads the flags as its reviewer (Đại Từ), whose reasons it computes itself from the reports
 * of every commune, not from the system's rules; checks it, returns it, changes it, reads the
 * year's list, moves the thresholds. Then it puts the commune's report back as it was.
 */
@QuarkusTest
class FigureFlagsTest {
  static final String PLAN = DemoPlan.CODE;
  static final String PERIOD = "2025-H2";
  static final String UNIT = "05761";
  static final String REPORTER = "xa.hungson";
  static final String REVIEWER = "huyen.daitu";
  static final String PROVINCE = "tinh.canbo";

  @Inject DemoHistory demo;

  static RequestSpecification as(String user) {
    return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
  }

  static String vi(BigDecimal b) {
    return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(new Locale("vi", "VN")))
        .format(b);
  }

  @Test
  void shouldFlagAPlantedValueExplainItAndKeepTheReviewersCheck() throws Exception {
    DemoPlan.ensure(demo);
    setPeriod(PERIOD, "open");
    JsonPath before = report();
    String originalState = before.getString("state");
    long id = backWithTheUnit(before);

    // a count with a target this year and a value last year
    JsonPath form = form(PERIOD);
    JsonPath last = form("2024-H2");
    Map<String, Object> item = null;
    BigDecimal lastYear = null;
    for (Map<String, Object> candidate : form.<Map<String, Object>>getList("items")) {
      Object target = ((Map<?, ?>) candidate.get("target")).get("value");
      Object old = last.get("items.find { it.key == '" + candidate.get("key") + "' }.value.number");
      if ("count".equals(candidate.get("measureType"))
          && target != null
          && new BigDecimal(target.toString()).signum() > 0
          && old != null
          && new BigDecimal(old.toString()).signum() > 0) {
        item = candidate;
        lastYear = new BigDecimal(old.toString()).stripTrailingZeros();
        break;
      }
    }
    assertNotNull(item, "a count of Hùng Sơn with a target and last year's value");
    String key = (String) item.get("key");
    BigDecimal target =
        new BigDecimal(((Map<?, ?>) item.get("target")).get("value").toString())
            .stripTrailingZeros();
    Object kept = ((Map<?, ?>) item.getOrDefault("value", Map.of())).get("number");
    BigDecimal original = kept == null ? null : new BigDecimal(kept.toString());
    BigDecimal planted = lastYear.multiply(BigDecimal.valueOf(12));

    long version = save(id, key, planted);
    version = step(REPORTER, id, version, "submit", null);

    // the reviewer's view: the reasons, computed here from every commune's report
    JsonPath flags = flags(REVIEWER, id);
    assertTrue(flags.getBoolean("canCheck"));
    Map<String, Object> flagged = flags.getMap("values.find { it.item == '" + key + "' }");
    assertNotNull(flagged, "the planted value is flagged: " + flags.prettify());
    List<Map<String, Object>> reasons = (List<Map<String, Object>>) flagged.get("flags");
    assertEquals(
        "gấp 12 lần năm trước (" + vi(lastYear) + ")", reason(reasons, "history"), "history");
    BigDecimal percent =
        planted.multiply(BigDecimal.valueOf(100)).divide(target, 10, RoundingMode.HALF_UP);
    if (percent.compareTo(BigDecimal.valueOf(300)) >= 0) {
      BigDecimal shown =
          percent.compareTo(BigDecimal.TEN) < 0
              ? percent.setScale(1, RoundingMode.HALF_UP)
              : percent.setScale(0, RoundingMode.HALF_UP);
      assertEquals(
          "vượt " + vi(shown.stripTrailingZeros()) + " % chỉ tiêu (" + vi(target) + ")",
          reason(reasons, "target"));
    } else {
      assertNull(reason(reasons, "target"), "below 300 % of the target");
    }
    double[] communes = communesOf(key, planted);
    Arrays.sort(communes);
    if (planted.doubleValue() >= communes[communes.length - 1]) {
      int n = communes.length;
      double median = n % 2 == 1 ? communes[n / 2] : (communes[n / 2 - 1] + communes[n / 2]) / 2;
      assertEquals(
          "cao nhất trong "
              + n
              + " xã (trung vị "
              + vi(
                  BigDecimal.valueOf(median).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros())
              + ")",
          reason(reasons, "peers"));
    }
    assertNull(flagged.get("check"));

    // only its reviewer checks it, on the version read, and only a flagged value
    Map<String, String> note = Map.of("note", "Đã gọi điện xác minh: có đợt kết nạp lớn");
    as(REPORTER)
        .header("If-Match", "\"" + version + "\"")
        .body(note)
        .post("/api/v1/submissions/" + id + "/flags/" + key + "/check")
        .then()
        .statusCode(403);
    as(REVIEWER)
        .header("If-Match", "\"" + (version - 1) + "\"")
        .body(note)
        .post("/api/v1/submissions/" + id + "/flags/" + key + "/check")
        .then()
        .statusCode(412);
    as(REVIEWER)
        .header("If-Match", "\"" + version + "\"")
        .body(Map.of("note", " "))
        .post("/api/v1/submissions/" + id + "/flags/" + key + "/check")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    String unflagged =
        form.<Map<String, Object>>getList("items").stream()
            .map(i -> (String) i.get("key"))
            .filter(k -> flags.get("values.find { it.item == '" + k + "' }") == null)
            .findFirst()
            .orElseThrow();
    as(REVIEWER)
        .header("If-Match", "\"" + version + "\"")
        .body(note)
        .post("/api/v1/submissions/" + id + "/flags/" + unflagged + "/check")
        .then()
        .statusCode(409);
    assertNull(flags(REVIEWER, id).get("values.find { it.item == '" + key + "' }.check"));
    JsonPath checked =
        as(REVIEWER)
            .header("If-Match", "\"" + version + "\"")
            .header("Idempotency-Key", "check-" + id + "-" + version)
            .body(note)
            .post("/api/v1/submissions/" + id + "/flags/" + key + "/check")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> check = checked.getMap("values.find { it.item == '" + key + "' }.check");
    assertEquals(note.get("note"), check.get("note"));
    assertEquals(REVIEWER, check.get("checkedBy"));
    assertEquals(true, check.get("holds"));

    // returned: the unit sees the flag and the note; a changed value opens the flag again
    version = step(REVIEWER, id, version, "return", "Đề nghị xem lại số liệu");
    Map<String, Object> seen =
        flags(REPORTER, id).getMap("values.find { it.item == '" + key + "' }.check");
    assertEquals(note.get("note"), seen.get("note"));
    assertEquals(true, seen.get("holds"));
    BigDecimal changed = lastYear.multiply(BigDecimal.valueOf(13));
    version = save(id, key, changed);
    Map<String, Object> reopened =
        flags(REPORTER, id).getMap("values.find { it.item == '" + key + "' }.check");
    assertEquals(false, reopened.get("holds"));

    // the year's list: the district's and the province's; a sibling's district is not its own
    JsonPath listed = list(REVIEWER, "&unit=171&open=true");
    Map<String, Object> row =
        listed.getMap(
            "items.find { it.submission == " + id + " && it.value.item == '" + key + "' }");
    assertNotNull(row, "in the district's open list");
    assertEquals("returned", row.get("state"));
    assertEquals(UNIT, row.get("unitCode"));
    assertTrue(listed.getLong("open") >= 1);
    boolean inProvince = false;
    for (int page = 0; !inProvince; page++) {
      JsonPath p = list(PROVINCE, "&size=200&page=" + page);
      System.out.printf(
          "Flagged values of 2025 in the province: %d (%d open)%n",
          p.getLong("totalItems"), p.getLong("open"));
      inProvince = p.get("items.find { it.submission == " + id + " }") != null;
      if (p.getList("items").size() < 200) {
        break;
      }
    }
    assertTrue(inProvince, "in the province's list");
    as("xa.phucluong")
        .get("/api/v1/flags?plan=" + PLAN + "&year=2025&unit=171")
        .then()
        .statusCode(404);
    as(REVIEWER)
        .get("/api/v1/flags?plan=" + PLAN + "&year=2031&unit=171")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");

    // the thresholds: the province's planner moves them; nobody else; bad input changes nothing
    Response settings = as(PROVINCE).get("/api/v1/plans/" + PLAN + "/figure-checks");
    settings.then().statusCode(200);
    assertEquals(true, settings.path("defaults"));
    assertEquals(true, settings.path("canEdit"));
    Map<String, Object> higher =
        Map.of("historyRatio", 20, "targetPercent", 300, "peerScore", 3.5, "peerMinimum", 8);
    as(REVIEWER)
        .header("If-Match", settings.header("ETag"))
        .body(higher)
        .put("/api/v1/plans/" + PLAN + "/figure-checks")
        .then()
        .statusCode(403);
    as(PROVINCE)
        .header("If-Match", settings.header("ETag"))
        .body(Map.of("historyRatio", 0.5, "peerMinimum", 2))
        .put("/api/v1/plans/" + PLAN + "/figure-checks")
        .then()
        .statusCode(400)
        .body("errors.field", org.hamcrest.Matchers.hasItems("historyRatio", "peerMinimum"));
    Response moved =
        as(PROVINCE)
            .header("If-Match", settings.header("ETag"))
            .body(higher)
            .put("/api/v1/plans/" + PLAN + "/figure-checks");
    moved.then().statusCode(200);
    assertEquals(1, (int) moved.path("version"));
    assertEquals(1, moved.jsonPath().getList("changes").size());
    as(PROVINCE)
        .header("If-Match", settings.header("ETag"))
        .body(higher)
        .put("/api/v1/plans/" + PLAN + "/figure-checks")
        .then()
        .statusCode(412);
    List<Map<String, Object>> now =
        (List<Map<String, Object>>)
            flags(REVIEWER, id).getMap("values.find { it.item == '" + key + "' }").get("flags");
    assertNull(reason(now, "history"), "13 times is under a ratio of 20");

    // put everything back: the defaults, the commune's value and state, the period closed
    as(PROVINCE)
        .header("If-Match", moved.header("ETag"))
        .body(Map.of("historyRatio", 5, "targetPercent", 300, "peerScore", 3.5, "peerMinimum", 8))
        .put("/api/v1/plans/" + PLAN + "/figure-checks")
        .then()
        .statusCode(200);
    version = save(id, key, original);
    if (!"draft".equals(originalState) && !"returned".equals(originalState)) {
      version = step(REPORTER, id, version, "submit", null);
      if ("approved".equals(originalState)) {
        step(REVIEWER, id, version, "approve", null);
      }
    }
    setPeriod(PERIOD, "close");
  }

  static String reason(List<Map<String, Object>> flags, String rule) {
    return flags.stream()
        .filter(f -> rule.equals(f.get("rule")))
        .map(f -> (String) f.get("reason"))
        .findFirst()
        .orElse(null);
  }

  /** Every commune's number for the item in the period's reports sent up, the planted one too. */
  static double[] communesOf(String key, BigDecimal planted) {
    List<Double> values = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonPath list =
          as(PROVINCE)
              .get(
                  "/api/v1/submissions?plan="
                      + PLAN
                      + "&period="
                      + PERIOD
                      + "&withValues=true&size=200&page="
                      + page)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Map<String, Object>> items = list.getList("items");
      for (Map<String, Object> s : items) {
        String unit = (String) s.get("unitCode");
        boolean commune = unit.length() == 5; // GSO: communes have five digits
        if (!commune || "draft".equals(s.get("state"))) {
          continue;
        }
        if (unit.equals(UNIT)) {
          values.add(planted.doubleValue());
          continue;
        }
        for (Map<String, Object> v : (List<Map<String, Object>>) s.get("values")) {
          if (key.equals(v.get("item")) && v.get("number") != null) {
            values.add(Double.parseDouble(v.get("number").toString()));
          }
        }
      }
      if (items.size() < 200) {
        break;
      }
    }
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static JsonPath report() {
    return as(REVIEWER)
        .get("/api/v1/submissions?plan=" + PLAN + "&period=" + PERIOD + "&unit=" + UNIT)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .setRootPath("items[0]");
  }

  /** The report as a draft with its unit: reopened, returned or made. */
  static long backWithTheUnit(JsonPath report) {
    String state = report.getString("state");
    if (state == null) {
      return as(REPORTER)
          .body(Map.of("planId", PLAN, "period", PERIOD, "unitCode", UNIT))
          .post("/api/v1/submissions")
          .then()
          .statusCode(201)
          .extract()
          .<Number>path("id")
          .longValue();
    }
    long id = report.getLong("id");
    long version = report.getLong("version");
    if (state.equals("approved")) {
      step(REVIEWER, id, version, "reopen", "Kiểm tra số liệu");
    } else if (state.equals("submitted")) {
      step(REVIEWER, id, version, "return", "Kiểm tra số liệu");
    }
    return id;
  }

  static long save(long id, String key, BigDecimal number) {
    String etag = as(REPORTER).get("/api/v1/submissions/" + id).header("ETag");
    Map<String, Object> value = new java.util.HashMap<>();
    value.put("item", key);
    value.put("number", number);
    return as(REPORTER)
        .header("If-Match", etag)
        .body(Map.of("values", List.of(value)))
        .put("/api/v1/submissions/" + id + "/values")
        .then()
        .statusCode(200)
        .extract()
        .<Number>path("version")
        .longValue();
  }

  static long step(String user, long id, long version, String action, String reason) {
    var request = as(user).header("If-Match", "\"" + version + "\"");
    if (reason != null) {
      request = request.body(Map.of("reason", reason));
    }
    return request
        .post("/api/v1/submissions/" + id + "/" + action)
        .then()
        .statusCode(200)
        .extract()
        .<Number>path("version")
        .longValue();
  }

  static JsonPath flags(String user, long id) {
    return as(user)
        .get("/api/v1/submissions/" + id + "/flags")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static JsonPath list(String user, String query) {
    return as(user)
        .get("/api/v1/flags?plan=" + PLAN + "&year=2025" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static JsonPath form(String period) {
    return as(REPORTER)
        .get("/api/v1/submissions/form?plan=" + PLAN + "&period=" + period + "&unit=" + UNIT)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  static void setPeriod(String code, String action) {
    var current = as(PROVINCE).get("/api/v1/periods/" + PLAN + "/" + code).then().statusCode(200);
    boolean open = "open".equals(current.extract().path("state"));
    if (open == action.equals("open")) {
      return;
    }
    as(PROVINCE)
        .header("If-Match", current.extract().header("ETag"))
        .post("/api/v1/periods/" + PLAN + "/" + code + "/" + action)
        .then()
        .statusCode(200);
  }
}
