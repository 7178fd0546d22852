package vn.lhpn.kehoach.progress.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;
import vn.lhpn.kehoach.orgunit.OrgUnitVersions;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.progress.dto.ProgressDtos;

/**
 * Who reported for a period in a subtree. The units expected are those that existed on the period's
 * last day (a commune merged away during the period is not expected, its successor is), so the
 * share never goes above 100 % when units merge, open or close.
 */
@ApplicationScoped
public class CompletenessQueries {
  private final ProgressContext context;
  private final Clock clock;
  private final EntityManager em;

  CompletenessQueries(ProgressContext context, Clock clock, EntityManager em) {
    this.context = context;
    this.clock = clock;
    this.em = em;
  }

  /** A unit's report for the period: its state as shown ("returned" for a returned draft). */
  private record Reported(String state, OffsetDateTime submittedAt) {}

  @Transactional
  @SuppressWarnings("unchecked")
  public ProgressDtos.Completeness completeness(String planId, String unitCode, String periodCode) {
    Plan plan = context.plan(planId);
    if (periodCode == null || periodCode.isBlank()) {
      throw ApiException.invalid("period", Message.of("required"));
    }
    Period period =
        Period.find(plan, periodCode.strip())
            .orElseThrow(
                () ->
                    new ApiException(
                        ProblemType.NOT_FOUND,
                        Message.of("period.not-found", "period", periodCode)));
    OrgUnit unit = context.unit(unitCode, period.endsOn);
    List<OrgUnit> expected =
        OrgUnitVersions.latestPerCode(
            OrgUnit.list(
                "code in :codes and " + OrgUnit.VALID_ON,
                Parameters.with("codes", context.subtreeOf(unit.code)).and("day", period.endsOn)));
    Map<String, Reported> reports = new HashMap<>();
    if (!expected.isEmpty()) {
      for (Object[] r :
          (List<Object[]>)
              em.createNativeQuery(
                      """
                      SELECT unit_code, state, returned, submitted_at FROM submission
                      WHERE period_id = ?1 AND unit_code IN (?2)
                      """)
                  .setParameter(1, period.id)
                  .setParameter(2, expected.stream().map(u -> u.code).toList())
                  .getResultList()) {
        String state = (String) r[1];
        reports.put(
            (String) r[0],
            new Reported(
                "draft".equals(state) && Boolean.TRUE.equals(r[2]) ? "returned" : state,
                vn.lhpn.kehoach.common.Times.utc(r[3])));
      }
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    int submitted = 0, approved = 0, returned = 0, draft = 0, missing = 0, late = 0;
    List<ProgressDtos.CompletenessUnit> units = new ArrayList<>();
    for (OrgUnit u : expected) {
      Reported s = reports.get(u.code);
      String state = s == null ? "none" : s.state();
      boolean isLate =
          (s == null
                  || s.submittedAt() == null
                  || state.equals("submitted")
                  || state.equals("approved"))
              && period.late(s == null ? null : s.submittedAt(), clock.getZone(), now);
      switch (state) {
        case "approved" -> approved++;
        case "submitted" -> submitted++;
        case "returned" -> returned++;
        case "draft" -> draft++;
        default -> missing++;
      }
      if (isLate) {
        late++;
      }
      units.add(
          new ProgressDtos.CompletenessUnit(
              OrgUnitSummary.of(u), state, s == null ? null : s.submittedAt(), isLate));
    }
    return new ProgressDtos.Completeness(
        plan.code,
        OrgUnitSummary.of(unit),
        period.code,
        period.dueOn,
        expected.size(),
        submitted + approved,
        approved,
        returned,
        draft,
        missing,
        late,
        units);
  }
}
