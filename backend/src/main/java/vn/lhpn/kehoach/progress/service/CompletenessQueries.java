package vn.lhpn.kehoach.progress.service;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;
import vn.lhpn.kehoach.orgunit.OrgUnitVersions;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.progress.dto.ProgressDtos;
import vn.lhpn.kehoach.submission.Submission;

/**
 * Who reported for a period in a subtree. The units expected are those that existed on the period's
 * last day (a commune merged away during the period is not expected, its successor is), so the
 * share never goes above 100 % when units merge, open or close.
 */
@ApplicationScoped
public class CompletenessQueries {
  private final ProgressContext context;
  private final Clock clock;

  CompletenessQueries(ProgressContext context, Clock clock) {
    this.context = context;
    this.clock = clock;
  }

  @Transactional
  public ProgressDtos.Completeness completeness(String planId, String unitCode, String periodCode) {
    Plan plan = context.plan(planId);
    if (periodCode == null || periodCode.isBlank()) {
      throw ApiException.invalid("period", "bắt buộc / required");
    }
    Period period =
        Period.find(plan, periodCode.strip())
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "Không có kỳ báo cáo '" + periodCode + "' / No period " + periodCode));
    OrgUnit unit = context.unit(unitCode, period.endsOn);
    List<OrgUnit> expected =
        OrgUnitVersions.latestPerCode(
            OrgUnit.list(
                "code in :codes and " + OrgUnit.VALID_ON,
                Parameters.with("codes", context.subtreeOf(unit.code)).and("day", period.endsOn)));
    Map<String, Submission> reports =
        expected.isEmpty()
            ? Map.of()
            : Submission.<Submission>list(
                    "period = ?1 and unitCode in ?2",
                    period,
                    expected.stream().map(u -> u.code).toList())
                .stream()
                .collect(Collectors.toMap(s -> s.unitCode, Function.identity()));
    OffsetDateTime now = OffsetDateTime.now(clock);
    int submitted = 0, approved = 0, returned = 0, draft = 0, missing = 0, late = 0;
    List<ProgressDtos.CompletenessUnit> units = new ArrayList<>();
    for (OrgUnit u : expected) {
      Submission s = reports.get(u.code);
      String state = s == null ? "none" : s.displayState();
      boolean isLate =
          (s == null
                  || s.submittedAt == null
                  || state.equals("submitted")
                  || state.equals("approved"))
              && period.late(s == null ? null : s.submittedAt, clock.getZone(), now);
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
              OrgUnitSummary.of(u), state, s == null ? null : s.submittedAt, isLate));
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
