package vn.lhpn.kehoach.orgunit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.orgunit.service.ChangeSetFiles;
import vn.lhpn.kehoach.orgunit.service.UnitSuccession;
import vn.lhpn.kehoach.submission.Reports;
import vn.lhpn.kehoach.support.MapOf2025;
import vn.lhpn.kehoach.support.Tokens;

/**
 * The system on the map of today: the first start loads the 2022 units and applies every change up
 * to the merged province of 01/07/2025 (the 2025 state from its list of units, every district
 * dissolved). Each day reads its own map, every 2022 code leads to a unit of 2025, and the plan
 * works on the two-level tree: the province allocates 2026 straight to its communes and reviews
 * their reports itself. Its own profile, so its own start on a cleaned database.
 */
@QuarkusTest
@TestProfile(MapOf2025.class)
class RealMapTest {
  private static final String PROVINCE = "tinh.canbo";

  @Inject UnitSuccession succession;
  @Inject EntityManager em;

  private static int count(int level, String day) {
    return given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .get("/api/v1/org-units?level=" + level + "&validOn=" + day + "&size=1")
        .then()
        .statusCode(200)
        .extract()
        .path("totalItems");
  }

  @Test
  void shouldReadEachStateOfTheMapOnItsDays() {
    // districts and the two affiliated units at level 2, communes at level 3; from 01/07/2025 the
    // 92 communes sit at level 2 under the province, beside the affiliated units
    assertEquals(
        List.of(11, 178, 11, 177, 11, 172, 94, 0),
        List.of(
            count(2, "2022-06-30"),
            count(3, "2022-06-30"),
            count(2, "2024-06-30"),
            count(3, "2024-06-30"),
            count(2, "2025-06-30"),
            count(3, "2025-06-30"),
            count(2, "2025-07-01"),
            count(3, "2025-07-01")));
    assertEquals(1, count(1, "2025-07-01"));
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .get("/api/v1/org-units/05488?validOn=2025-07-01")
        .then()
        .statusCode(200)
        .body("unit.name", equalTo("Xã Đại Phúc"))
        .body("unit.parentCode", equalTo("19"))
        .body("predecessors.code", hasItem("05761"));
  }

  @Test
  void shouldLeadEveryCommuneOf2022ToAUnitOf2025() throws IOException {
    Set<String> communes;
    try (InputStream in = resource("thai-nguyen-units-2022.csv")) {
      communes =
          ChangeSetFiles.units(in, "thai-nguyen-units-2022.csv").stream()
              .filter(u -> u.level() == 3)
              .map(u -> u.code())
              .collect(Collectors.toSet());
    }
    assertEquals(178, communes.size());
    var closed = succession.of(communes, LocalDate.of(2025, 7, 1));
    List<String> lost =
        closed.entrySet().stream()
            .filter(e -> e.getValue().successors().isEmpty())
            .map(Map.Entry::getKey)
            .toList();
    assertEquals(List.of(), lost);
    // the three communes split between two new ones lead to both
    assertEquals(
        List.of("05443", "05467"),
        closed.get("05461").successors().stream().map(OrgUnitSummary::code).toList());
  }

  @Test
  void shouldAllocate2026StraightToTheCommunesAndReviewThemAtTheProvince() {
    // 2024: the nine districts (and the affiliated units) take the province's target
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .get("/api/v1/targets/allocation?plan=11-KH-BCH&item=I-2.1&year=2024&parent=19")
        .then()
        .statusCode(200)
        .body("rows", hasSize(11))
        .body("rows.unit.code", hasItems("171", "DVTT-CA"));
    // 2026: no district left; the 92 communes and the affiliated units, one column
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .get("/api/v1/targets/allocation?plan=11-KH-BCH&item=I-2.1&year=2026&parent=19")
        .then()
        .statusCode(200)
        .body("rows", hasSize(94))
        .body("rows.unit.code", hasItems("05488", "05443", "DVTT-QS"))
        .body("rows.unit.code", not(hasItem("171")))
        .body("rows.unit.level", everyItem(equalTo(2)));
    // 2025, split by the reform: the column is the map of 31/12 (the new communes take the year's
    // share); the districts that closed on 01/07/2025 are listed apart, read only, not summed
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .get("/api/v1/targets/allocation?plan=11-KH-BCH&item=I-2.1&year=2025&parent=19")
        .then()
        .statusCode(200)
        .body("rows", hasSize(94))
        .body("rows.unit.code", not(hasItem("171")))
        .body("closedDuringYear", hasSize(9))
        .body("closedDuringYear.unit.code", hasItems("171", "173"))
        .body("closedDuringYear.unit.validTo", everyItem(equalTo("2025-06-30")));
    // a quarter of 2026: the province reviews the communes' reports itself
    Reports.period("2026-Q2", true);
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .get("/api/v1/submissions/review-queue?plan=11-KH-BCH&period=2026-Q2")
        .then()
        .statusCode(200)
        .body("reviewerUnit", equalTo("19"))
        .body("units.unitCode", hasItems("05488", "05443"))
        .body("units.unitCode", not(hasItem("171")))
        .body("units.unitCode", not(hasItem("05761")));
  }

  @Test
  void shouldTreatACommuneAtLevelTwoAsACommune() {
    // After 01/07/2025 a commune sits at level 2, under the province, where the districts were; it
    // is still a cơ sở Hội: it counts itself in a proportional split, and its report holds what the
    // plan gives to the communes (7.3, "cấp xã"), not what it gives to the districts (7.2).
    List<Map<String, Object>> rows =
        given()
            .auth()
            .oauth2(Tokens.of(PROVINCE))
            .get("/api/v1/targets/allocation?plan=11-KH-BCH&item=I-2.1&year=2026&parent=19")
            .then()
            .statusCode(200)
            .extract()
            .path("rows");
    Map<String, Integer> communes =
        rows.stream()
            .collect(
                Collectors.toMap(
                    r -> (String) ((Map<?, ?>) r.get("unit")).get("code"),
                    r -> (Integer) r.get("communes")));
    assertEquals(1, communes.get("05908"));
    assertEquals(0, communes.get("DVTT-CA"));
    assertEquals(92, communes.values().stream().mapToInt(Integer::intValue).sum());

    Reports.period("2026-Q2", true);
    List<String> form =
        given()
            .auth()
            .oauth2(Tokens.of(PROVINCE))
            .get("/api/v1/submissions/form?plan=11-KH-BCH&period=2026-Q2&unit=05908")
            .then()
            .statusCode(200)
            .extract()
            .path("items.key");
    assertTrue(form.contains("I-7.3"), "the communes' item");
    assertTrue(!form.contains("I-7.2"), "the districts' item");
    assertTrue(!form.contains("I-3.2"), "reported by the districts");
    assertTrue(form.contains("I-2.1"));
  }

  @Test
  void shouldProposeEachNewCommunesTargetFromTheCommunesItCameFrom() {
    // targets of 2025 allocated on the old map, before the reform was loaded: Đại Phúc (05488)
    // came from Phúc Xuân (05488), Hùng Sơn (05761) and Tân Thái (05827), among others; Gia Sàng
    // (05461) was split between 05443 and 05467
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                Map.of("05488", 10, "05761", 30, "05827", 20, "05461", 8)
                    .forEach(
                        (unit, value) ->
                            em.createNativeQuery(
                                    """
                                    INSERT INTO target (plan_item_id, year, unit_code,
                                      parent_unit_code, value, method, created_at, updated_at)
                                    SELECT i.id, 2025, ?1, '164', ?2, 'manual', now(), now()
                                    FROM plan_item i JOIN plan p ON p.id = i.plan_id
                                    WHERE p.code = '11-KH-BCH' AND i.item_key = 'I-2.1'
                                    ON CONFLICT (plan_item_id, year, unit_code) DO NOTHING
                                    """)
                                .setParameter(1, unit)
                                .setParameter(2, value)
                                .executeUpdate()));
    var fill =
        given()
            .auth()
            .oauth2(Tokens.of(PROVINCE))
            .get(
                "/api/v1/targets/allocation/fill?plan=11-KH-BCH&item=I-2.1&year=2026&parent=19"
                    + "&method=predecessors")
            .then()
            .statusCode(200)
            .body("method", equalTo("predecessors"))
            .extract()
            .jsonPath();
    assertEquals(60, fill.getInt("rows.find { it.unitCode == '05488' }.value"));
    // the split commune's target is shared: half each, so the proposals add up to what it had
    assertEquals(4, fill.getInt("rows.find { it.unitCode == '05443' }.value"));
    assertEquals(4, fill.getInt("rows.find { it.unitCode == '05467' }.value"));
  }

  private static InputStream resource(String file) {
    InputStream in =
        RealMapTest.class.getClassLoader().getResourceAsStream("seed/org-units/" + file);
    if (in == null) {
      throw new UncheckedIOException(new IOException("no seed file " + file));
    }
    return in;
  }
}
