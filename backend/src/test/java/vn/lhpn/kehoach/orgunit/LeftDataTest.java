package vn.lhpn.kehoach.orgunit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.MapOf2025;
import vn.lhpn.kehoach.support.Tokens;

/**
 * What a change of the map could not move (docs/adr/0011): Xã Thượng Đình (05932) was split on
 * 01/07/2025 between Xã Phú Bình (05908) and Xã Điềm Thụy (05941), and Huyện Phú Bình (173) was
 * dissolved; a 2026 report and targets made on them before the reform was loaded stay there until
 * the province admin decides: the split commune's report moves to a unit it went into, with the
 * reason in its history; the district's target, with no unit to go to, is kept, decided. On the
 * real map of 2025; the rows it writes are removed afterwards.
 */
@QuarkusTest
@TestProfile(MapOf2025.class)
class LeftDataTest {
  private static final String LEFT = "/api/v1/org-unit-change-sets/left-data";

  @Inject EntityManager em;

  private static RequestSpecification as(String user) {
    return given().auth().oauth2(Tokens.of(user)).contentType("application/json");
  }

  @Test
  void shouldLetTheProvinceAdminMoveWhatASplitOrDissolvedUnitLeftToAUnitItWentInto() {
    long period = QuarkusTransaction.requiringNew().call(() -> id("period", "2026"));
    long item = QuarkusTransaction.requiringNew().call(() -> id("plan_item", "I-2.1"));
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              assertEquals(
                  0, count("submission WHERE period_id = ?1 AND unit_code = '05908'", period));
              sql(
                  "INSERT INTO submission (period_id, unit_code, state, created_by, created_at,"
                      + " updated_at) VALUES (?1, '05932', 'draft', 'test', now(), now())",
                  period);
              sql(target("05932", "173", 4), item);
              sql(target("173", "19", 30), item);
            });
    try {
      // only the province admin decides
      as("tinh.canbo").get(LEFT).then().statusCode(403);
      List<Map<String, Object>> left =
          as("admin").get(LEFT).then().statusCode(200).extract().path("$");
      Map<String, Object> reports = find(left, "05932", "reports");
      assertEquals("2026", reports.get("first"));
      assertEquals("2025-07-01", reports.get("from"));
      assertEquals(List.of("05908", "05941"), codes(reports.get("successors")));
      Map<String, Object> district = find(left, "173", "targets");
      assertTrue(codes(district.get("successors")).isEmpty());
      assertEquals(null, district.get("kept"));

      // refused, naming the field, and nothing moved
      move(
              "05932",
              Map.of("kind", "reports", "action", "move", "to", "05488", "reason", "Theo biên bản"))
          .statusCode(400)
          .contentType("application/problem+json")
          .body("errors.field", contains("to"))
          .body("errors[0].message", containsString("Xã Phú Bình (05908)"));
      move("05932", Map.of("kind", "reports", "action", "move", "to", "05908", "reason", " "))
          .statusCode(400)
          .body("errors.field", contains("reason"));
      move("05932", Map.of("kind", "values", "action", "move", "to", "05908", "reason", "x"))
          .statusCode(400)
          .body("errors.field", contains("kind"));
      move("05932", Map.of("kind", "reports", "action", "copy", "to", "05908", "reason", "x"))
          .statusCode(400)
          .body("errors.field", contains("action"));
      move("173", Map.of("kind", "targets", "action", "move", "to", "19", "reason", "x"))
          .statusCode(400)
          .body("errors[0].message", containsString("chỉ có thể giữ lại"));
      move("05908", Map.of("kind", "reports", "action", "move", "to", "05941", "reason", "x"))
          .statusCode(404);
      as("tinh.canbo")
          .body(Map.of("kind", "reports", "action", "move", "to", "05908", "reason", "x"))
          .post(LEFT + "/05932/decisions")
          .then()
          .statusCode(403);
      assertEquals(
          1L,
          QuarkusTransaction.requiringNew()
              .call(
                  () -> count("submission WHERE period_id = ?1 AND unit_code = '05932'", period)));

      // the split commune's report goes to Phú Bình; the district's target is kept, decided
      move(
              "05932",
              Map.of(
                  "kind",
                  "reports",
                  "action",
                  "move",
                  "to",
                  "05908",
                  "reason",
                  "Theo biên bản số 3/BB"))
          .statusCode(200)
          .body("moved", org.hamcrest.Matchers.equalTo(1))
          .body("left", org.hamcrest.Matchers.equalTo(0));
      move(
              "173",
              Map.of(
                  "kind", "targets", "action", "keep", "reason", "Huyện giải thể, không giao lại"))
          .statusCode(200)
          .body("moved", org.hamcrest.Matchers.equalTo(0))
          .body("left", org.hamcrest.Matchers.equalTo(1));
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                assertEquals(
                    1, count("submission WHERE period_id = ?1 AND unit_code = '05908'", period));
                Object reason =
                    em.createNativeQuery(
                            "SELECT e.reason FROM submission_event e JOIN submission s ON s.id ="
                                + " e.submission_id WHERE s.period_id = ?1 AND s.unit_code = '05908'"
                                + " AND e.kind = 'move'")
                        .setParameter(1, period)
                        .getSingleResult();
                assertTrue(
                    reason.toString().contains("Xã Thượng Đình (05932) → Xã Phú Bình (05908)"),
                    reason.toString());
                assertTrue(reason.toString().endsWith("Theo biên bản số 3/BB"), reason.toString());
              });
      List<Map<String, Object>> after =
          as("admin").get(LEFT).then().statusCode(200).extract().path("$");
      assertTrue(find(after, "05932", "reports") == null, "nothing left of the reports");
      Map<?, ?> kept = (Map<?, ?>) find(after, "173", "targets").get("kept");
      assertEquals(
          List.of("admin", "Huyện giải thể, không giao lại"),
          List.of(kept.get("by"), kept.get("reason")));
      assertEquals(1, find(after, "05932", "targets").get("count"), "the targets wait still");
      assertEquals(null, find(after, "05932", "targets").get("kept"));
    } finally {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                sql(
                    "DELETE FROM target_change WHERE target_id IN (SELECT id FROM target WHERE"
                        + " plan_item_id = ?1 AND year = 2026 AND unit_code IN ('05932', '173'))",
                    item);
                sql(
                    "DELETE FROM target WHERE plan_item_id = ?1 AND year = 2026 AND unit_code IN"
                        + " ('05932', '173')",
                    item);
                em.createNativeQuery("DELETE FROM left_data_decision WHERE unit_code = '173'")
                    .executeUpdate();
              });
    }
  }

  private io.restassured.response.ValidatableResponse move(String unit, Map<String, String> body) {
    return as("admin").body(body).post(LEFT + "/" + unit + "/decisions").then();
  }

  private static Map<String, Object> find(
      List<Map<String, Object>> left, String unit, String kind) {
    return left.stream()
        .filter(l -> unit.equals(l.get("unitCode")) && kind.equals(l.get("kind")))
        .findFirst()
        .orElse(null);
  }

  private static List<Object> codes(Object units) {
    return units == null
        ? List.of()
        : ((List<?>) units)
            .stream().map(u -> ((Map<?, ?>) u).get("code")).map(Object.class::cast).toList();
  }

  private static String target(String unit, String parent, int value) {
    return "INSERT INTO target (plan_item_id, year, unit_code, parent_unit_code, value, method,"
        + " created_at, updated_at) VALUES (?1, 2026, '"
        + unit
        + "', '"
        + parent
        + "', "
        + value
        + ", 'manual', now(), now())";
  }

  private long id(String table, String key) {
    String sql =
        table.equals("period")
            ? "SELECT pe.id FROM period pe JOIN plan p ON p.id = pe.plan_id WHERE p.code ="
                + " '11-KH-BCH' AND pe.code = ?1"
            : "SELECT i.id FROM plan_item i JOIN plan p ON p.id = i.plan_id WHERE p.code ="
                + " '11-KH-BCH' AND i.item_key = ?1";
    return ((Number) em.createNativeQuery(sql).setParameter(1, key).getSingleResult()).longValue();
  }

  private long count(String from, long param) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM " + from)
                .setParameter(1, param)
                .getSingleResult())
        .longValue();
  }

  private void sql(String statement, long param) {
    em.createNativeQuery(statement).setParameter(1, param).executeUpdate();
  }
}
