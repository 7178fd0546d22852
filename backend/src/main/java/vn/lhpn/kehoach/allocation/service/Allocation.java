package vn.lhpn.kehoach.allocation.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of filling a column of targets. Counts are whole numbers that add up to what was
 * split; percentages are per unit and never summed. Pure functions, no database.
 */
public final class Allocation {
  /** Where the units left over by an equal split go. */
  public enum Remainder {
    /** One each to the first units in the list (GSO code order), until none is left. */
    FIRST,
    /** One each to the last units in the list. */
    LAST,
    /** Left unallocated; the column then shows as under-allocated. */
    NONE
  }

  private Allocation() {}

  /** {@code total} split equally over the units, whole numbers, the remainder by the rule. */
  public static Map<String, BigDecimal> equal(
      BigDecimal total, List<String> units, Remainder remainder) {
    requireUnits(units);
    BigDecimal[] qr = whole(total).divideAndRemainder(BigDecimal.valueOf(units.size()));
    int left = qr[1].intValueExact();
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (int i = 0; i < units.size(); i++) {
      boolean extra =
          switch (remainder) {
            case FIRST -> i < left;
            case LAST -> i >= units.size() - left;
            case NONE -> false;
          };
      out.put(units.get(i), extra ? qr[0].add(BigDecimal.ONE) : qr[0]);
    }
    return out;
  }

  /** The same value for every unit ("mỗi cơ sở Hội ... 01"). */
  public static Map<String, BigDecimal> each(BigDecimal value, List<String> units) {
    requireUnits(units);
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    units.forEach(u -> out.put(u, value));
    return out;
  }

  /** {@code perUnit} times a weight per unit ("03 hộ/cơ sở Hội": 3 × the communes below). */
  public static Map<String, BigDecimal> times(BigDecimal perUnit, Map<String, BigDecimal> weights) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    weights.forEach((u, w) -> out.put(u, perUnit.multiply(w).stripTrailingZeros()));
    return out;
  }

  /**
   * {@code total} split in proportion to the weights, in whole numbers that add up to the total
   * (largest remainder: the units whose exact share lost most to rounding get the units left).
   */
  public static Map<String, BigDecimal> proportional(
      BigDecimal total, Map<String, BigDecimal> weights) {
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("no units to allocate to");
    }
    BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    if (sum.signum() <= 0) {
      throw new IllegalArgumentException("the weights add up to zero");
    }
    BigDecimal whole = whole(total);
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    List<Map.Entry<String, BigDecimal>> fractions = new ArrayList<>();
    BigDecimal given = BigDecimal.ZERO;
    for (var e : weights.entrySet()) {
      BigDecimal exact = whole.multiply(e.getValue()).divide(sum, 10, RoundingMode.HALF_UP);
      BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
      out.put(e.getKey(), floor);
      given = given.add(floor);
      fractions.add(Map.entry(e.getKey(), exact.subtract(floor)));
    }
    int left = whole.subtract(given).intValueExact();
    List<String> order =
        fractions.stream()
            .sorted(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder()))
            .map(Map.Entry::getKey)
            .toList();
    for (int i = 0; i < left; i++) {
      String unit = order.get(i % order.size());
      out.put(unit, out.get(unit).add(BigDecimal.ONE));
    }
    return out;
  }

  private static BigDecimal whole(BigDecimal total) {
    if (total.signum() < 0) {
      throw new IllegalArgumentException("cannot split a negative total");
    }
    return total.setScale(0, RoundingMode.FLOOR);
  }

  private static void requireUnits(List<String> units) {
    if (units.isEmpty()) {
      throw new IllegalArgumentException("no units to allocate to");
    }
  }
}
