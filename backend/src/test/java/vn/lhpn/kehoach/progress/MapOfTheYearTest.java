package vn.lhpn.kehoach.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.orgunit.UnitsChanged;
import vn.lhpn.kehoach.orgunit.service.OrgUnitTree;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.progress.service.ProgressContext;
import vn.lhpn.kehoach.progress.service.RollupDelta;
import vn.lhpn.kehoach.progress.service.RollupRebuild;
import vn.lhpn.kehoach.progress.service.RollupWriter;
import vn.lhpn.kehoach.support.MapOf2025;

/**
 * A year is rolled up by the map of its last day (docs/adr/0011), on the real map of 2025: the
 * reports of 2024 add up under the nine districts, those of 2025 under the province only, a commune
 * merged away during a year keeps its own figure but adds to no unit (its successor's year report
 * covers it), and the step-by-step rollup, the rebuild and the rebuild a change set sets off agree.
 * The writes in one rolled-back transaction, on the start of {@link MapOf2025}.
 */
@QuarkusTest
@TestProfile(MapOf2025.class)
class MapOfTheYearTest {
  @Inject EntityManager em;
  @Inject RollupWriter writer;
  @Inject RollupRebuild rebuild;
  @Inject ProgressContext progress;
  @Inject OrgUnitTree tree;
  @Inject Event<UnitsChanged> unitsChanged;

  @Test
  void shouldFollowTheMapOfEachYearsLastDay() {
    // Hùng Sơn (05761, Đại Từ) closed on 30/06/2025 into Đại Phúc (05488, under the province);
    // 05569 was Xã Bảo Cường until 30/11/2024, Thị trấn Chợ Chu, then Xã Định Hóa from 01/07/2025
    assertEquals(List.of("171", "19"), tree.rollupAncestors("05761", 2024));
    assertEquals(List.of(), tree.rollupAncestors("05761", 2025));
    assertEquals(List.of("164", "19"), tree.rollupAncestors("05488", 2024));
    assertEquals(List.of("19"), tree.rollupAncestors("05488", 2025));
    assertEquals(List.of("19"), tree.rollupAncestors("05488", 2026));
    assertEquals(List.of("167", "19"), tree.rollupAncestors("05569", 2024));
    // Thị trấn Chợ Chu of 2023 (05536) merged on 01/12/2024
    assertEquals(List.of("167", "19"), tree.rollupAncestors("05536", 2023));
    assertEquals(List.of(), tree.rollupAncestors("05536", 2024));
  }

  @Test
  void shouldCountTheUnitsOfEachYearsLastDayAsDue() {
    var subtree = tree.subtreeCodes("19");
    var byYear = tree.countByYearAndTier("19", subtree, 2022, 2026, MonthDay.of(12, 31));
    // by tier (what a plan's "cấp thực hiện" names): districts and the two affiliated units,
    // communes; then the two affiliated units and the 92 communes, still of the communes' tier at
    // level 2 (an item for "cấp xã" stays due from each of them, one for "cấp huyện" from none)
    assertEquals(Map.of(1, 1, 2, 11, 3, 177), byYear.get(2023));
    assertEquals(Map.of(1, 1, 2, 11, 3, 172), byYear.get(2024));
    assertEquals(Map.of(1, 1, 2, 2, 3, 92), byYear.get(2025));
    assertEquals(Map.of(1, 1, 2, 2, 3, 92), byYear.get(2026));
    // the first half of 2025 is still the 9/172 map
    assertEquals(
        Map.of(1, 1, 2, 11, 3, 172),
        tree.countByYearAndTier("19", subtree, 2025, 2025, MonthDay.of(6, 30)).get(2025));
    // a district that closed counts nothing in the year it closed
    assertEquals(
        null,
        tree.countByYearAndTier("171", tree.subtreeCodes("171"), 2025, 2025, MonthDay.of(12, 31))
            .get(2025));
  }

  @Test
  @TestTransaction
  void shouldAddEachReportUpTheMapOfItsYearOnceAndRebuildTheSame() {
    Plan plan = Plan.find("code", "11-KH-BCH").firstResult();
    long item = itemId(plan, "I-2.1");
    Map<String, BigDecimal> before = rollups(item);
    Map<String, BigDecimal> ownBefore = own(item);

    approve(plan, "2024-Q1", "05761", item, 10);
    approve(plan, "2024-Q1", "05488", item, 5);
    approve(plan, "2024-Q1", "05569", item, 3);
    approve(plan, "2024-Q1", "05536", item, 4);
    approve(plan, "2025-Q1", "05761", item, 7);
    approve(plan, "2025-Q1", "05569", item, 2);
    approve(plan, "2025-Q3", "05569", item, 9);
    approve(plan, "2025", "05488", item, 40);
    for (String unit : List.of("05761", "05488", "05569", "05536")) {
      writer.refresh(plan.id, unit, 2024);
      writer.refresh(plan.id, unit, 2025);
    }

    Map<String, BigDecimal> added = minus(rollups(item), before);
    Map<String, BigDecimal> expected = new TreeMap<>();
    // 2024: each district its communes of 31/12/2024; the merged-away 05536 adds to no one
    expected.put("171/2024", BigDecimal.valueOf(10));
    expected.put("164/2024", BigDecimal.valueOf(5));
    expected.put("167/2024", BigDecimal.valueOf(3));
    expected.put("19/2024", BigDecimal.valueOf(18));
    // 2025: the province's communes of 31/12/2025 only: Đại Phúc's year (40) covers Hùng Sơn's
    // first quarter, Định Hóa's quarters add up (2 + 9); no district is in 2025's rollups
    expected.put("19/2025", BigDecimal.valueOf(51));
    // each unit's own subtree row holds its own figure
    expected.put("05761/2024", BigDecimal.valueOf(10));
    expected.put("05488/2024", BigDecimal.valueOf(5));
    expected.put("05569/2024", BigDecimal.valueOf(3));
    expected.put("05536/2024", BigDecimal.valueOf(4));
    expected.put("05761/2025", BigDecimal.valueOf(7));
    expected.put("05488/2025", BigDecimal.valueOf(40));
    expected.put("05569/2025", BigDecimal.valueOf(11));
    assertEquals(expected, added);
    // the merged-away commune keeps its own figure of the year
    assertEquals(BigDecimal.valueOf(7), minus(own(item), ownBefore).get("05761/2025"));

    // a rebuild from the reports gives the same rows as the steps did
    Map<String, BigDecimal> stepped = rollups(item);
    rebuild.rebuild(plan);
    assertEquals(stepped, rollups(item));

    // a change set applied on a day rebuilds that year on: 2025's rows, wiped, come back; 2024's
    // rows are not touched; a change in no unit of the plan's province rebuilds nothing of it
    em.createNativeQuery("DELETE FROM rollup_value WHERE year = 2025").executeUpdate();
    em.createNativeQuery("DELETE FROM rollup_value WHERE year = 2024 AND unit_code = '171'")
        .executeUpdate();
    unitsChanged.fire(new UnitsChanged(LocalDate.of(2025, 7, 1), Set.of("99999")));
    assertEquals(null, rollups(item).get("19/2025"));
    unitsChanged.fire(new UnitsChanged(LocalDate.of(2025, 7, 1), Set.of("05761")));
    Map<String, BigDecimal> after = rollups(item);
    assertEquals(stepped.get("19/2025"), after.get("19/2025"));
    assertEquals(null, after.get("171/2024"));
  }

  private long itemId(Plan plan, String key) {
    return ((Number)
            em.createNativeQuery("SELECT id FROM plan_item WHERE plan_id = ?1 AND item_key = ?2")
                .setParameter(1, plan.id)
                .setParameter(2, key)
                .getSingleResult())
        .longValue();
  }

  /** An approved report of one value, its period made if missing. */
  private void approve(Plan plan, String period, String unit, long item, int value) {
    int year = Integer.parseInt(period.substring(0, 4));
    String kind = period.contains("-Q") ? "quarter" : "year";
    Integer number = kind.equals("quarter") ? Integer.valueOf(period.substring(6)) : null;
    LocalDate starts =
        number == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, number * 3 - 2, 1);
    LocalDate ends =
        number == null ? LocalDate.of(year, 12, 31) : starts.plusMonths(3).minusDays(1);
    em.createNativeQuery(
            """
            INSERT INTO period (plan_id, code, kind, year, number, starts_on, ends_on, due_on,
              state, created_at, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, 'closed', now(), now())
            ON CONFLICT (plan_id, code) DO NOTHING
            """)
        .setParameter(1, plan.id)
        .setParameter(2, period)
        .setParameter(3, kind)
        .setParameter(4, (short) year)
        .setParameter(5, number == null ? null : number.shortValue())
        .setParameter(6, starts)
        .setParameter(7, ends)
        .executeUpdate();
    em.createNativeQuery(
            """
            INSERT INTO submission (period_id, unit_code, state, created_by, created_at,
              updated_at, submitted_at, submitted_by, reviewed_at, reviewed_by)
            SELECT id, ?3, 'approved', 'test', now(), now(), now(), 'test', now(), 'test'
            FROM period WHERE plan_id = ?1 AND code = ?2
            """)
        .setParameter(1, plan.id)
        .setParameter(2, period)
        .setParameter(3, unit)
        .executeUpdate();
    em.createNativeQuery(
            """
            INSERT INTO submission_value (submission_id, plan_item_id, number, updated_by,
              created_at, updated_at)
            SELECT s.id, ?4, ?5, 'test', now(), now()
            FROM submission s JOIN period p ON p.id = s.period_id
            WHERE p.plan_id = ?1 AND p.code = ?2 AND s.unit_code = ?3
            """)
        .setParameter(1, plan.id)
        .setParameter(2, period)
        .setParameter(3, unit)
        .setParameter(4, item)
        .setParameter(5, BigDecimal.valueOf(value))
        .executeUpdate();
  }

  /**
   * Every subtree sum of the item as progress reads it (rollup rows below a unit, base and deltas,
   * and its own figure): "unit/year" → sum, the sums that are not zero.
   */
  @SuppressWarnings("unchecked")
  private Map<String, BigDecimal> rollups(long item) {
    List<String> units = em.createNativeQuery("SELECT DISTINCT code FROM org_unit").getResultList();
    Map<String, BigDecimal> out = new TreeMap<>();
    progress
        .rollups(units, 2022, 2026)
        .forEach(
            (year, byUnit) ->
                byUnit.forEach(
                    (unit, byItem) -> {
                      RollupDelta r = byItem.get(item);
                      if (r != null && r.sum().signum() != 0) {
                        out.put(unit + "/" + year, plain(r.sum()));
                      }
                    }));
    return out;
  }

  @SuppressWarnings("unchecked")
  private Map<String, BigDecimal> own(long item) {
    Map<String, BigDecimal> out = new HashMap<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT unit_code, year, approved_number FROM unit_year_value"
                        + " WHERE plan_item_id = ?1 AND approved_number IS NOT NULL")
                .setParameter(1, item)
                .getResultList()) {
      out.put(r[0] + "/" + r[1], plain((BigDecimal) r[2]));
    }
    return out;
  }

  /** A number as written, whatever its scale: 40 is 40, not 4E+1. */
  private static BigDecimal plain(BigDecimal n) {
    return new BigDecimal(n.stripTrailingZeros().toPlainString());
  }

  private static Map<String, BigDecimal> minus(
      Map<String, BigDecimal> now, Map<String, BigDecimal> before) {
    Map<String, BigDecimal> out = new TreeMap<>();
    now.forEach(
        (k, v) -> {
          BigDecimal d = plain(v.subtract(before.getOrDefault(k, BigDecimal.ZERO)));
          if (d.signum() != 0) {
            out.put(k, d);
          }
        });
    return out;
  }
}
