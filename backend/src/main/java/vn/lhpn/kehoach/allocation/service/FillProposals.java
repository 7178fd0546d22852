package vn.lhpn.kehoach.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.lhpn.kehoach.allocation.Target;
import vn.lhpn.kehoach.allocation.dto.AllocationDtos;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.service.UnitSuccession;
import vn.lhpn.kehoach.plan.MeasureType;

/**
 * Proposals, never saved: how a fill method would set a column (split equally with a rule for the
 * remainder, N each, N per commune, in proportion to communes or a kept figure, or from the targets
 * of the units each one came from after a change of the map). The arithmetic is {@link Allocation};
 * this class picks the units, the total and the weights.
 */
@ApplicationScoped
public class FillProposals {
  private final AllocationContexts contexts;
  private final UnitSuccession succession;

  FillProposals(AllocationContexts contexts, UnitSuccession succession) {
    this.contexts = contexts;
    this.succession = succession;
  }

  @Transactional
  public AllocationDtos.Fill fill(
      String planId,
      String itemKey,
      int year,
      String parentCode,
      String method,
      BigDecimal value,
      String remainder,
      List<String> units,
      String weight) {
    ColumnContext ctx = contexts.column(planId, itemKey, year, parentCode);
    List<OrgUnit> chosen = allocated(ctx, chosen(ctx, units, method));
    List<String> codes = chosen.stream().map(u -> u.code).toList();
    MeasureType measure = ctx.measure();
    Map<String, BigDecimal> values;
    switch (method == null ? "" : method) {
      case "equal", "proportional" -> {
        if (measure != MeasureType.COUNT) {
          throw ApiException.invalid("method", Message.of("fill.counts-split"));
        }
        BigDecimal total = ParentTargets.of(ctx).value();
        if (total == null) {
          throw new ApiException(
              ProblemType.UNPROCESSABLE,
              Message.of("fill.no-parent-target", "parent", ctx.parent().name, "year", year));
        }
        values =
            method.equals("equal")
                ? Allocation.equal(total, codes, TargetRules.remainder(remainder))
                : Allocation.proportional(total, UnitWeights.of(chosen, year, weight));
      }
      case "each" -> values = Allocation.each(TargetRules.requireFillValue(value, measure), codes);
      case "per-commune" -> {
        if (measure != MeasureType.COUNT) {
          throw ApiException.invalid("method", Message.of("fill.counts-only"));
        }
        values =
            Allocation.times(
                TargetRules.requireFillValue(value, measure), UnitWeights.of(chosen, year, weight));
      }
      case "predecessors" -> values = fromPredecessors(ctx, chosen);
      default ->
          throw ApiException.invalid(
              "method", "equal, each, per-commune, proportional hoặc predecessors");
    }
    List<AllocationDtos.RowUpdate> rows =
        values.entrySet().stream()
            .map(
                e ->
                    measure == MeasureType.ACTIVITY
                        ? new AllocationDtos.RowUpdate(e.getKey(), null, true)
                        : new AllocationDtos.RowUpdate(e.getKey(), e.getValue(), null))
            .toList();
    return new AllocationDtos.Fill(method, rows);
  }

  /**
   * Each unit's proposal from the units it came from (a commune of 01/07/2025 from the communes
   * merged into it): their targets of the year, or else of the latest earlier year they had one,
   * added up (a percentage: their mean; an activity: required when any was). A split unit's target
   * is shared equally between the units it went into, so the proposals add up to what was allocated
   * before. A unit that came from no other keeps what it has. Units whose predecessors had no
   * target are left out.
   */
  private Map<String, BigDecimal> fromPredecessors(ColumnContext ctx, List<OrgUnit> chosen) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (OrgUnit unit : chosen) {
      List<UnitSuccession.Predecessor> from =
          succession.predecessors(unit, unit.validFrom.minusDays(1));
      List<BigDecimal> values = new ArrayList<>();
      boolean any = false;
      for (UnitSuccession.Predecessor p : from) {
        if (!p.onSystem()) {
          continue;
        }
        Optional<Target> t = latest(ctx, p.code());
        if (t.isEmpty()) {
          continue;
        }
        any |= t.get().required;
        if (t.get().value != null) {
          values.add(
              t.get()
                  .value
                  .divide(
                      BigDecimal.valueOf(1 + p.alsoInto().size()),
                      ctx.measure() == MeasureType.COUNT ? 0 : 1,
                      RoundingMode.HALF_UP));
        }
      }
      if (ctx.activity()) {
        if (any) {
          out.put(unit.code, null);
        }
      } else if (!values.isEmpty()) {
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        out.put(
            unit.code,
            ctx.measure() == MeasureType.PERCENTAGE
                ? sum.divide(BigDecimal.valueOf(values.size()), 1, RoundingMode.HALF_UP)
                    .stripTrailingZeros()
                : sum);
      }
    }
    if (out.isEmpty()) {
      throw new ApiException(
          ProblemType.UNPROCESSABLE, Message.of("fill.no-former-targets", "year", ctx.year()));
    }
    return out;
  }

  /** A unit's target for the column's item in its year, or else the latest earlier one. */
  private static Optional<Target> latest(ColumnContext ctx, String unitCode) {
    return Target.<Target>find(
            "item = ?1 and unitCode = ?2 and year <= ?3 order by year desc",
            ctx.item(),
            unitCode,
            (short) ctx.year())
        .firstResultOptional();
  }

  /** Leaves out the units the planner gave nothing for this item (không giao). */
  private static List<OrgUnit> allocated(ColumnContext ctx, List<OrgUnit> units) {
    if (ctx.activity()) {
      return units;
    }
    var existing = TargetWriter.existing(ctx);
    List<OrgUnit> out =
        units.stream()
            .filter(u -> existing.get(u.code) == null || existing.get(u.code).required)
            .toList();
    if (out.isEmpty()) {
      throw ApiException.invalid("units", Message.of("fill.no-units"));
    }
    return out;
  }

  /**
   * The units to fill: those named (each must be a child that year); by default every child, but a
   * split of a number (equal, proportional) leaves out the units with no cơ sở Hội below them (the
   * affiliated Công an and Quân sự units), which can be named to put them back.
   */
  private static List<OrgUnit> chosen(ColumnContext ctx, List<String> units, String method) {
    List<OrgUnit> chosen =
        "equal".equals(method) || "proportional".equals(method)
            ? AllocationContexts.withCommunes(ctx.children(), ctx.year())
            : ctx.children();
    if (units != null && !units.isEmpty()) {
      chosen = ctx.children();
    }
    if (units != null && !units.isEmpty()) {
      Set<String> wanted = new HashSet<>(units);
      chosen = chosen.stream().filter(u -> wanted.contains(u.code)).toList();
      if (chosen.size() != wanted.size()) {
        throw ApiException.invalid(
            "units",
            Message.of("fill.units-not-below", "parent", ctx.parent().name, "year", ctx.year()));
      }
    }
    if (chosen.isEmpty()) {
      throw ApiException.invalid("units", Message.of("fill.no-units"));
    }
    return chosen;
  }
}
