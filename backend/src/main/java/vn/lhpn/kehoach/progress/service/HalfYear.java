package vn.lhpn.kehoach.progress.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.progress.dto.ProgressDtos;

/**
 * The first half of a year over a subtree, from the approved reports themselves (the rollup rows
 * hold whole years): each unit's figure by the nesting rule within the half (its half-year report,
 * else its first two quarters), added up as the rollup adds up a year.
 */
record HalfYear(Map<Long, RollupDelta> rollups, Map<Long, ProgressDtos.Figure[]> own) {
  /** A half-year report is judged against the year's target at half the year's pace. */
  static final BigDecimal PACE = new BigDecimal("0.5");

  static HalfYear of(ProgressContext context, Plan plan, String unitCode, int year) {
    List<String> periods = List.of(year + "-H1", year + "-Q1", year + "-Q2");
    Set<String> subtree = context.subtreeOf(unitCode);
    Map<Long, MeasureType> measures = new HashMap<>();
    for (PlanOutline.Item item : context.items(plan, null)) {
      measures.put(item.id(), item.measureType());
    }
    Map<String, Map<Long, List<NestingRule.Reported>>> reported = new HashMap<>();
    for (ProgressContext.ApprovedValue v : context.approvedValues(plan, periods, subtree)) {
      reported
          .computeIfAbsent(v.unitCode(), k -> new HashMap<>())
          .computeIfAbsent(v.itemId(), k -> new ArrayList<>())
          .add(
              new NestingRule.Reported(
                  v.period(),
                  NestingRule.Kind.ofPeriod(v.period()),
                  periods.indexOf(v.period()),
                  v.number(),
                  v.status()));
    }
    Map<Long, Totals> totals = new HashMap<>();
    Map<Long, ProgressDtos.Figure[]> own = new HashMap<>();
    reported.forEach(
        (unit, byItem) ->
            byItem.forEach(
                (itemId, reports) -> {
                  MeasureType measure = measures.get(itemId);
                  if (measure == null) {
                    return;
                  }
                  NestingRule.resolve(measure, reports)
                      .ifPresent(
                          f -> {
                            totals.computeIfAbsent(itemId, k -> new Totals()).add(f);
                            if (unit.equals(unitCode)) {
                              own.put(
                                  itemId,
                                  new ProgressDtos.Figure[] {
                                    new ProgressDtos.Figure(f.number(), f.status(), f.sources()),
                                    null
                                  });
                            }
                          });
                }));
    Map<Long, RollupDelta> rollups = new HashMap<>();
    totals.forEach((itemId, t) -> rollups.put(itemId, t.rollup()));
    return new HalfYear(rollups, own);
  }

  /** The subtree's sums for one item, as a rollup row holds them. */
  private static final class Totals {
    BigDecimal sum = BigDecimal.ZERO;
    int units;
    int done;
    int inProgress;
    int notDone;
    int na;
    int fromHalves;
    int fromQuarters;

    void add(NestingRule.Figure f) {
      units++;
      if (f.number() != null) {
        sum = sum.add(f.number());
      }
      if (f.status() != null) {
        switch (f.status()) {
          case "done" -> done++;
          case "in_progress" -> inProgress++;
          case "not_done" -> notDone++;
          default -> na++;
        }
      }
      if (f.kind() == NestingRule.Kind.HALF) {
        fromHalves++;
      } else {
        fromQuarters++;
      }
    }

    RollupDelta rollup() {
      return new RollupDelta(
          sum.stripTrailingZeros(),
          units,
          done,
          inProgress,
          notDone,
          na,
          BigDecimal.ZERO,
          0,
          0,
          fromHalves,
          fromQuarters);
    }
  }
}
