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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.progress.service.RollupWriter;
import vn.lhpn.kehoach.support.MapOf2025;
import vn.lhpn.kehoach.support.Tokens;

/**
 * Results carried across the 2025 reform, on the real lineage (docs/adr/0011): a commune of
 * 01/07/2025 shows, for the years before it existed, what its predecessors of each year's last day
 * reported, marked as carried; the three split communes' figures are shown whole by each unit they
 * went into, with the fact that they cannot be divided; the province's totals count every report
 * once. The reports are of 2023-Q4, which no other test of this start writes.
 */
@QuarkusTest
@TestProfile(MapOf2025.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CarriedResultsTest {
  private static final String PLAN = "11-KH-BCH";
  private static final String ITEM = "I-2.1";

  /** Phường Gia Sàng (05461) was split between 05443 and 05467; Cam Giá (05467) too. */
  private static final Map<String, Integer> REPORTED =
      Map.of("05461", 6, "05443", 2, "05467", 3, "05473", 1, "05914", 4, "05761", 5);

  @Inject EntityManager em;
  @Inject RollupWriter writer;

  private BigDecimal province2023Before;

  /** Once, at the first test (REST Assured knows the app's port only in a test). */
  @BeforeEach
  void report() {
    if (province2023Before != null) {
      return;
    }
    province2023Before = provinceTotal(2023);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Plan plan = Plan.find("code", PLAN).firstResult();
              long item = itemId(plan);
              em.createNativeQuery(
                      """
                      INSERT INTO period (plan_id, code, kind, year, number, starts_on, ends_on,
                        due_on, state, created_at, updated_at)
                      VALUES (?1, '2023-Q4', 'quarter', 2023, 4, DATE '2023-10-01',
                        DATE '2023-12-31', DATE '2023-12-31', 'closed', now(), now())
                      ON CONFLICT (plan_id, code) DO NOTHING
                      """)
                  .setParameter(1, plan.id)
                  .executeUpdate();
              REPORTED.forEach(
                  (unit, value) -> {
                    em.createNativeQuery(
                            """
                            INSERT INTO submission (period_id, unit_code, state, created_by,
                              created_at, updated_at, submitted_at, submitted_by, reviewed_at,
                              reviewed_by)
                            SELECT id, ?2, 'approved', 'test', now(), now(), now(), 'test', now(),
                              'test'
                            FROM period WHERE plan_id = ?1 AND code = '2023-Q4'
                            """)
                        .setParameter(1, plan.id)
                        .setParameter(2, unit)
                        .executeUpdate();
                    em.createNativeQuery(
                            """
                            INSERT INTO submission_value (submission_id, plan_item_id, number,
                              updated_by, created_at, updated_at)
                            SELECT s.id, ?3, ?4, 'test', now(), now()
                            FROM submission s JOIN period p ON p.id = s.period_id
                            WHERE p.plan_id = ?1 AND p.code = '2023-Q4' AND s.unit_code = ?2
                            """)
                        .setParameter(1, plan.id)
                        .setParameter(2, unit)
                        .setParameter(3, item)
                        .setParameter(4, BigDecimal.valueOf(value))
                        .executeUpdate();
                    writer.refresh(plan.id, unit, 2023);
                  });
            });
  }

  @Test
  void shouldCarryThePredecessorsFiguresMarkedAndShowASplitCommuneWhole() {
    JsonPath gia = term("05467");
    // the new Phường Gia Sàng: Gia Sàng (split, also into 05443), Cam Giá (split, also into
    // 05500), Hương Sơn and Đồng Liên, as the lineage says
    assertEquals(
        List.of("05461", "05467", "05473", "05914"),
        gia.getList("carried.find { it.year == 2023 }.from.code"));
    assertEquals(
        List.of("05443"),
        gia.getList("carried.find { it.year == 2023 }.from.find { it.code == '05461' }.alsoInto"));
    assertEquals(
        List.of("05500"),
        gia.getList("carried.find { it.year == 2023 }.from.find { it.code == '05467' }.alsoInto"));
    assertEquals(approvedSum(List.of("05461", "05467", "05473", "05914")), value(gia, 2023));
    assertTrue(
        gia.getBoolean(
            "items.find { it.itemKey == 'I-2.1' }.years.find { it.year == 2023 }.carried"));
    // the years it exists are its own
    assertEquals(
        false,
        gia.getBoolean(
            "items.find { it.itemKey == 'I-2.1' }.years.find { it.year == 2025 }.carried"));

    JsonPath phan = term("05443");
    // Phan Đình Phùng carries Gia Sàng's figure whole too: it cannot be divided
    assertEquals(
        List.of("05467"),
        phan.getList("carried.find { it.year == 2023 }.from.find { it.code == '05461' }.alsoInto"));
    assertEquals(approvedSum(List.of("05461", "05443")), value(phan, 2023));
    // Đại Phúc (05488) carries Hùng Sơn
    assertEquals(approvedSum(List.of("05761")), value(term("05488"), 2023));

    // the province counts every report once, whatever its successors carry
    BigDecimal reported =
        BigDecimal.valueOf(REPORTED.values().stream().mapToInt(Integer::intValue).sum());
    assertEquals(
        0, provinceTotal(2023).subtract(province2023Before).compareTo(reported), "province 2023");
  }

  @Test
  void shouldSayWhatThePreReformFiguresOfTheProvinceDoNotCover() {
    JsonPath province = term("19");
    // Bắc Kạn's 108 communes went into 37 new ones, and the province of Bắc Kạn into the province:
    // none of them was ever on the system
    assertEquals("2025-07-01", province.getString("gaps[0].day"));
    assertEquals(38, province.getInt("gaps[0].units"));
    assertEquals(109, province.getInt("gaps[0].predecessors"));
    // the merged province's years before the reform: Thái Nguyên's, with Bắc Kạn's missing
    assertEquals(
        List.of(false, true), province.getList("carried.find { it.year == 2024 }.from.onSystem"));
    assertEquals(
        0,
        provinceTotal(2023)
            .compareTo(
                new BigDecimal(
                    province
                        .get(
                            "items.find { it.itemKey == 'I-2.1' }.years.find { it.year == 2023 }.value")
                        .toString())));
    // a Bắc Kạn commune's years before the reform are carried from units never on the system:
    // no figure (2022; the import story of this class loads 2024 only)
    JsonPath bacKan = term(bacKanCommune());
    assertEquals(false, bacKan.getBoolean("carried[0].from[0].onSystem"));
    assertEquals(
        (Object) null,
        bacKan.get("items.find { it.itemKey == 'I-2.1' }.years.find { it.year == 2022 }.value"));
  }

  @Test
  void shouldSayInTheTermReportHowTheReformWasHandled() {
    String map =
        given()
            .auth()
            .oauth2(Tokens.of("tinh.canbo"))
            .get("/api/v1/summary-reports?plan=" + PLAN + "&unit=19&period=term")
            .then()
            .statusCode(200)
            .extract()
            .path("blocks.find { it.key == 'map' }.text");
    // the mergers of 2024, then the merged province with no district level, and the rule
    assertTrue(
        map.contains(
            "Từ ngày 01 tháng 12 năm 2024, theo sắp xếp đơn vị hành chính, Tỉnh Thái Nguyên có 11"
                + " đơn vị trực thuộc và 172 đơn vị cấp cơ sở (trước đó 11 đơn vị trực thuộc và 177"
                + " đơn vị cấp cơ sở)."),
        map);
    assertTrue(
        map.contains(
            "Từ ngày 01 tháng 7 năm 2025, theo sắp xếp đơn vị hành chính, Tỉnh Thái Nguyên hợp nhất"
                + " với Tỉnh Bắc Kạn, có 94 đơn vị trực thuộc, trong đó 92 đơn vị cấp cơ sở (trước"
                + " đó 11 đơn vị trực thuộc và 172 đơn vị cấp cơ sở); không còn cấp huyện."),
        map);
    assertTrue(map.contains("tổng hợp theo các đơn vị có tại ngày 31/12 năm đó"), map);
    assertTrue(
        map.contains(
            "109 đơn vị cũ nhập vào 38 đơn vị từ ngày 01 tháng 7 năm 2025 chưa từng có trên hệ"
                + " thống"),
        map);
  }

  @Test
  void shouldLoadACommunesFiguresFromBeforeItWasOnTheSystemAndCarryThemMarked() {
    String commune = bacKanCommune();
    String sheet =
        "unit_code,period,item,value\n"
            + commune
            + ",2024,I-2.1,12\n"
            + commune
            + ",2024,I-2.2,3\n"
            + commune
            + ",2025-H2,I-2.1,4\n"
            + commune
            + ",2023,I-2.1,-1\n";
    // a reporter may not; a dry run lists every problem by its line and writes nothing
    load("xa.hungson", sheet, true).statusCode(403);
    load("tinh.canbo", sheet, true)
        .statusCode(200)
        .body("rows", org.hamcrest.Matchers.equalTo(4))
        .body("created", org.hamcrest.Matchers.equalTo(0))
        .body("issues.line", org.hamcrest.Matchers.contains(4, 5))
        .body("issues.field", org.hamcrest.Matchers.contains("period", "value"));
    load("tinh.canbo", sheet, false).statusCode(422).contentType("application/problem+json");
    assertEquals(null, value(term(commune), 2024));

    String good = sheet.substring(0, sheet.indexOf(commune + ",2025-H2"));
    load("tinh.canbo", good, false)
        .statusCode(200)
        .body("reports", org.hamcrest.Matchers.equalTo(1))
        .body("created", org.hamcrest.Matchers.equalTo(1));
    // loaded once: the same rows again are refused by line
    load("tinh.canbo", good, true)
        .statusCode(200)
        .body("issues[0].line", org.hamcrest.Matchers.equalTo(2));

    JsonPath t = term(commune);
    assertEquals(new BigDecimal("12"), value(t, 2024));
    assertEquals(true, t.getBoolean("carried.find { it.year == 2024 }.imported"));
    assertEquals(false, t.getBoolean("carried.find { it.year == 2023 }.imported"));
    // the report says it was loaded, and by whom, in its history
    long id =
        given()
            .auth()
            .oauth2(Tokens.of("tinh.canbo"))
            .get("/api/v1/submissions?plan=" + PLAN + "&period=2024&unit=" + commune)
            .then()
            .statusCode(200)
            .extract()
            .<Integer>path("items[0].id")
            .longValue();
    given()
        .auth()
        .oauth2(Tokens.of("tinh.canbo"))
        .get("/api/v1/submissions/" + id)
        .then()
        .statusCode(200)
        .body("imported", org.hamcrest.Matchers.equalTo(true))
        .body("state", org.hamcrest.Matchers.equalTo("approved"));
    given()
        .auth()
        .oauth2(Tokens.of("tinh.canbo"))
        .get("/api/v1/submissions/" + id + "/history")
        .then()
        .statusCode(200)
        .body("kind", org.hamcrest.Matchers.hasItems("import", "approve"))
        .body(
            "actor", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.equalTo("tinh.canbo")));
  }

  private static io.restassured.response.ValidatableResponse load(
      String user, String csv, boolean dryRun) {
    return given()
        .auth()
        .oauth2(Tokens.of(user))
        .multiPart(
            "file",
            "bac-kan-truoc-sap-xep.csv",
            csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .queryParam("plan", PLAN)
        .queryParam("dryRun", dryRun)
        .post("/api/v1/submissions/imports")
        .then();
  }

  private String bacKanCommune() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (String)
                    em.createNativeQuery(
                            """
                            SELECT u.code FROM org_unit_lineage l
                            JOIN org_unit u ON u.id = l.to_unit_id
                            WHERE l.from_unit_id IS NULL ORDER BY u.code LIMIT 1
                            """)
                        .getSingleResult());
  }

  private static JsonPath term(String unit) {
    return given()
        .auth()
        .oauth2(Tokens.of("tinh.canbo"))
        .get("/api/v1/progress/term?plan=" + PLAN + "&unit=" + unit)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static BigDecimal value(JsonPath term, int year) {
    Object v =
        term.get(
            "items.find { it.itemKey == '"
                + ITEM
                + "' }.years.find { it.year == "
                + year
                + " }.value");
    return v == null ? null : new BigDecimal(v.toString());
  }

  private static BigDecimal provinceTotal(int year) {
    Object v =
        given()
            .auth()
            .oauth2(Tokens.of("tinh.canbo"))
            .get("/api/v1/progress?plan=" + PLAN + "&unit=19&year=" + year)
            .then()
            .statusCode(200)
            .extract()
            .path("items.find { it.itemKey == '" + ITEM + "' }.subtree.value");
    return v == null ? BigDecimal.ZERO : new BigDecimal(v.toString());
  }

  /** The approved figures of some units for 2023, straight from the reports. */
  private BigDecimal approvedSum(List<String> units) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                new BigDecimal(
                    ((BigDecimal)
                            em.createNativeQuery(
                                    """
                                    SELECT coalesce(sum(v.number), 0) FROM submission s
                                    JOIN period p ON p.id = s.period_id
                                    JOIN plan pl ON pl.id = p.plan_id
                                    JOIN submission_value v ON v.submission_id = s.id
                                    JOIN plan_item i ON i.id = v.plan_item_id
                                    WHERE pl.code = ?1 AND p.year = 2023 AND s.state = 'approved'
                                      AND i.item_key = ?2 AND s.unit_code IN (?3)
                                    """)
                                .setParameter(1, PLAN)
                                .setParameter(2, ITEM)
                                .setParameter(3, units)
                                .getSingleResult())
                        .stripTrailingZeros()
                        .toPlainString()));
  }

  private long itemId(Plan plan) {
    return ((Number)
            em.createNativeQuery("SELECT id FROM plan_item WHERE plan_id = ?1 AND item_key = ?2")
                .setParameter(1, plan.id)
                .setParameter(2, ITEM)
                .getSingleResult())
        .longValue();
  }
}
