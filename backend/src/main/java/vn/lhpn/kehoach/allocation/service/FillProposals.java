package vn.lhpn.kehoach.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.allocation.dto.AllocationDtos;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.plan.MeasureType;

/**
 * Proposals, never saved: how a fill method would set a column (split equally with a rule for the
 * remainder, N each, N per commune, in proportion to communes or a kept figure). The arithmetic is
 * {@link Allocation}; this class picks the units, the total and the weights.
 */
@ApplicationScoped
public class FillProposals {
  private final AllocationContexts contexts;

  FillProposals(AllocationContexts contexts) {
    this.contexts = contexts;
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
          throw ApiException.invalid(
              "method", "chỉ chia được chỉ tiêu số lượng / only counts can be split");
        }
        BigDecimal total = ParentTargets.of(ctx).value();
        if (total == null) {
          throw new ApiException(
              ProblemType.UNPROCESSABLE,
              ctx.parent().name
                  + " chưa có chỉ tiêu năm "
                  + year
                  + " để chia / The parent has no target to split");
        }
        values =
            method.equals("equal")
                ? Allocation.equal(total, codes, TargetRules.remainder(remainder))
                : Allocation.proportional(total, UnitWeights.of(chosen, year, weight));
      }
      case "each" -> values = Allocation.each(TargetRules.requireFillValue(value, measure), codes);
      case "per-commune" -> {
        if (measure != MeasureType.COUNT) {
          throw ApiException.invalid("method", "chỉ dùng cho chỉ tiêu số lượng / counts only");
        }
        values =
            Allocation.times(
                TargetRules.requireFillValue(value, measure), UnitWeights.of(chosen, year, weight));
      }
      default -> throw ApiException.invalid("method", "equal, each, per-commune hoặc proportional");
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
      throw ApiException.invalid(
          "units", "không có đơn vị nào để phân bổ / no units to allocate to");
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
            "có đơn vị không thuộc "
                + ctx.parent().name
                + " năm "
                + ctx.year()
                + " / units not below the parent that year");
      }
    }
    if (chosen.isEmpty()) {
      throw ApiException.invalid(
          "units", "không có đơn vị nào để phân bổ / no units to allocate to");
    }
    return chosen;
  }
}
