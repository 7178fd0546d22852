package vn.lhpn.kehoach.progress;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.progress.demo.DemoHistory;
import vn.lhpn.kehoach.support.Tokens;

/**
 * The generated demo history, read back through the API: the province's figures for every year
 * equal the sums this test computes itself from the approved reports (the year report where a unit
 * has one, else its halves), never from the progress tables.
 */
@QuarkusTest
class DemoHistoryTest {
  static final String DEMO_PLAN = DemoPlan.CODE;
  static final String PROVINCE = "tinh.canbo";

  @Inject DemoHistory demo;

  @Test
  void shouldRollUpTheGeneratedHistoryExactlyAsTheReportsAddUp() throws Exception {
    DemoHistory.Summary summary = DemoPlan.ensure(demo);
    assertTrue(summary.reports() > 1500, "reports: " + summary.reports());
    assertTrue(summary.values() > 30_000, "values: " + summary.values());

    // Every approved report with its values, through the public API.
    Map<String, Map<String, Map<String, BigDecimal>>> byUnit =
        new HashMap<>(); // unit → period → item
    Map<String, String> measures = new HashMap<>();
    for (int page = 0; ; page++) {
      JsonPath list =
          given()
              .auth()
              .oauth2(Tokens.of(PROVINCE))
              .get(
                  "/api/v1/submissions?plan="
                      + DEMO_PLAN
                      + "&state=approved&withValues=true&size=200&page="
                      + page)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Map<String, Object>> items = list.getList("items");
      for (Map<String, Object> s : items) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> values = (List<Map<String, Object>>) s.get("values");
        Map<String, BigDecimal> numbers =
            byUnit
                .computeIfAbsent((String) s.get("unitCode"), k -> new HashMap<>())
                .computeIfAbsent((String) s.get("period"), k -> new HashMap<>());
        for (Map<String, Object> v : values) {
          if (v.get("number") != null) {
            numbers.put((String) v.get("item"), new BigDecimal(v.get("number").toString()));
          }
        }
      }
      if (items.size() < 200) {
        break;
      }
    }
    JsonPath items =
        given()
            .auth()
            .oauth2(Tokens.of(PROVINCE))
            .get("/api/v1/plans/" + DEMO_PLAN + "/items?size=200")
            .then()
            .extract()
            .jsonPath();
    for (Map<String, Object> i : items.<Map<String, Object>>getList("items")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> measure = (Map<String, Object>) i.get("measure");
      if (measure != null) {
        measures.put((String) i.get("key"), (String) measure.get("type"));
      }
    }

    int checked = 0;
    for (int year = 2022; year <= 2026; year++) {
      // Independently: per unit, the year report's value where it has one, else its halves' sum.
      Map<String, BigDecimal> expected = new HashMap<>();
      Map<String, Integer> fromYear = new HashMap<>();
      Map<String, Integer> fromHalves = new HashMap<>();
      for (Map<String, Map<String, BigDecimal>> periods : byUnit.values()) {
        Map<String, BigDecimal> yearReport = periods.getOrDefault(String.valueOf(year), Map.of());
        Map<String, BigDecimal> h1 = periods.getOrDefault(year + "-H1", Map.of());
        Map<String, BigDecimal> h2 = periods.getOrDefault(year + "-H2", Map.of());
        java.util.Set<String> keys = new java.util.HashSet<>(yearReport.keySet());
        keys.addAll(h1.keySet());
        keys.addAll(h2.keySet());
        for (String key : keys) {
          if (!"count".equals(measures.get(key))) {
            continue;
          }
          BigDecimal v =
              yearReport.containsKey(key)
                  ? yearReport.get(key)
                  : h1.getOrDefault(key, BigDecimal.ZERO)
                      .add(h2.getOrDefault(key, BigDecimal.ZERO));
          expected.merge(key, v, BigDecimal::add);
          (yearReport.containsKey(key) ? fromYear : fromHalves).merge(key, 1, Integer::sum);
        }
      }
      JsonPath progress =
          given()
              .auth()
              .oauth2(Tokens.of(PROVINCE))
              .get("/api/v1/progress?plan=" + DEMO_PLAN + "&unit=19&year=" + year)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      for (Map<String, Object> item : progress.<Map<String, Object>>getList("items")) {
        if (!"count".equals(item.get("measure"))) {
          continue;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> subtree = (Map<String, Object>) item.get("subtree");
        Object value = subtree.get("value");
        BigDecimal actual = value == null ? null : new BigDecimal(value.toString());
        BigDecimal want = expected.get((String) item.get("itemKey"));
        assertEquals(
            want == null ? null : want.stripTrailingZeros().toPlainString(),
            actual == null ? null : actual.stripTrailingZeros().toPlainString(),
            item.get("itemKey") + " " + year);
        // and it says which reports it came from: so many units' year reports, so many halves
        String key = (String) item.get("itemKey");
        assertEquals(
            Map.of(
                "fromYear",
                fromYear.getOrDefault(key, 0),
                "fromHalves",
                fromHalves.getOrDefault(key, 0),
                "fromQuarters",
                0),
            subtree.get("sources"),
            key + " " + year);
        checked++;
      }
    }
    assertTrue(checked > 40, "count items checked: " + checked);
  }
}
