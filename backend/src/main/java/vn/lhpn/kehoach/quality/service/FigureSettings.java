package vn.lhpn.kehoach.quality.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.common.Times;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.service.PlanPolicy;
import vn.lhpn.kehoach.quality.dto.FigureDtos;
import vn.lhpn.kehoach.security.Access;

/**
 * A plan's thresholds for flagging figures: the defaults of {@link FigureRules.Thresholds} until
 * the province's planner changes them, then one versioned row, each change kept with who and when.
 */
@ApplicationScoped
public class FigureSettings {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EntityManager em;
  private final PlanPolicy plans;
  private final Access access;
  private final Clock clock;

  FigureSettings(EntityManager em, PlanPolicy plans, Access access, Clock clock) {
    this.em = em;
    this.plans = plans;
    this.access = access;
    this.clock = clock;
  }

  /** The thresholds in force for a plan (no permission check: for the flags' own reads). */
  public FigureRules.Thresholds of(long planId) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT history_ratio, target_percent, peer_score, peer_minimum"
                    + " FROM figure_check_rule WHERE plan_id = ?1")
            .setParameter(1, planId)
            .getResultList();
    if (rows.isEmpty()) {
      return FigureRules.Thresholds.DEFAULT;
    }
    Object[] r = (Object[]) rows.get(0);
    return new FigureRules.Thresholds(
        number(r[0]), number(r[1]), number(r[2]), ((Number) r[3]).intValue());
  }

  @Transactional
  public FigureDtos.Settings read(String planId) {
    Plan plan = plans.readable(planId);
    return settings(plan);
  }

  /** Changes the thresholds (a planner of the plan's province; If-Match the version read). */
  @Transactional
  public FigureDtos.Settings change(String planId, long expected, FigureDtos.Thresholds input) {
    Plan plan = plans.readable(planId);
    plans.requireEditor(plan);
    validate(input);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT version, history_ratio, target_percent, peer_score, peer_minimum"
                    + " FROM figure_check_rule WHERE plan_id = ?1 FOR UPDATE")
            .setParameter(1, plan.id)
            .getResultList();
    long current = rows.isEmpty() ? 0 : ((Number) rows.get(0)[0]).longValue();
    Etags.check(expected, current);
    FigureRules.Thresholds before = of(plan.id);
    FigureRules.Thresholds after =
        new FigureRules.Thresholds(
            strip(input.historyRatio()),
            strip(input.targetPercent()),
            strip(input.peerScore()),
            input.peerMinimum());
    if (before.equals(after) && !rows.isEmpty()) {
      return settings(plan);
    }
    OffsetDateTime now = ClockProducer.now(clock);
    em.createNativeQuery(
            """
            INSERT INTO figure_check_rule (plan_id, history_ratio, target_percent, peer_score,
              peer_minimum, version, updated_by, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7)
            ON CONFLICT (plan_id) DO UPDATE SET history_ratio = excluded.history_ratio,
              target_percent = excluded.target_percent, peer_score = excluded.peer_score,
              peer_minimum = excluded.peer_minimum, version = figure_check_rule.version + 1,
              updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """)
        .setParameter(1, plan.id)
        .setParameter(2, after.historyRatio())
        .setParameter(3, after.targetPercent())
        .setParameter(4, after.peerScore())
        .setParameter(5, (short) after.peerMinimum())
        .setParameter(6, access.username())
        .setParameter(7, now)
        .executeUpdate();
    em.createNativeQuery(
            "INSERT INTO figure_check_rule_change (plan_id, changed_by, changed_at, before, after)"
                + " VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), CAST(?5 AS jsonb))")
        .setParameter(1, plan.id)
        .setParameter(2, access.username())
        .setParameter(3, now)
        .setParameter(4, json(rows.isEmpty() ? null : before))
        .setParameter(5, json(after))
        .executeUpdate();
    return settings(plan);
  }

  private FigureDtos.Settings settings(Plan plan) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT version, updated_by, updated_at FROM figure_check_rule WHERE plan_id = ?1")
            .setParameter(1, plan.id)
            .getResultList();
    @SuppressWarnings("unchecked")
    List<Object[]> changes =
        em.createNativeQuery(
                "SELECT changed_by, changed_at, CAST(before AS text), CAST(after AS text)"
                    + " FROM figure_check_rule_change WHERE plan_id = ?1 ORDER BY id DESC LIMIT 20")
            .setParameter(1, plan.id)
            .getResultList();
    List<FigureDtos.ThresholdChange> history = new ArrayList<>();
    for (Object[] c : changes) {
      history.add(
          new FigureDtos.ThresholdChange(
              (String) c[0], Times.utc(c[1]), parse((String) c[2]), parse((String) c[3])));
    }
    Object[] row = rows.isEmpty() ? null : rows.get(0);
    return new FigureDtos.Settings(
        plan.code,
        dto(of(plan.id)),
        row == null,
        row == null ? 0 : ((Number) row[0]).longValue(),
        row == null ? null : (String) row[1],
        row == null ? null : Times.utc(row[2]),
        plans.allowed(plan).contains(PlanPolicy.EDIT),
        history);
  }

  private static void validate(FigureDtos.Thresholds t) {
    List<ProblemDetail.FieldError> errors = new ArrayList<>();
    range(errors, "historyRatio", t.historyRatio(), "1", "1000");
    range(errors, "targetPercent", t.targetPercent(), "100", "100000");
    range(errors, "peerScore", t.peerScore(), "0", "100");
    if (t.peerMinimum() == null || t.peerMinimum() < 3 || t.peerMinimum() > 1000) {
      errors.add(
          new ProblemDetail.FieldError(
              "peerMinimum", Message.of("number.between", "min", 3, "max", 1000)));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(
          ProblemType.VALIDATION, Message.of("flags.invalid-thresholds"), errors);
    }
  }

  private static void range(
      List<ProblemDetail.FieldError> errors,
      String field,
      BigDecimal value,
      String above,
      String atMost) {
    if (value != null
        && (value.compareTo(new BigDecimal(above)) <= 0
            || value.compareTo(new BigDecimal(atMost)) > 0
            || value.stripTrailingZeros().scale() > 2)) {
      errors.add(
          new ProblemDetail.FieldError(
              field, Message.of("number.above-two-decimals", "above", above, "max", atMost)));
    }
  }

  static FigureDtos.Thresholds dto(FigureRules.Thresholds t) {
    return new FigureDtos.Thresholds(
        t.historyRatio(), t.targetPercent(), t.peerScore(), t.peerMinimum());
  }

  private static String json(FigureRules.Thresholds t) {
    if (t == null) {
      return null;
    }
    try {
      return JSON.writeValueAsString(dto(t));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static FigureDtos.Thresholds parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      Map<?, ?> m = JSON.readValue(json, Map.class);
      return new FigureDtos.Thresholds(
          decimal(m.get("historyRatio")),
          decimal(m.get("targetPercent")),
          decimal(m.get("peerScore")),
          m.get("peerMinimum") == null ? null : ((Number) m.get("peerMinimum")).intValue());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigDecimal decimal(Object o) {
    return o == null ? null : new BigDecimal(o.toString()).stripTrailingZeros();
  }

  private static BigDecimal number(Object o) {
    return o == null ? null : ((BigDecimal) o).stripTrailingZeros();
  }

  private static BigDecimal strip(BigDecimal b) {
    return b == null ? null : b.stripTrailingZeros();
  }
}
