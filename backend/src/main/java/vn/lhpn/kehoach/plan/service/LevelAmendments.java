package vn.lhpn.kehoach.plan.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanRules;
import vn.lhpn.kehoach.plan.YearLevel;
import vn.lhpn.kehoach.plan.dto.PlanDtos;
import vn.lhpn.kehoach.security.Access;

/**
 * Điều chỉnh chỉ tiêu: the province planner gives a year of a counted or percentage leaf a new
 * level, with the decision's number and the reason (after the 2025 merger the province is another
 * province). The level in force is the new one: allocation splits it, progress and the verdicts
 * judge against it and say so ("amended"). The level as adopted stays beside it, and every
 * amendment is kept as it was made. A new import of the plan file keeps the amendments in force.
 */
@ApplicationScoped
public class LevelAmendments {
  private final PlanPolicy plans;
  private final Access access;
  private final EntityManager em;
  private final Clock clock;

  LevelAmendments(PlanPolicy plans, Access access, EntityManager em, Clock clock) {
    this.plans = plans;
    this.access = access;
    this.em = em;
    this.clock = clock;
  }

  @Transactional
  public PlanDtos.Item amend(
      String planId, String key, int year, long expectedVersion, PlanDtos.LevelAmendment a) {
    Plan plan = plans.readable(planId);
    plans.requireEditor(plan);
    PlanItem item = PlanService.itemOf(plan, key);
    Etags.check(expectedVersion, item.version);
    if (!PlanRules.isMeasuredLeaf(item) || item.measureType == MeasureType.ACTIVITY) {
      throw ApiException.invalid("key", Message.of("amend.count-or-rate"));
    }
    if (year < plan.firstYear || year > plan.lastYear) {
      throw ApiException.invalid(
          "year", Message.of("plan.year-outside", "first", plan.firstYear, "last", plan.lastYear));
    }
    BigDecimal value = a.value().stripTrailingZeros();
    boolean percent = item.measureType == MeasureType.PERCENTAGE;
    if (percent && value.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw ApiException.invalid("value", Message.of("target.over-100"));
    }
    if (!percent && value.scale() > 0) {
      throw ApiException.invalid("value", Message.of("target.whole"));
    }
    PlanItem.Level level =
        item.level(year)
            .orElseGet(
                () -> {
                  PlanItem.Level l = PlanItem.Level.of(year, YearLevel.parse("-"));
                  item.levels.add(l);
                  return l;
                });
    String before = level.raw;
    BigDecimal beforeValue = level.value;
    if (!level.amended()) {
      level.originalRaw = level.raw;
      level.originalValue = level.value;
    }
    YearLevel parsed = YearLevel.parse(printed(value, percent));
    level.raw = parsed.raw();
    level.kind = parsed.kind();
    level.value = parsed.value();
    level.decision = a.decision().strip();
    // the collection changed: the item's version moves on, so a stale If-Match is refused
    item.levels.set(item.levels.indexOf(level), level);
    em.createNativeQuery(
            """
            INSERT INTO plan_item_amendment (item_id, year, before_raw, before_value, after_raw,
              after_value, decision, reason, amended_by, amended_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
            """)
        .setParameter(1, item.id)
        .setParameter(2, (short) year)
        .setParameter(3, before)
        .setParameter(4, beforeValue)
        .setParameter(5, level.raw)
        .setParameter(6, level.value)
        .setParameter(7, level.decision)
        .setParameter(8, a.reason().strip())
        .setParameter(9, access.username())
        .setParameter(10, ClockProducer.now(clock))
        .executeUpdate();
    PlanItem.flush();
    return PlanMapper.toDto(item, null);
  }

  /** Every amendment of an item, newest first. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<PlanDtos.Amendment> history(String planId, String key) {
    Plan plan = plans.readable(planId);
    PlanItem item = PlanService.itemOf(plan, key);
    List<Object[]> rows =
        em.createNativeQuery(
                """
                SELECT year, before_raw, after_raw, decision, reason, amended_by, amended_at
                FROM plan_item_amendment WHERE item_id = ?1 ORDER BY amended_at DESC, id DESC
                """)
            .setParameter(1, item.id)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new PlanDtos.Amendment(
                    ((Number) r[0]).intValue(),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    (String) r[4],
                    (String) r[5],
                    at(r[6])))
        .toList();
  }

  private static OffsetDateTime at(Object v) {
    if (v instanceof OffsetDateTime o) {
      return o;
    }
    if (v instanceof java.time.Instant i) {
      return i.atOffset(ZoneOffset.UTC);
    }
    return ((Timestamp) v).toInstant().atOffset(ZoneOffset.UTC);
  }

  /** As the plan prints it: "1.200", "2,5%", "95%". */
  static String printed(BigDecimal value, boolean percent) {
    DecimalFormatSymbols vi = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN"));
    vi.setGroupingSeparator('.');
    vi.setDecimalSeparator(',');
    String n = new DecimalFormat(percent ? "0.###" : "#,##0.###", vi).format(value);
    return percent ? n + "%" : n;
  }
}
