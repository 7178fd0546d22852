package vn.lhpn.kehoach.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.allocation.service.Allocation;

class AllocationTest {
  static final List<String> DISTRICTS =
      List.of("164", "165", "167", "168", "169", "170", "171", "172", "173");

  static BigDecimal sum(Map<String, BigDecimal> m) {
    return m.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @Test
  void shouldSplit500OverNineDistrictsGivingTheRemainderToTheFirst() {
    Map<String, BigDecimal> split =
        Allocation.equal(BigDecimal.valueOf(500), DISTRICTS, Allocation.Remainder.FIRST);
    assertEquals(
        List.of(56, 56, 56, 56, 56, 55, 55, 55, 55),
        split.values().stream().map(BigDecimal::intValue).toList());
    assertEquals(0, BigDecimal.valueOf(500).compareTo(sum(split)));
  }

  @Test
  void shouldGiveTheRemainderToTheLastOrLeaveIt() {
    assertEquals(
        List.of(55, 55, 55, 55, 56, 56, 56, 56, 56),
        Allocation.equal(BigDecimal.valueOf(500), DISTRICTS, Allocation.Remainder.LAST)
            .values()
            .stream()
            .map(BigDecimal::intValue)
            .toList());
    assertEquals(
        0,
        BigDecimal.valueOf(495)
            .compareTo(
                sum(
                    Allocation.equal(
                        BigDecimal.valueOf(500), DISTRICTS, Allocation.Remainder.NONE))));
  }

  @Test
  void shouldSplitProportionallyInWholeNumbersThatAddUp() {
    Map<String, BigDecimal> communes = new LinkedHashMap<>();
    int[] perDistrict = {32, 10, 23, 15, 15, 15, 30, 18, 20};
    for (int i = 0; i < DISTRICTS.size(); i++) {
      communes.put(DISTRICTS.get(i), BigDecimal.valueOf(perDistrict[i]));
    }
    Map<String, BigDecimal> split = Allocation.proportional(BigDecimal.valueOf(2500), communes);
    assertEquals(0, BigDecimal.valueOf(2500).compareTo(sum(split)));
    // 2500 × 32 / 178 = 449.4…; 2500 × 30 / 178 = 421.3…
    assertEquals(449, split.get("164").intValue());
    assertEquals(421, split.get("171").intValue());
    split.values().forEach(v -> assertEquals(0, v.scale()));
  }

  @Test
  void shouldMultiplyPerCommune() {
    Map<String, BigDecimal> split =
        Allocation.times(BigDecimal.valueOf(3), Map.of("171", BigDecimal.valueOf(29)));
    assertEquals(87, split.get("171").intValue());
  }

  @Test
  void shouldRefuseImpossibleSplits() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Allocation.equal(BigDecimal.TEN, List.of(), Allocation.Remainder.FIRST));
    assertThrows(
        IllegalArgumentException.class,
        () -> Allocation.proportional(BigDecimal.TEN, Map.of("a", BigDecimal.ZERO)));
    assertThrows(
        IllegalArgumentException.class,
        () -> Allocation.equal(BigDecimal.valueOf(-1), DISTRICTS, Allocation.Remainder.FIRST));
  }
}
