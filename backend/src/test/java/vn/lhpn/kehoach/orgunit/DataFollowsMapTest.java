package vn.lhpn.kehoach.orgunit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.orgunit.service.UnitData;
import vn.lhpn.kehoach.support.MapOf2025;

/**
 * What a closed unit holds after the day of a change moves to its one-to-one successor when the
 * change is applied (docs/adr/0010): Hùng Sơn's (05761) report and target of 2026, made before the
 * reform was loaded, go to Đại Phúc (05488), under the province, each with a line in its history; a
 * period the successor reported itself stays where it is, for a person to decide. On the real map
 * of 2025, in a rolled-back transaction.
 */
@QuarkusTest
@TestProfile(MapOf2025.class)
class DataFollowsMapTest {
  private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

  @Inject EntityManager em;
  @Inject Instance<UnitData> data;

  @Test
  @TestTransaction
  void shouldMoveAClosedUnitsReportsAndTargetsToItsSuccessorWithHistory() {
    long item = itemId();
    long year2026 = periodId("2026");
    long half2025 = periodId("2025-H2");
    report(year2026, "05761");
    report(half2025, "05761");
    // Đại Phúc reported the second half of 2025 itself: Hùng Sơn's stays for a decision
    report(half2025, "05488");
    target(item, 2026, "05761", "171", 12);

    String reason = "Đợt thay đổi đơn vị ngày 2025-07-01: Thị trấn Hùng Sơn (05761) → Xã Đại Phúc";
    assertEquals(1, of("reports").move("05761", "05488", "19", REFORM, "admin", reason));
    assertEquals(1, of("targets").move("05761", "05488", "19", REFORM, "admin", reason));

    assertEquals("05488", unitOf(year2026));
    assertEquals(
        List.of("move"),
        em.createNativeQuery(
                "SELECT e.kind FROM submission_event e JOIN submission s ON s.id = e.submission_id"
                    + " WHERE s.period_id = ?1 AND s.unit_code = '05488' AND e.reason = ?2")
            .setParameter(1, year2026)
            .setParameter(2, reason)
            .getResultList());
    // the half Đại Phúc reported itself: both reports still there, each on its own unit
    assertEquals(
        List.of("05488", "05761"),
        em.createNativeQuery(
                "SELECT unit_code FROM submission WHERE period_id = ?1 ORDER BY unit_code")
            .setParameter(1, half2025)
            .getResultList());
    Object[] t =
        (Object[])
            em.createNativeQuery(
                    "SELECT unit_code, parent_unit_code, value FROM target"
                        + " WHERE plan_item_id = ?1 AND year = 2026 AND unit_code = '05488'")
                .setParameter(1, item)
                .getSingleResult();
    assertEquals(List.of("05488", "19", 12), List.of(t[0], t[1], ((Number) t[2]).intValue()));
    assertEquals(
        "follow-map",
        em.createNativeQuery(
                "SELECT c.method FROM target_change c JOIN target t ON t.id = c.target_id"
                    + " WHERE t.plan_item_id = ?1 AND t.year = 2026 AND t.unit_code = '05488'")
            .setParameter(1, item)
            .getSingleResult());
    // what a unit listed after the day now holds: nothing left on Hùng Sơn but the decision
    assertEquals(
        List.of(new UnitData.Held("05761", "reports", 1, "2025-H2")),
        of("reports").after(List.of("05761"), REFORM));
    assertEquals(List.of(), of("targets").after(List.of("05761"), REFORM));
  }

  /**
   * A whole set at once (a country's reform): two closed units into one successor, both with a
   * report and a target of 2026. As one by one in the list's order: the first's moves, the second's
   * stays for a decision; the second's other period moves, with its own reason.
   */
  @Test
  @TestTransaction
  void shouldMoveManyUnitsInOneStatementAsOneByOneInTheListsOrder() {
    long item = itemId();
    long year2026 = periodId("2026");
    long half2025 = periodId("2025-H2");
    report(year2026, "05761");
    report(year2026, "05911");
    report(half2025, "05911");
    target(item, 2026, "05761", "171", 12);
    target(item, 2026, "05911", "173", 7);
    List<UnitData.Move> moves =
        List.of(
            new UnitData.Move("05761", "05488", "19", "Hùng Sơn → Đại Phúc"),
            new UnitData.Move("05911", "05488", "19", "Bàn Đạt → Đại Phúc"));

    assertEquals(Map.of("05761", 1, "05911", 1), of("reports").moveAll(moves, REFORM, "admin"));
    assertEquals(Map.of("05761", 1), of("targets").moveAll(moves, REFORM, "admin"));

    assertEquals(
        List.of("05488", "05911"),
        em.createNativeQuery(
                "SELECT unit_code FROM submission WHERE period_id = ?1 AND unit_code IN"
                    + " ('05761', '05911', '05488') ORDER BY unit_code")
            .setParameter(1, year2026)
            .getResultList());
    assertEquals(
        "Bàn Đạt → Đại Phúc",
        em.createNativeQuery(
                "SELECT e.reason FROM submission_event e JOIN submission s ON s.id ="
                    + " e.submission_id WHERE s.period_id = ?1 AND s.unit_code = '05488'"
                    + " AND e.kind = 'move'")
            .setParameter(1, half2025)
            .getSingleResult());
    assertEquals(
        List.of(12, 7),
        em
            .createNativeQuery(
                "SELECT value FROM target WHERE plan_item_id = ?1 AND year = 2026"
                    + " AND unit_code IN ('05488', '05911') ORDER BY unit_code")
            .setParameter(1, item)
            .getResultList()
            .stream()
            .map(v -> ((Number) v).intValue())
            .toList());
    assertEquals(
        List.of(
            new UnitData.Held("05911", "reports", 1, "2026"),
            new UnitData.Held("05911", "targets", 1, "2026")),
        List.of(
            of("reports").after(List.of("05761", "05911"), REFORM).get(0),
            of("targets").after(List.of("05761", "05911"), REFORM).get(0)));
  }

  private UnitData of(String kind) {
    return data.stream().filter(d -> d.kind().equals(kind)).findFirst().orElseThrow();
  }

  private long itemId() {
    return ((Number)
            em.createNativeQuery(
                    "SELECT i.id FROM plan_item i JOIN plan p ON p.id = i.plan_id"
                        + " WHERE p.code = '11-KH-BCH' AND i.item_key = 'I-2.1'")
                .getSingleResult())
        .longValue();
  }

  private long periodId(String code) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT pe.id FROM period pe JOIN plan p ON p.id = pe.plan_id"
                        + " WHERE p.code = '11-KH-BCH' AND pe.code = ?1")
                .setParameter(1, code)
                .getSingleResult())
        .longValue();
  }

  private void report(long period, String unit) {
    em.createNativeQuery(
            "INSERT INTO submission (period_id, unit_code, state, created_by, created_at,"
                + " updated_at) VALUES (?1, ?2, 'draft', 'test', now(), now())")
        .setParameter(1, period)
        .setParameter(2, unit)
        .executeUpdate();
  }

  private void target(long item, int year, String unit, String parent, int value) {
    em.createNativeQuery(
            "INSERT INTO target (plan_item_id, year, unit_code, parent_unit_code, value, method,"
                + " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'manual', now(), now())")
        .setParameter(1, item)
        .setParameter(2, (short) year)
        .setParameter(3, unit)
        .setParameter(4, parent)
        .setParameter(5, value)
        .executeUpdate();
  }

  private String unitOf(long period) {
    return (String)
        em.createNativeQuery(
                "SELECT unit_code FROM submission WHERE period_id = ?1 AND unit_code IN"
                    + " ('05761', '05488')")
            .setParameter(1, period)
            .getSingleResult();
  }
}
