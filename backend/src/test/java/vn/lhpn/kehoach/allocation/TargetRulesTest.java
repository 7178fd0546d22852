package vn.lhpn.kehoach.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.allocation.dto.AllocationDtos;
import vn.lhpn.kehoach.allocation.service.Allocation;
import vn.lhpn.kehoach.allocation.service.TargetRules;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.plan.MeasureType;

/** The rules of a target without a database: valid rows, sums against the parent, fill values. */
class TargetRulesTest {
  static final Set<String> CHILDREN = Set.of("171", "173");

  static List<String> errors(MeasureType measure, AllocationDtos.RowUpdate... rows) {
    return TargetRules.validate(measure, CHILDREN, "Tỉnh Thái Nguyên", 2024, List.of(rows)).stream()
        .map(ProblemDetail.FieldError::field)
        .toList();
  }

  static AllocationDtos.RowUpdate row(String unit, String value) {
    return new AllocationDtos.RowUpdate(unit, value == null ? null : new BigDecimal(value), null);
  }

  static Target target(String value) {
    Target t = new Target();
    t.value = value == null ? null : new BigDecimal(value);
    return t;
  }

  @Test
  void shouldAcceptWholeCountsAndRatesUpTo100() {
    assertEquals(List.of(), errors(MeasureType.COUNT, row("171", "56"), row("173", null)));
    assertEquals(List.of(), errors(MeasureType.PERCENTAGE, row("171", "100"), row("173", "2.5")));
  }

  @Test
  void shouldNameEachBadRow() {
    assertEquals(
        List.of("rows[0].value", "rows[1].value", "rows[2].unitCode"),
        errors(MeasureType.COUNT, row("171", "1.5"), row("173", "-1"), row("164", "3")));
    assertEquals(List.of("rows[0].value"), errors(MeasureType.PERCENTAGE, row("171", "150")));
    assertEquals(
        List.of("rows[1].unitCode"), errors(MeasureType.COUNT, row("171", "1"), row("171", "2")));
    assertEquals(
        List.of("rows[0].value", "rows[0].required"),
        errors(MeasureType.ACTIVITY, row("171", "1")));
  }

  @Test
  void shouldCompareTheSumOfCountsWithTheParentTarget() {
    var exact =
        TargetRules.summarize(
            MeasureType.COUNT, 2, new BigDecimal("100"), List.of(target("60"), target("40")));
    assertEquals("exact", exact.status());
    assertEquals(0, new BigDecimal("100").compareTo(exact.sum()));
    assertEquals(
        "over",
        TargetRules.summarize(
                MeasureType.COUNT, 2, new BigDecimal("100"), List.of(target("60"), target("41")))
            .status());
    assertEquals(
        "under",
        TargetRules.summarize(MeasureType.COUNT, 2, new BigDecimal("100"), List.of(target("60")))
            .status());
    assertEquals(
        "no-parent-target",
        TargetRules.summarize(MeasureType.COUNT, 2, null, List.of(target("60"))).status());
    assertEquals(
        "unallocated",
        TargetRules.summarize(MeasureType.COUNT, 2, BigDecimal.TEN, List.of(target(null)))
            .status());
  }

  @Test
  void shouldTellPartialFromCompleteRates() {
    assertEquals(
        "partial",
        TargetRules.summarize(MeasureType.PERCENTAGE, 2, null, List.of(target("90"))).status());
    assertEquals(
        "complete",
        TargetRules.summarize(MeasureType.PERCENTAGE, 2, null, List.of(target("90"), target("95")))
            .status());
  }

  @Test
  void shouldCheckFillValuesAndRemainderNames() {
    assertThrows(
        ApiException.class,
        () -> TargetRules.requireFillValue(new BigDecimal("101"), MeasureType.PERCENTAGE));
    assertThrows(ApiException.class, () -> TargetRules.requireFillValue(null, MeasureType.COUNT));
    assertEquals(Allocation.Remainder.LAST, TargetRules.remainder("last"));
    assertEquals(Allocation.Remainder.FIRST, TargetRules.remainder(null));
    assertThrows(ApiException.class, () -> TargetRules.remainder("middle"));
  }
}
