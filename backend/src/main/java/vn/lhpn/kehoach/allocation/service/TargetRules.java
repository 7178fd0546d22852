package vn.lhpn.kehoach.allocation.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.lhpn.kehoach.allocation.Target;
import vn.lhpn.kehoach.allocation.dto.AllocationDtos;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.plan.MeasureType;

/**
 * The pure rules of a target: what a valid row is, how a column adds up against its parent's
 * target, and the values a fill method accepts. No database, no caller: plain unit tests.
 */
public final class TargetRules {
  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  static final BigDecimal MAX = new BigDecimal("100000000");

  private TargetRules() {}

  /**
   * Every problem of the rows of a column, each naming its row: a unit that is not a child that
   * year, a unit twice, a number on an activity, a negative number, a percentage over 100, a count
   * with decimals, a number too large.
   */
  public static List<ProblemDetail.FieldError> validate(
      MeasureType measure,
      Set<String> children,
      String parentName,
      int year,
      List<AllocationDtos.RowUpdate> rows) {
    List<ProblemDetail.FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      AllocationDtos.RowUpdate row = rows.get(i);
      String at = "rows[" + i + "]";
      if (!children.contains(row.unitCode())) {
        errors.add(
            error(
                at + ".unitCode",
                Message.of(
                    "target.not-below",
                    "unit",
                    row.unitCode(),
                    "parent",
                    parentName,
                    "year",
                    year)));
        continue;
      }
      if (!seen.add(row.unitCode())) {
        errors.add(error(at + ".unitCode", Message.of("target.unit-twice")));
      }
      if (measure == MeasureType.ACTIVITY) {
        if (row.value() != null) {
          errors.add(error(at + ".value", Message.of("target.activity-no-number")));
        }
        if (row.required() == null) {
          errors.add(error(at + ".required", Message.of("target.activity-required")));
        }
        continue;
      }
      if (Boolean.FALSE.equals(row.required()) && row.value() != null) {
        errors.add(error(at + ".value", Message.of("target.not-allocated-no-number")));
        continue;
      }
      Message problem = numberProblem(measure, row.value());
      if (problem != null) {
        errors.add(error(at + ".value", problem));
      }
    }
    return errors;
  }

  /** What is wrong with a target's number, or null when nothing is. */
  static Message numberProblem(MeasureType measure, BigDecimal v) {
    if (v == null) {
      return null;
    }
    if (v.signum() < 0) {
      return Message.of("target.negative");
    }
    if (measure == MeasureType.PERCENTAGE && v.compareTo(HUNDRED) > 0) {
      return Message.of("target.over-100");
    }
    if (measure == MeasureType.COUNT && v.stripTrailingZeros().scale() > 0) {
      return Message.of("target.whole");
    }
    if (v.compareTo(MAX) >= 0) {
      return Message.of("number.too-large");
    }
    return null;
  }

  /**
   * Whether a row sets the item for the unit: for an activity, that it must carry it out; for a
   * count or a percentage, that it is allocated at all (false: "không giao", the item does not
   * apply to the unit).
   */
  public static boolean requiredOf(boolean activity, AllocationDtos.RowUpdate row) {
    return activity ? Boolean.TRUE.equals(row.required()) : !Boolean.FALSE.equals(row.required());
  }

  /**
   * How a column stands against its parent's target: the sum of counts, how many units have a
   * target, how many were not allocated the item ("không giao"), and the state.
   */
  public record Summary(BigDecimal sum, int withTarget, int notAllocated, String status) {}

  /** What a summary needs of one target: its value and whether the item is set for the unit. */
  public record Allocated(BigDecimal value, boolean required) {}

  /** {@link #summarize(MeasureType, int, BigDecimal, List)} of stored targets. */
  public static Summary summarize(
      MeasureType measure, int children, BigDecimal parentValue, Collection<Target> targets) {
    return summarize(
        measure,
        children,
        parentValue,
        targets.stream().map(t -> new Allocated(t.value, t.required)).toList());
  }

  /**
   * Counts: the sum of the children's targets and whether it is exact, under or over the parent's
   * target. Percentages: how many children have one. Activities: whether anything was set.
   */
  public static Summary summarize(
      MeasureType measure, int children, BigDecimal parentValue, List<Allocated> targets) {
    List<Allocated> set =
        targets.stream().filter(t -> t.value() != null || measure == MeasureType.ACTIVITY).toList();
    int withTarget = set.size();
    int notAllocated =
        measure == MeasureType.ACTIVITY
            ? 0
            : (int) targets.stream().filter(t -> t.value() == null && !t.required()).count();
    int due = children - notAllocated;
    return switch (measure) {
      case COUNT -> {
        BigDecimal sum =
            set.stream()
                .map(Allocated::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .stripTrailingZeros();
        String status;
        if (withTarget == 0) {
          status = "unallocated";
        } else if (parentValue == null) {
          status = "no-parent-target";
        } else {
          int c = sum.compareTo(parentValue);
          status = c < 0 ? "under" : c > 0 ? "over" : "exact";
        }
        yield new Summary(sum, withTarget, notAllocated, status);
      }
      case PERCENTAGE ->
          new Summary(
              null,
              withTarget,
              notAllocated,
              withTarget == 0 ? "unallocated" : withTarget < due ? "partial" : "complete");
      case ACTIVITY -> new Summary(null, withTarget, 0, withTarget == 0 ? "default" : "set");
    };
  }

  /** The value a fill method takes per unit or per commune: a number ≥ 0 (≤ 100 for a rate). */
  public static BigDecimal requireFillValue(BigDecimal value, MeasureType measure) {
    if (value == null || value.signum() < 0) {
      throw ApiException.invalid("value", Message.of("fill.value-required"));
    }
    if (measure == MeasureType.PERCENTAGE && value.compareTo(HUNDRED) > 0) {
      throw ApiException.invalid("value", Message.of("target.over-100"));
    }
    return value;
  }

  public static Allocation.Remainder remainder(String value) {
    if (value == null || value.isBlank()) {
      return Allocation.Remainder.FIRST;
    }
    try {
      return Allocation.Remainder.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          "remainder", Message.of("value.one-of", "options", List.of("first", "last", "none")));
    }
  }

  /** Numbers as people write them: 56, not 56.000 (the column's scale). */
  public static BigDecimal plain(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros();
  }

  public static boolean same(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  /** The errors as one problem+json 400, every field named. */
  public static ApiException invalid(List<ProblemDetail.FieldError> errors) {
    return new ApiException(
        vn.lhpn.kehoach.common.ProblemType.VALIDATION, Message.of("values.invalid"), errors);
  }

  private static ProblemDetail.FieldError error(String field, Message message) {
    return new ProblemDetail.FieldError(field, message);
  }
}
