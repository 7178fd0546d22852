package vn.lhpn.kehoach.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.lhpn.kehoach.allocation.Target;
import vn.lhpn.kehoach.allocation.TargetChange;
import vn.lhpn.kehoach.allocation.dto.AllocationDtos;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.security.Access;

/**
 * The one class that writes targets, and with every change a line of history (who, when, before,
 * after, how, why). Rows must have been validated ({@link TargetRules#validate}).
 */
@ApplicationScoped
public class TargetWriter {
  private final Access access;
  private final ReportedResults reported;
  private final Clock clock;

  TargetWriter(Access access, ReportedResults reported, Clock clock) {
    this.access = access;
    this.reported = reported;
    this.clock = clock;
  }

  /**
   * The column's targets as stored, by unit code: those of its units, not those of units that
   * closed during the year ({@link AllocationContexts#closedDuring}), which stay as they were.
   */
  public static Map<String, Target> existing(ColumnContext ctx) {
    Set<String> children = new HashSet<>(ctx.childCodes());
    return Target.ofParent(ctx.item(), ctx.year(), ctx.parent().code).stream()
        .filter(t -> children.contains(t.unitCode))
        .collect(Collectors.toMap(t -> t.unitCode, Function.identity(), (a, b) -> a, HashMap::new));
  }

  /** Applies rows with history; returns how many targets changed. */
  public int apply(
      ColumnContext ctx,
      Map<String, Target> existing,
      List<AllocationDtos.RowUpdate> rows,
      String method,
      String reason) {
    int changed = 0;
    OffsetDateTime now = ClockProducer.now(clock);
    boolean activity = ctx.activity();
    requireReasonOnceReported(ctx, existing, rows, reason);
    for (AllocationDtos.RowUpdate row : rows) {
      BigDecimal value = activity || row.value() == null ? null : row.value().stripTrailingZeros();
      boolean required = TargetRules.requiredOf(activity, row);
      Target t = existing.get(row.unitCode());
      BigDecimal beforeValue = t == null ? null : t.value;
      Boolean beforeRequired = t == null ? null : t.required;
      if (t != null && TargetRules.same(t.value, value) && t.required == required) {
        continue;
      }
      if (t == null) {
        if (value == null && !activity && required) {
          continue; // clearing a target that does not exist
        }
        t = new Target();
        t.item = ctx.item();
        t.year = (short) ctx.year();
        t.unitCode = row.unitCode();
        t.parentUnitCode = ctx.parent().code;
        existing.put(row.unitCode(), t);
      }
      t.value = value;
      t.required = required;
      t.method = method;
      t.persist();
      TargetChange change = new TargetChange();
      change.target = t;
      change.changedAt = now;
      change.changedBy = access.username();
      change.beforeValue = beforeValue;
      change.afterValue = value;
      change.beforeRequired = activity ? beforeRequired : null;
      change.afterRequired = activity ? required : null;
      change.method = method;
      change.reason = reason == null || reason.isBlank() ? null : reason.strip();
      change.persist();
      changed++;
    }
    return changed;
  }

  /** Whether any of these units (or a unit below them) reported against the column's item. */
  public boolean reported(ColumnContext ctx, List<String> unitCodes) {
    return reported.anyReported(ctx.item(), ctx.year(), unitCodes);
  }

  /**
   * Changing a target that units already reported against needs a reason: the history must say why
   * the goal moved under their feet. Setting a target for the first time does not.
   */
  private void requireReasonOnceReported(
      ColumnContext ctx,
      Map<String, Target> existing,
      List<AllocationDtos.RowUpdate> rows,
      String reason) {
    if (reason != null && !reason.isBlank()) {
      return;
    }
    boolean activity = ctx.activity();
    List<String> changing = new ArrayList<>();
    for (AllocationDtos.RowUpdate row : rows) {
      Target t = existing.get(row.unitCode());
      BigDecimal value = activity || row.value() == null ? null : row.value().stripTrailingZeros();
      boolean required = TargetRules.requiredOf(activity, row);
      if (t != null && !(TargetRules.same(t.value, value) && t.required == required)) {
        changing.add(row.unitCode());
      }
    }
    if (!changing.isEmpty() && reported.anyReported(ctx.item(), ctx.year(), changing)) {
      throw ApiException.invalid(
          "reason", Message.of("target.reason-after-reports", "year", ctx.year()));
    }
  }
}
