package vn.lhpn.kehoach.progress;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lhpn.kehoach.submission.Reports.HUONG_SON;
import static vn.lhpn.kehoach.submission.Reports.PHO_BINH;
import static vn.lhpn.kehoach.submission.Reports.PLAN;
import static vn.lhpn.kehoach.submission.Reports.act;
import static vn.lhpn.kehoach.submission.Reports.as;
import static vn.lhpn.kehoach.submission.Reports.create;
import static vn.lhpn.kehoach.submission.Reports.id;
import static vn.lhpn.kehoach.submission.Reports.value;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The national data set of the benchmark, small: the national union above Thái Nguyên and two
 * made-up provinces, loaded through the bulk path at start. The national figures equal every unit's
 * own figures added up in SQL, an approval in a commune reaches the national unit at once, and the
 * province keeps its powers below the national union. Its own profile (and so its own start on a
 * cleaned database), after the other tests.
 */
@QuarkusTest
@TestProfile(NationalDataTest.Small.class)
class NationalDataTest {
  public static class Small implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "kehoach.national-data.enabled", "true",
          "kehoach.national-data.provinces", "3",
          "kehoach.national-data.districts", "13",
          "kehoach.national-data.communes", "200");
    }
  }

  @Inject AgroalDataSource db;

  private long number(String sql, Object... parameters) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        ps.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private BigDecimal nationalSum(String item, int year) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT coalesce(sum(r.approved_sum), 0) FROM rollup_total r JOIN plan_item i"
                    + " ON i.id = r.plan_item_id WHERE r.unit_code = 'VN' AND i.item_key = ?"
                    + " AND r.year = ?")) {
      ps.setString(1, item);
      ps.setShort(2, (short) year);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBigDecimal(1);
      }
    }
  }

  @Test
  void shouldAddUpEveryUnitOfTheCountryAtTheNationalUnit() throws Exception {
    assertEquals(
        1,
        number(
            "SELECT count(*) FROM org_unit WHERE code = 'VN' AND level = 0 AND type = 'central'"));
    assertEquals(
        1, number("SELECT count(*) FROM org_unit WHERE code = '19' AND parent_code = 'VN'"));
    assertEquals(3, number("SELECT count(*) FROM org_unit WHERE level = 1 AND parent_code = 'VN'"));
    assertEquals(
        13,
        number(
            "SELECT count(DISTINCT code) FROM org_unit WHERE level = 2 AND type <> 'affiliated'"
                + " AND valid_to IS NULL"));
    assertEquals(
        200,
        number("SELECT count(DISTINCT code) FROM org_unit WHERE level = 3 AND valid_to IS NULL"));
    assertTrue(number("SELECT count(*) FROM submission_value") > 10_000, "values loaded");

    // every (item, year) of the national unit against every unit's own approved figure, in SQL
    long compared =
        number(
            """
            SELECT count(*) FROM rollup_total WHERE unit_code = 'VN' AND approved_units > 0
            """);
    assertTrue(compared > 100, "national rows with approved figures: " + compared);
    long different =
        number(
            """
            SELECT count(*) FROM (
              SELECT plan_item_id, year,
                     coalesce(sum(approved_number), 0) AS s,
                     count(*) FILTER (WHERE approved_sources IS NOT NULL) AS n,
                     count(*) FILTER (WHERE approved_status = 'done') AS done
              FROM unit_year_value GROUP BY plan_item_id, year) own
            FULL JOIN (SELECT plan_item_id, year, approved_sum, approved_units, approved_done
                       FROM rollup_total WHERE unit_code = 'VN') nation
              USING (plan_item_id, year)
            WHERE coalesce(own.s, 0) <> coalesce(nation.approved_sum, 0)
               OR coalesce(own.n, 0) <> coalesce(nation.approved_units, 0)
               OR coalesce(own.done, 0) <> coalesce(nation.approved_done, 0)
            """);
    assertEquals(0, different, "national rows that differ from the units' own figures");

    // the province reads its progress below the national union; the unit above is named
    as("tinh.lanhdao")
        .get("/api/v1/org-units/19")
        .then()
        .statusCode(200)
        .body("unit.parentCode", equalTo("VN"));
  }

  @Test
  void shouldCarryAnApprovalToTheNationalUnitAndKeepTheProvincesPowers() throws Exception {
    // opening a period is the province planner's power: kept below the national union
    ProgressResourceTest.open("2026-H2");
    BigDecimal before = nationalSum("I-2.1", 2026);
    long id = id(create(HUONG_SON, "2026-H2", "05908", List.of(value("I-2.1", 7))).statusCode(201));
    act(HUONG_SON, id, "submit", null).statusCode(200);
    act(PHO_BINH, id, "approve", null).statusCode(200);
    assertEquals(0, before.add(BigDecimal.valueOf(7)).compareTo(nationalSum("I-2.1", 2026)));
    as("tinh.lanhdao")
        .get("/api/v1/progress?plan=" + PLAN + "&unit=19&year=2026")
        .then()
        .statusCode(200)
        .body("unit.parentCode", equalTo("VN"));
  }
}
