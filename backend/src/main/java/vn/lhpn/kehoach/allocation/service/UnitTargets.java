package vn.lhpn.kehoach.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.lhpn.kehoach.allocation.Target;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanRules;
import vn.lhpn.kehoach.plan.YearLevel;

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
      PlanItem item,
      boolean applies,
      /** "plan" for the province, "allocated" below it, "none" when nothing was allocated. */
      String source,
      BigDecimal target,
      Boolean required,
      String raw) {}

  public List<Entry> of(Plan plan, int year, OrgUnit unit) {
    List<PlanItem> leaves = PlanRules.allocatable(plan);
    Map<Long, Target> own =
        unit.parentCode == null
            ? Map.of()
            : Target.<Target>list(
                    "item.plan = ?1 and year = ?2 and unitCode = ?3", plan, (short) year, unit.code)
                .stream()
                .collect(Collectors.toMap(t -> t.item.id, Function.identity(), (a, b) -> a));
    List<Entry> out = new ArrayList<>();
    for (PlanItem item : leaves) {
      var level = item.level(year);
      YearLevel.Kind kind = level.map(l -> l.kind).orElse(YearLevel.Kind.NONE);
      boolean scheduled = kind != YearLevel.Kind.NONE;
      boolean activity = item.measureType == MeasureType.ACTIVITY;
      Set<Integer> levels = PlanRules.reportingLevels(item);
      boolean levelOk = levels.isEmpty() || levels.contains(unit.tier());
      if (unit.parentCode == null) {
        BigDecimal value = level.map(l -> l.value).map(BigDecimal::stripTrailingZeros).orElse(null);
        out.add(
            new Entry(
                item,
                scheduled && levelOk,
                "plan",
                activity ? null : value,
                activity ? scheduled : null,
                level.map(l -> l.raw).orElse("")));
        continue;
      }
      Target t = own.get(item.id);
      if (t == null) {
        out.add(new Entry(item, scheduled && levelOk, "none", null, null, null));
      } else {
        // an activity not required, or a count or rate the level above did not allocate ("không
        // giao"), does not apply to the unit
        boolean applies = scheduled && levelOk && t.required;
        out.add(
            new Entry(
                item,
                applies,
                "allocated",
                t.value == null ? null : t.value.stripTrailingZeros(),
                activity ? t.required : null,
                null));
      }
    }
    return out;
  }
}
