package vn.lhpn.kehoach.progress;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.lhpn.kehoach.submission.Reports.HUONG_SON;
import static vn.lhpn.kehoach.submission.Reports.PHO_BINH;
import static vn.lhpn.kehoach.submission.Reports.act;
import static vn.lhpn.kehoach.submission.Reports.create;
import static vn.lhpn.kehoach.submission.Reports.id;
import static vn.lhpn.kehoach.submission.Reports.status;
import static vn.lhpn.kehoach.submission.Reports.value;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.progress.service.ProgressContext;
import vn.lhpn.kehoach.progress.service.RollupDelta;
import vn.lhpn.kehoach.progress.service.RollupFold;
import vn.lhpn.kehoach.submission.Reports;

/**
 * The delta rows of a workflow step (V32 and V33, docs/adr/0019): one row per unit above the
 * report's unit, whatever the number of items, none for the unit itself (its own figures are read
 * with its rollup), counted in the totals at once; the fold moves them into the base rows and no
 * total changes.
 */
@QuarkusTest
class DeltaRowsTest {
  private static final String COMMUNE = "05908";
  private static final List<String> CHAIN = List.of(COMMUNE, "173", "19");

  @Inject EntityManager em;
  @Inject RollupFold fold;
  @Inject ProgressContext progress;

  @Test
  void shouldWriteOneDeltaRowPerUnitAboveAndFoldItWithoutChangingATotal() {
    Reports.period("2022-Q3", true);
    long id =
        id(
            create(
                    HUONG_SON,
                    "2022-Q3",
                    "05908",
                    List.of(value("I-2.1", 6), value("I-5.3", 40), status("I-1.1", "done")))
                .statusCode(201));
    act(HUONG_SON, id, "submit", null).statusCode(200);

    BigDecimal approved =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  // the background fold takes this lock or skips its turn: held here, the rows the
                  // approval writes stay where they are until this transaction ends
                  em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
                      .setParameter(1, RollupFold.LOCK)
                      .getSingleResult();
                  Map<String, Long> before = deltaRows();
                  BigDecimal district = total("173");
                  BigDecimal commune = subtree(COMMUNE);
                  act(PHO_BINH, id, "approve", null).statusCode(200);
                  Map<String, Long> after = deltaRows();
                  for (String unit : CHAIN) {
                    assertEquals(
                        before.getOrDefault(unit, 0L) + (unit.equals(COMMUNE) ? 0 : 1),
                        after.getOrDefault(unit, 0L),
                        unit.equals(COMMUNE)
                            ? "no delta row for the report's own unit"
                            : "one delta row for " + unit + " (three items changed)");
                  }
                  // the very next read counts it: base rows plus deltas above; its own figure for
                  // the commune, whose subtree is itself
                  assertEquals(0, district.add(BigDecimal.valueOf(6)).compareTo(total("173")));
                  assertEquals(0, commune.add(BigDecimal.valueOf(6)).compareTo(subtree(COMMUNE)));
                  assertEquals(0, total("173").compareTo(subtree("173")), "no own figure of 173");
                  return total("173");
                });

    await("the deltas folded")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                QuarkusTransaction.requiringNew()
                    .call(() -> fold.fold() >= 0 && deltaRows().isEmpty()));
    assertEquals(
        0,
        approved.compareTo(QuarkusTransaction.requiringNew().call(() -> total("173"))),
        "the fold changes no total");
    // the year's figures as they were for the other tests (a quarter under the half-year they
    // approve would be replaced by it, not added)
    act(PHO_BINH, id, "reopen", "kết thúc thử nghiệm").statusCode(200);
  }

  /** Delta rows by unit, for the units of the chain. */
  private Map<String, Long> deltaRows() {
    Map<String, Long> out = new TreeMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT unit_code, count(*) FROM rollup_delta WHERE unit_code IN (?1, ?2, ?3)"
                    + " GROUP BY unit_code")
            .setParameter(1, CHAIN.get(0))
            .setParameter(2, CHAIN.get(1))
            .setParameter(3, CHAIN.get(2))
            .getResultList()) {
      Object[] r = (Object[]) row;
      out.put((String) r[0], ((Number) r[1]).longValue());
    }
    return out;
  }

  /** A unit's subtree sum of I-2.1 in 2022 as progress reads it: rollup rows and its own figure. */
  private BigDecimal subtree(String unit) {
    long item =
        ((Number)
                em.createNativeQuery(
                        """
                        SELECT i.id FROM plan_item i JOIN plan p ON p.id = i.plan_id
                        WHERE p.code = '11-KH-BCH' AND i.item_key = 'I-2.1'
                        """)
                    .getSingleResult())
            .longValue();
    return progress
        .rollups(List.of(unit), 2022)
        .getOrDefault(unit, Map.of())
        .getOrDefault(item, RollupDelta.ZERO)
        .sum();
  }

  /** A unit's approved sum of I-2.1 in 2022 below it, base rows and deltas added. */
  private BigDecimal total(String unit) {
    return (BigDecimal)
        em.createNativeQuery(
                """
                SELECT coalesce(sum(t.approved_sum), 0) FROM rollup_total t
                JOIN plan_item i ON i.id = t.plan_item_id JOIN plan p ON p.id = i.plan_id
                WHERE p.code = '11-KH-BCH' AND i.item_key = 'I-2.1' AND t.unit_code = ?1
                  AND t.year = 2022
                """)
            .setParameter(1, unit)
            .getSingleResult();
  }
}
