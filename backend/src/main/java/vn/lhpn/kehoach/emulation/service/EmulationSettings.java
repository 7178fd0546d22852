package vn.lhpn.kehoach.emulation.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.common.Times;
import vn.lhpn.kehoach.emulation.dto.EmulationDtos;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.plan.service.PlanOutlines;
import vn.lhpn.kehoach.plan.service.PlanPolicy;
import vn.lhpn.kehoach.security.Access;

/**
 * A plan's emulation settings: its clusters and its scoring table, each versioned (If-Match) and
 * each change kept with who, when, before and after. The province's planner changes them; every
 * reader of the plan reads them.
 */
@ApplicationScoped
public class EmulationSettings {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EntityManager em;
  private final PlanPolicy plans;
  private final PlanOutlines outlines;
  private final Access access;
  private final Clock clock;

  EmulationSettings(
      EntityManager em, PlanPolicy plans, PlanOutlines outlines, Access access, Clock clock) {
    this.em = em;
    this.plans = plans;
    this.outlines = outlines;
    this.access = access;
    this.clock = clock;
  }

  /** The table in force: the saved one, else every item worth 10 points (a task 5). */
  public EmulationDtos.Scoring scoring(Plan plan) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT CAST(scoring AS text) FROM emulation_setting WHERE plan_id = ?1")
            .setParameter(1, plan.id)
            .getResultList();
    if (!rows.isEmpty()) {
      return parse((String) rows.get(0));
    }
    List<EmulationDtos.ScoringLine> lines = new ArrayList<>();
    for (PlanOutline.Item i : outlines.of(plan).items()) {
      lines.add(
          new EmulationDtos.ScoringLine(i.key(), BigDecimal.valueOf(i.isActivity() ? 5 : 10)));
    }
    return new EmulationDtos.Scoring(
        lines,
        BigDecimal.valueOf(100),
        new BigDecimal("0.05"),
        BigDecimal.valueOf(2),
        new BigDecimal("0.5"),
        BigDecimal.valueOf(5),
        BigDecimal.valueOf(10));
  }

  static ScoringRules.Table table(EmulationDtos.Scoring s) {
    return new ScoringRules.Table(
        s.lines().stream().map(l -> new ScoringRules.Line(l.item(), l.points())).toList(),
        s.fullAt(),
        s.bonusPerPercent(),
        s.bonusCap(),
        s.inProgressShare(),
        s.onTimePoints(),
        s.manualMax());
  }

  /** The clusters of a plan, in code order, each unit list in code order. */
  @SuppressWarnings("unchecked")
  public List<EmulationDtos.Cluster> clusters(Plan plan) {
    Map<String, EmulationDtos.Cluster> out = new LinkedHashMap<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    """
                    SELECT c.code, c.name, c.leader_unit, m.unit_code
                    FROM emulation_cluster c
                    LEFT JOIN emulation_cluster_member m ON m.cluster_id = c.id
                    WHERE c.plan_id = ?1 ORDER BY c.code, m.unit_code
                    """)
                .setParameter(1, plan.id)
                .getResultList()) {
      EmulationDtos.Cluster c =
          out.computeIfAbsent(
              (String) r[0],
              k -> new EmulationDtos.Cluster(k, (String) r[1], (String) r[2], new ArrayList<>()));
      if (r[3] != null) {
        c.units().add((String) r[3]);
      }
    }
    return new ArrayList<>(out.values());
  }

  @Transactional
  public EmulationDtos.Settings read(String planId) {
    return settings(plans.readable(planId));
  }

  @Transactional
  public EmulationDtos.Settings changeScoring(
      String planId, long expected, EmulationDtos.Scoring input) {
    Plan plan = plans.readable(planId);
    plans.requireEditor(plan);
    long[] versions = lockVersions(plan);
    Etags.check(expected, versions[0]);
    validate(plan, input);
    EmulationDtos.Scoring before = scoring(plan);
    OffsetDateTime now = ClockProducer.now(clock);
    em.createNativeQuery(
            """
            INSERT INTO emulation_setting (plan_id, scoring, scoring_version, clusters_version,
              updated_by, updated_at)
            VALUES (?1, CAST(?2 AS jsonb), 1, 0, ?3, ?4)
            ON CONFLICT (plan_id) DO UPDATE SET scoring = excluded.scoring,
              scoring_version = emulation_setting.scoring_version + 1,
              updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """)
        .setParameter(1, plan.id)
        .setParameter(2, json(input))
        .setParameter(3, access.username())
        .setParameter(4, now)
        .executeUpdate();
    record(plan, "scoring", versions[0] + 1, versions[0] == 0 ? null : before, input, now);
    return settings(plan);
  }

  @Transactional
  public EmulationDtos.Settings changeClusters(
      String planId, long expected, EmulationDtos.Clusters input) {
    Plan plan = plans.readable(planId);
    plans.requireEditor(plan);
    long[] versions = lockVersions(plan);
    Etags.check(expected, versions[1]);
    validate(input);
    List<EmulationDtos.Cluster> before = clusters(plan);
    OffsetDateTime now = ClockProducer.now(clock);
    em.createNativeQuery("DELETE FROM emulation_cluster WHERE plan_id = ?1")
        .setParameter(1, plan.id)
        .executeUpdate();
    for (EmulationDtos.Cluster c : input.clusters()) {
      Number id =
          (Number)
              em.createNativeQuery(
                      "INSERT INTO emulation_cluster (plan_id, code, name, leader_unit)"
                          + " VALUES (?1, ?2, ?3, ?4) RETURNING id")
                  .setParameter(1, plan.id)
                  .setParameter(2, c.code().strip())
                  .setParameter(3, c.name().strip())
                  .setParameter(4, blank(c.leaderUnit()))
                  .getSingleResult();
      for (String unit : c.units()) {
        em.createNativeQuery(
                "INSERT INTO emulation_cluster_member (cluster_id, plan_id, unit_code)"
                    + " VALUES (?1, ?2, ?3)")
            .setParameter(1, id.longValue())
            .setParameter(2, plan.id)
            .setParameter(3, unit.strip())
            .executeUpdate();
      }
    }
    em.createNativeQuery(
            """
            INSERT INTO emulation_setting (plan_id, scoring, scoring_version, clusters_version,
              updated_by, updated_at)
            VALUES (?1, CAST(?2 AS jsonb), 0, 1, ?3, ?4)
            ON CONFLICT (plan_id) DO UPDATE SET
              clusters_version = emulation_setting.clusters_version + 1,
              updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """)
        .setParameter(1, plan.id)
        .setParameter(2, json(scoring(plan)))
        .setParameter(3, access.username())
        .setParameter(4, now)
        .executeUpdate();
    record(plan, "clusters", versions[1] + 1, before, clusters(plan), now);
    return settings(plan);
  }

  /** The versions of the table and of the clusters, the row locked for the change. */
  private long[] lockVersions(Plan plan) {
    return versions(plan, " FOR UPDATE");
  }

  private void record(
      Plan plan, String what, long version, Object before, Object after, OffsetDateTime now) {
    em.createNativeQuery(
            "INSERT INTO emulation_change (plan_id, what, version, changed_by, changed_at,"
                + " before, after) VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb),"
                + " CAST(?7 AS jsonb))")
        .setParameter(1, plan.id)
        .setParameter(2, what)
        .setParameter(3, version)
        .setParameter(4, access.username())
        .setParameter(5, now)
        .setParameter(6, before == null ? null : json(before))
        .setParameter(7, json(after))
        .executeUpdate();
  }

  /** The versions of a plan's settings: table, clusters (0 before the first change). */
  public long[] versions(Plan plan) {
    return versions(plan, "");
  }

  private long[] versions(Plan plan, String lock) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT scoring_version, clusters_version FROM emulation_setting WHERE plan_id ="
                    + " ?1"
                    + lock)
            .setParameter(1, plan.id)
            .getResultList();
    if (rows.isEmpty()) {
      return new long[] {0, 0};
    }
    Object[] r = (Object[]) rows.get(0);
    return new long[] {((Number) r[0]).longValue(), ((Number) r[1]).longValue()};
  }

  @SuppressWarnings("unchecked")
  private EmulationDtos.Settings settings(Plan plan) {
    long[] versions = versions(plan);
    List<EmulationDtos.Change> changes = new ArrayList<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT what, version, changed_by, changed_at FROM emulation_change"
                        + " WHERE plan_id = ?1 ORDER BY id DESC LIMIT 30")
                .setParameter(1, plan.id)
                .getResultList()) {
      changes.add(
          new EmulationDtos.Change(
              (String) r[0], ((Number) r[1]).longValue(), (String) r[2], Times.utc(r[3])));
    }
    return new EmulationDtos.Settings(
        plan.code,
        scoring(plan),
        versions[0] == 0,
        versions[0],
        clusters(plan),
        versions[1],
        plans.allowed(plan).contains(PlanPolicy.EDIT),
        changes);
  }

  private void validate(Plan plan, EmulationDtos.Scoring s) {
    List<ProblemDetail.FieldError> errors = new ArrayList<>();
    Set<String> items = new HashSet<>();
    outlines.of(plan).items().forEach(i -> items.add(i.key()));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < s.lines().size(); i++) {
      EmulationDtos.ScoringLine l = s.lines().get(i);
      if (!items.contains(l.item())) {
        errors.add(
            field("lines[" + i + "].item", Message.of("item.not-in-plan", "item", l.item())));
      } else if (!seen.add(l.item())) {
        errors.add(field("lines[" + i + "].item", Message.of("duplicate")));
      }
      range(errors, "lines[" + i + "].points", l.points(), "0", "1000");
    }
    range(errors, "fullAt", s.fullAt(), "1", "1000");
    range(errors, "bonusPerPercent", s.bonusPerPercent(), "0", "100");
    range(errors, "bonusCap", s.bonusCap(), "0", "1000");
    range(errors, "inProgressShare", s.inProgressShare(), "0", "1");
    range(errors, "onTimePoints", s.onTimePoints(), "0", "1000");
    range(errors, "manualMax", s.manualMax(), "0", "1000");
    fail(errors, Message.of("emulation.invalid-scoring"));
  }

  private void validate(EmulationDtos.Clusters input) {
    List<ProblemDetail.FieldError> errors = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    Set<String> units = new HashSet<>();
    for (int i = 0; i < input.clusters().size(); i++) {
      EmulationDtos.Cluster c = input.clusters().get(i);
      String at = "clusters[" + i + "]";
      if (!codes.add(c.code().strip())) {
        errors.add(field(at + ".code", Message.of("duplicate")));
      }
      for (int j = 0; j < c.units().size(); j++) {
        String unit = c.units().get(j) == null ? "" : c.units().get(j).strip();
        if (!access.inScope(unit)) {
          errors.add(field(at + ".units[" + j + "]", Message.of("unit.not-found", "unit", unit)));
        } else if (!units.add(unit)) {
          errors.add(
              field(at + ".units[" + j + "]", Message.of("emulation.unit-in-another-cluster")));
        }
      }
      String leader = blank(c.leaderUnit());
      if (leader != null && c.units().stream().noneMatch(u -> leader.equals(u.strip()))) {
        errors.add(field(at + ".leaderUnit", Message.of("emulation.leader-not-in-cluster")));
      }
    }
    fail(errors, Message.of("emulation.invalid-clusters"));
  }

  private static void range(
      List<ProblemDetail.FieldError> errors, String field, BigDecimal v, String min, String max) {
    if (v != null
        && (v.compareTo(new BigDecimal(min)) < 0
            || v.compareTo(new BigDecimal(max)) > 0
            || v.stripTrailingZeros().scale() > 2 && !field.equals("bonusPerPercent"))) {
      errors.add(field(field, Message.of("number.between-two-decimals", "min", min, "max", max)));
    }
  }

  private static void fail(List<ProblemDetail.FieldError> errors, Message detail) {
    if (!errors.isEmpty()) {
      throw new ApiException(ProblemType.VALIDATION, detail, errors);
    }
  }

  private static ProblemDetail.FieldError field(String field, Message message) {
    return new ProblemDetail.FieldError(field, message);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static EmulationDtos.Scoring parse(String json) {
    try {
      return JSON.readValue(json, EmulationDtos.Scoring.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
