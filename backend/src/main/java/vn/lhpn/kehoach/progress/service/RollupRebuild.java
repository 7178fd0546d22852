package vn.lhpn.kehoach.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanRules;
import vn.lhpn.kehoach.progress.service.NestingRule.Figure;
import vn.lhpn.kehoach.progress.service.NestingRule.Kind;
import vn.lhpn.kehoach.progress.service.NestingRule.Reported;
import vn.lhpn.kehoach.progress.service.RollupWriter.Delta;
import vn.lhpn.kehoach.progress.service.RollupWriter.Stored;

/**
 * Builds a plan's progress tables afresh from its reports, in one pass: the same {@link
 * NestingRule} and the same arithmetic as {@link RollupWriter}'s step-by-step updates, for data
 * loaded in bulk (the demo history, an import of past reports) or written before progress existed.
 */
@ApplicationScoped
public class RollupRebuild {
  private final EntityManager em;

  RollupRebuild(EntityManager em) {
    this.em = em;
  }

  /** Returns how many unit figures it wrote. */
  @SuppressWarnings("unchecked")
  public int rebuild(Plan plan) {
    em.flush();
    Map<Long, PlanItem> items = new HashMap<>();
    PlanRules.allocatable(plan).forEach(i -> items.put(i.id, i));
    em.createNativeQuery(
            "DELETE FROM unit_year_value WHERE plan_item_id IN (SELECT id FROM plan_item WHERE plan_id = ?1)")
        .setParameter(1, plan.id)
        .executeUpdate();
    em.createNativeQuery(
            "DELETE FROM rollup_value WHERE plan_item_id IN (SELECT id FROM plan_item WHERE plan_id = ?1)")
        .setParameter(1, plan.id)
        .executeUpdate();
    // (unit, item, year) → approved and pending reports
    record Key(String unit, long item, int year) {}
    Map<Key, List<Reported>[]> reports = new HashMap<>();
    List<Object[]> rows =
        em.createNativeQuery(
                """
                SELECT s.unit_code, v.plan_item_id, p.year, p.code, p.kind, p.number, s.state,
                       v.number, v.status
                FROM submission s
                JOIN period p ON p.id = s.period_id
                JOIN submission_value v ON v.submission_id = s.id
                WHERE p.plan_id = ?1 AND s.state IN ('submitted', 'approved')
                """)
            .setParameter(1, plan.id)
            .getResultList();
    for (Object[] r : rows) {
      Key key = new Key((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).intValue());
      if (!items.containsKey(key.item())) {
        continue;
      }
      List<Reported>[] both =
          reports.computeIfAbsent(key, k -> new List[] {new ArrayList<>(), new ArrayList<>()});
      both["approved".equals(r[6]) ? 0 : 1].add(
          new Reported(
              (String) r[3],
              switch ((String) r[4]) {
                case "year" -> Kind.YEAR;
                case "half" -> Kind.HALF;
                default -> Kind.QUARTER;
              },
              r[5] == null ? 0 : ((Number) r[5]).intValue(),
              (BigDecimal) r[7],
              (String) r[8]));
    }
    Map<String, String> parents = new HashMap<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery("SELECT DISTINCT code, parent_code FROM org_unit")
                .getResultList()) {
      if (r[1] != null) {
        parents.putIfAbsent((String) r[0], (String) r[1]);
      }
    }
    List<Object[]> own = new ArrayList<>();
    Map<Key, long[]> counts = new HashMap<>();
    Map<Key, BigDecimal[]> sums = new HashMap<>();
    for (var e : reports.entrySet()) {
      MeasureType measure = items.get(e.getKey().item()).measureType;
      Figure approved = NestingRule.resolve(measure, e.getValue()[0]).orElse(null);
      Figure pending = NestingRule.resolve(measure, e.getValue()[1]).orElse(null);
      if (approved == null && pending == null) {
        continue;
      }
      own.add(new Object[] {e.getKey(), approved, pending});
      Delta d = Delta.between(measure, Stored.NONE, new Stored(approved, pending));
      for (String u = e.getKey().unit(); u != null; u = parents.get(u)) {
        Key at = new Key(u, e.getKey().item(), e.getKey().year());
        long[] c = counts.computeIfAbsent(at, k -> new long[9]);
        c[0] += d.units();
        c[1] += d.done();
        c[2] += d.inProgress();
        c[3] += d.notDone();
        c[4] += d.na();
        c[5] += d.pendingUnits();
        c[6] += d.fromYear();
        c[7] += d.fromHalves();
        c[8] += d.fromQuarters();
        BigDecimal[] s =
            sums.computeIfAbsent(at, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        s[0] = s[0].add(d.sum());
        s[1] = s[1].add(d.pendingSum());
      }
    }
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement ps =
                  connection.prepareStatement(
                      "INSERT INTO unit_year_value (unit_code, plan_item_id, year, approved_number,"
                          + " approved_status, approved_sources, pending_number, pending_status,"
                          + " pending_sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (Object[] o : own) {
                  Key k = (Key) o[0];
                  ps.setString(1, k.unit());
                  ps.setLong(2, k.item());
                  ps.setShort(3, (short) k.year());
                  figure(ps, 4, (Figure) o[1]);
                  figure(ps, 7, (Figure) o[2]);
                  ps.addBatch();
                  if (++n % 1000 == 0) {
                    ps.executeBatch();
                  }
                }
                ps.executeBatch();
              }
              try (PreparedStatement ps =
                  connection.prepareStatement(
                      "INSERT INTO rollup_value (unit_code, plan_item_id, year, approved_sum,"
                          + " approved_units, approved_done, approved_in_progress,"
                          + " approved_not_done, approved_na, pending_sum, pending_units,"
                          + " approved_from_year, approved_from_halves, approved_from_quarters)"
                          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int n = 0;
                for (var e : counts.entrySet()) {
                  Key k = e.getKey();
                  long[] c = e.getValue();
                  BigDecimal[] s = sums.get(k);
                  ps.setString(1, k.unit());
                  ps.setLong(2, k.item());
                  ps.setShort(3, (short) k.year());
                  ps.setBigDecimal(4, s[0]);
                  ps.setInt(5, (int) c[0]);
                  ps.setInt(6, (int) c[1]);
                  ps.setInt(7, (int) c[2]);
                  ps.setInt(8, (int) c[3]);
                  ps.setInt(9, (int) c[4]);
                  ps.setBigDecimal(10, s[1]);
                  ps.setInt(11, (int) c[5]);
                  ps.setInt(12, (int) c[6]);
                  ps.setInt(13, (int) c[7]);
                  ps.setInt(14, (int) c[8]);
                  ps.addBatch();
                  if (++n % 1000 == 0) {
                    ps.executeBatch();
                  }
                }
                ps.executeBatch();
              }
            });
    return own.size();
  }

  private static void figure(PreparedStatement ps, int at, Figure f) throws SQLException {
    if (f == null) {
      ps.setNull(at, Types.NUMERIC);
      ps.setNull(at + 1, Types.VARCHAR);
      ps.setNull(at + 2, Types.VARCHAR);
      return;
    }
    ps.setBigDecimal(at, f.number());
    ps.setString(at + 1, f.status());
    ps.setString(at + 2, String.join(",", f.sources()));
  }
}
