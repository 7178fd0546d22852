package vn.lhpn.kehoach.orgunit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.common.Csv;
import vn.lhpn.kehoach.support.Tokens;

@QuarkusTest
class OrgUnitResourceTest {
  private static final String PROVINCE = "tinh.canbo";

  private static JsonPath list(String user, String query) {
    return given()
        .auth()
        .oauth2(Tokens.of(user))
        .get("/api/v1/org-units?size=200&" + query)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  @Test
  void shouldGiveNineDistrictsAnd178CommunesOn2022_06_30() {
    JsonPath level2 = list(PROVINCE, "level=2&validOn=2022-06-30");
    List<String> types = level2.getList("items.type");
    assertEquals(9, types.stream().filter(t -> !t.equals("affiliated")).count());
    assertEquals(2, types.stream().filter(t -> t.equals("affiliated")).count());
    assertEquals(178, list(PROVINCE, "level=3&validOn=2022-06-30").getInt("totalItems"));
  }

  @Test
  void shouldGive177CommunesOn2024_06_30() {
    assertEquals(177, list(PROVINCE, "level=3&validOn=2024-06-30").getInt("totalItems"));
  }

  /** The 2022 state plus the changes of 10/04/2023 must be exactly GSO's 2024 state. */
  @Test
  void shouldMatchTheGso2024StateAfterApplyingThe2023Changes() throws Exception {
    Map<String, String> expected;
    try (InputStream in =
        getClass()
            .getClassLoader()
            .getResourceAsStream("seed/org-units/thai-nguyen-units-2024.csv")) {
      expected =
          Csv.read(in, "2024", List.of("code", "name", "type", "parent_code", "level")).stream()
              .collect(
                  Collectors.toMap(
                      r -> r.get("code"),
                      r ->
                          r.get("name")
                              + "|"
                              + r.get("type")
                              + "|"
                              + r.get("parent_code")
                              + "|"
                              + r.get("level"),
                      (a, b) -> a,
                      TreeMap::new));
    }
    Map<String, String> actual = new TreeMap<>();
    for (int page = 0; ; page++) {
      JsonPath json = list(PROVINCE, "validOn=2024-06-30&page=" + page);
      List<Map<String, Object>> items = json.getList("items");
      for (Map<String, Object> u : items) {
        if (!"affiliated".equals(u.get("type"))) {
          actual.put(
              (String) u.get("code"),
              u.get("name")
                  + "|"
                  + u.get("type")
                  + "|"
                  + (u.get("parentCode") == null ? "" : u.get("parentCode"))
                  + "|"
                  + u.get("level"));
        }
      }
      if (items.size() < 200) {
        break;
      }
    }
    assertEquals(expected, actual);
  }

  @Test
  void shouldRecordTheQuanChuMergeBothWays() {
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .get("/api/v1/org-units/05851?validOn=2024-01-01")
        .then()
        .statusCode(200)
        .body("unit.name", equalTo("Thị trấn Quân Chu"))
        .body("unit.type", equalTo("township"))
        .body("unit.validFrom", equalTo("2023-04-10"))
        .body("predecessors.unit.code", containsInAnyOrder("05764", "05851"))
        .body("predecessors.change", everyItem(equalTo("merge")))
        .body("parents.code", contains("171", "19"));
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .get("/api/v1/org-units/05764")
        .then()
        .statusCode(200)
        .body("unit.name", equalTo("Thị trấn Quân Chu"))
        .body("unit.validTo", equalTo("2023-04-09"))
        .body("successors[0].unit.code", equalTo("05851"))
        .body("successors[0].unit.validFrom", equalTo("2023-04-10"));
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .get("/api/v1/org-units/05692?validOn=2022-06-30")
        .then()
        .statusCode(200)
        .body("unit.name", equalTo("Xã Hóa Thượng"))
        .body("successors[0].change", equalTo("reclassify"))
        .body("successors[0].unit.name", equalTo("Thị trấn Hóa Thượng"));
  }

  @Test
  void shouldFindUnitsIgnoringDiacriticsAndCase() {
    assertEquals(List.of("05761"), list(PROVINCE, "q=hung son").getList("items.code"));
    assertEquals(List.of("05761"), list(PROVINCE, "q=HÙNG SƠN").getList("items.code"));
    List<String> daiTu = list(PROVINCE, "q=dai tu").getList("items.code");
    assertEquals(List.of("171"), daiTu);
  }

  @Test
  void shouldGiveOneUnitWithItsParentChain() {
    given()
        .auth()
        .oauth2(Tokens.of("xa.hungson"))
        .get("/api/v1/org-units/05761")
        .then()
        .statusCode(200)
        .body("unit.name", equalTo("Thị trấn Hùng Sơn"))
        .body("parents.name", contains("Huyện Đại Từ", "Tỉnh Thái Nguyên"));
  }

  @Test
  void shouldLimitACommuneToItselfAndTheChainAbove() {
    assertEquals(List.of("19", "171", "05761"), list("xa.hungson", "").getList("items.code"));
    given()
        .auth()
        .oauth2(Tokens.of("xa.hungson"))
        .get("/api/v1/org-units/05767")
        .then()
        .statusCode(404);
    given()
        .auth()
        .oauth2(Tokens.of("xa.hungson"))
        .get("/api/v1/org-units/171/subtree")
        .then()
        .statusCode(200)
        .body("children.code", contains("05761"));
  }

  @Test
  void shouldNotShowASiblingDistrict() {
    given()
        .auth()
        .oauth2(Tokens.of("huyen.daitu"))
        .get("/api/v1/org-units/173")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    List<String> codes = list("huyen.daitu", "level=3").getList("items.code");
    org.hamcrest.MatcherAssert.assertThat(codes, not(hasItem("05908")));
    org.hamcrest.MatcherAssert.assertThat(codes, hasItem("05761"));
  }

  @Test
  void shouldGiveTheSubtreeOnADay() {
    given()
        .auth()
        .oauth2(Tokens.of("huyen.daitu"))
        .get("/api/v1/org-units/171/subtree?validOn=2022-06-30")
        .then()
        .statusCode(200)
        .body("children", hasSize(30));
    given()
        .auth()
        .oauth2(Tokens.of("huyen.daitu"))
        .get("/api/v1/org-units/171/subtree?validOn=2024-06-30")
        .then()
        .statusCode(200)
        .body("children", hasSize(29));
  }

  @Test
  void shouldRefuseBadParametersNamingThem() {
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .get("/api/v1/org-units?validOn=30/06/2022")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", contains("validOn"));
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .get("/api/v1/org-units?size=1000")
        .then()
        .statusCode(400)
        .body("errors.field", contains("size"));
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .get("/api/v1/org-units?type=village")
        .then()
        .statusCode(400)
        .body("errors.field", contains("type"));
  }
}
