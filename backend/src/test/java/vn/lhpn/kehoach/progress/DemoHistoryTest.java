package vn.lhpn.kehoach.progress;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.demo.DemoHistory;
import vn.lhpn.kehoach.support.MapOf2025;
import vn.lhpn.kehoach.support.Tokens;

/**
 * The generated demo history on the real map (the local run's: 2022, 10/04/2023, 01/12/2024 and the
 * merged province of 01/07/2025), read back through the API: the province's figures for every year
 * equal the sums this test computes itself from the approved reports of the units on the map of the
 * year's last day (the year report where a unit has one, else its halves; docs/adr/0011), never
 * from the progress tables.
 */
@QuarkusTest
@TestProfile(MapOf2025.class)
class DemoHistoryTest {
  static final String DEMO_PLAN = DemoPlan.CODE;
  static final String PROVINCE = "tinh.canbo";

  @Inject DemoHistory demo;
  @Inject EntityManager em;

  /** The codes of the units below the province on a day, from the units table. */
  private Set<String> unitsOn(LocalDate day) {
    List<?> codes =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    em.createNativeQuery(
                            "SELECT code FROM org_unit WHERE parent_code IS NOT NULL AND"
                                + " valid_from <= ?1 AND (valid_to IS NULL OR valid_to >= ?1)")
                        .setParameter(1, day)
                        .getResultList());
    return codes.stream().map(String.class::cast).collect(Collectors.toSet());
  }

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
    Set<Integer> reportingUnits = new java.util.LinkedHashSet<>();
    for (int year = 2022; year <= 2026; year++) {
      // Independently: per unit, the year report's value where it has one, else its halves' sum.
      Map<String, BigDecimal> expected = new HashMap<>();
      Map<String, Integer> fromYear = new HashMap<>();
      Map<String, Integer> fromHalves = new HashMap<>();
      Set<String> onTheMap = unitsOn(LocalDate.of(year, 12, 31));
      // the map changes: 177 units below the province in 2023, 94 at the end of 2025
      assertTrue(onTheMap.size() > 90, year + ": " + onTheMap.size());
      reportingUnits.add(onTheMap.size());
      for (var unit : byUnit.entrySet()) {
        if (!onTheMap.contains(unit.getKey())) {
          continue; // closed during the year: its successor's year covers its territory
        }
        Map<String, Map<String, BigDecimal>> periods = unit.getValue();
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
    assertTrue(reportingUnits.size() >= 3, "maps of the years: " + reportingUnits);
    // Each half of 2025 on its own map: the units made on 01/07/2025 reported the second half and
    // not the first, the ones that closed then reported the first and not the second.
    Set<String> before = unitsOn(LocalDate.of(2025, 6, 30));
    Set<String> after = unitsOn(LocalDate.of(2025, 12, 31));
    Set<String> opened = new java.util.HashSet<>(after);
    opened.removeAll(before);
    Set<String> closed = new java.util.HashSet<>(before);
    closed.removeAll(after);
    assertTrue(opened.size() > 20 && closed.size() > 100, opened.size() + " / " + closed.size());
    for (String unit : opened) {
      assertTrue(!byUnit.getOrDefault(unit, Map.of()).containsKey("2025-H1"), unit + " 2025-H1");
    }
    for (String unit : closed) {
      assertTrue(!byUnit.getOrDefault(unit, Map.of()).containsKey("2025-H2"), unit + " 2025-H2");
    }
    assertTrue(
        opened.stream().anyMatch(u -> byUnit.getOrDefault(u, Map.of()).containsKey("2025-H2")));
    assertTrue(
        closed.stream().anyMatch(u -> byUnit.getOrDefault(u, Map.of()).containsKey("2025-H1")));
  }
}
