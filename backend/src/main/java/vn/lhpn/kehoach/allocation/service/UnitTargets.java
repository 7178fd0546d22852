package vn.lhpn.kehoach.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.common.Jdbc;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.plan.YearLevel;
import vn.lhpn.kehoach.plan.service.PlanOutlines;

/**
 * What one unit is expected to do in a year: for every leaf of the plan, whether it applies to the
 * unit and the target it was given. Reports use it to know which values a unit may send and to show
 * the target beside each value.
 *
 * <p>A leaf applies when the plan schedules it that year, the unit's level is one of the levels
 * that carry it out (a breakdown row "Cấp tỉnh" / "Các huyện…" / "Cấp cơ sở" names its own level),
 * and, for an activity, the parent did not mark it "not required" for this unit.
 */
@ApplicationScoped
public class UnitTargets {
  /** One leaf for one unit and year. */
  public record Entry(
      PlanOutline.Item item,
      boolean applies,
      /** "plan" for the province, "allocated" below it, "none" when nothing was allocated. */
      String source,
      BigDecimal target,
      Boolean required,
      String raw) {}

  /** What the level above gave the unit for one item. */
  private record Given(BigDecimal value, boolean required) {}

  private final PlanOutlines outlines;
  private final EntityManager em;

  UnitTargets(PlanOutlines outlines, EntityManager em) {
    this.outlines = outlines;
    this.em = em;
  }

  /**
   * From the plan's read model and the unit's own target rows: no item or target entity is loaded,
   * so a report's save does not carry ~150 items and their levels through every flush
   * (docs/benchmarks.md, deadline day).
   */
  public List<Entry> of(Plan plan, int year, OrgUnit unit) {
    Map<Long, Given> own = unit.parentCode == null ? Map.of() : given(plan, year, unit.code);
    List<Entry> out = new ArrayList<>();
    for (PlanOutline.Item item : outlines.of(plan).items()) {
      var level = item.level(year);
      YearLevel.Kind kind = level.map(PlanOutline.Level::kind).orElse(YearLevel.Kind.NONE);
      boolean scheduled = kind != YearLevel.Kind.NONE;
      boolean activity = item.isActivity();
      Set<Integer> levels = item.reportingLevels();
      boolean levelOk = levels.isEmpty() || levels.contains(unit.tier());
      if (unit.parentCode == null) {
        BigDecimal value = level.map(PlanOutline.Level::value).orElse(null);
        out.add(
            new Entry(
                item,
                scheduled && levelOk,
                "plan",
                activity ? null : value,
                activity ? scheduled : null,
                level.map(PlanOutline.Level::raw).orElse("")));
        continue;
      }
      Given t = own.get(item.id());
      if (t == null) {
        out.add(new Entry(item, scheduled && levelOk, "none", null, null, null));
      } else {
        // an activity not required, or a count or rate the level above did not allocate ("không
        // giao"), does not apply to the unit
        boolean applies = scheduled && levelOk && t.required();
        out.add(
            new Entry(
                item,
                applies,
                "allocated",
                t.value() == null ? null : t.value().stripTrailingZeros(),
                activity ? t.required() : null,
                null));
      }
    }
    return out;
  }

  /** The unit's targets of the year, by item id. */
  private Map<Long, Given> given(Plan plan, int year, String unitCode) {
    Map<Long, Given> out = new HashMap<>();
    Jdbc.query(
        em,
        """
        SELECT t.plan_item_id, t.value, t.required
        FROM target t JOIN plan_item i ON i.id = t.plan_item_id
        WHERE i.plan_id = ? AND t.year = ? AND t.unit_code = ?
        """,
        List.of(plan.id, (short) year, unitCode),
        rs -> out.putIfAbsent(rs.getLong(1), new Given(rs.getBigDecimal(2), rs.getBoolean(3))));
    return out;
  }
}
