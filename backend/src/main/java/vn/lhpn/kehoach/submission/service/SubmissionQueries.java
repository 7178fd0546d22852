package vn.lhpn.kehoach.submission.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.lhpn.kehoach.allocation.service.UnitTargets;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.PageResult;
import vn.lhpn.kehoach.common.Paging;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.security.Access;
import vn.lhpn.kehoach.submission.Submission;
import vn.lhpn.kehoach.submission.SubmissionEvent;
import vn.lhpn.kehoach.submission.dto.SubmissionDtos;

/** Reading reports: lists, one report, the form a unit fills in, its history and its diff. */
@ApplicationScoped
public class SubmissionQueries {
  private final Access access;
  private final SubmissionLookups lookups;
  private final SubmissionMapper mapper;
  private final SubmissionPolicy policy;
  private final EntityManager em;

  SubmissionQueries(
      Access access,
      SubmissionLookups lookups,
      SubmissionMapper mapper,
      SubmissionPolicy policy,
      EntityManager em) {
    this.access = access;
    this.lookups = lookups;
    this.mapper = mapper;
    this.policy = policy;
    this.em = em;
  }

  /** Filters of the submission list; null means "any". */
  public record Filter(
      String planId,
      String period,
      String unitCode,
      String state,
      OffsetDateTime updatedSince,
      boolean withValues) {}

  @Transactional
  public PageResult<SubmissionDtos.Submission> list(Filter filter, Paging paging) {
    Plan plan = lookups.plan(filter.planId());
    StringBuilder where = new StringBuilder("period.plan = :plan and unitCode in :units");
    Parameters params = Parameters.with("plan", plan).and("units", access.subtree());
    if (filter.period() != null) {
      where.append(" and period = :period");
      params.and("period", SubmissionLookups.period(plan, filter.period()));
    }
    if (filter.unitCode() != null) {
      access.requireInScope(filter.unitCode(), "unit");
      where.append(" and unitCode = :unit");
      params.and("unit", filter.unitCode());
    }
    if (filter.state() != null) {
      switch (filter.state()) {
        case "returned" -> where.append(" and state = 'draft' and returned = true");
        case "draft" -> where.append(" and state = 'draft' and returned = false");
        case "submitted", "approved" -> {
          where.append(" and state = :state");
          params.and("state", Submission.State.valueOf(filter.state()));
        }
        default -> throw ApiException.invalid("state", "draft, returned, submitted hoặc approved");
      }
    }
    if (filter.updatedSince() != null) {
      where.append(" and updatedAt > :since");
      params.and("since", filter.updatedSince());
    }
    var query = Submission.<Submission>find(where + " order by updatedAt desc, id", params);
    long total = query.count();
    List<SubmissionDtos.Submission> items =
        query.page(Page.of(paging.page(), paging.size())).list().stream()
            .map(s -> mapper.toDto(s, filter.withValues()))
            .toList();
    return new PageResult<>(items, paging.page(), paging.size(), total);
  }

  @Transactional
  public SubmissionDtos.Submission get(long id) {
    return mapper.toDto(lookups.visible(id, false), true);
  }

  /** What a unit reports for a period: each applicable leaf, its target and its value. */
  @Transactional
  public SubmissionDtos.Form form(String planId, String periodCode, String unitCode) {
    Plan plan = lookups.plan(planId);
    Period period = SubmissionLookups.period(plan, periodCode);
    String code = unitCode == null || unitCode.isBlank() ? access.unitCode() : unitCode.strip();
    OrgUnit unit = lookups.unit(code, period, "unit");
    Submission submission = Submission.of(period, code).orElse(null);
    Map<Long, ReportValues.Row> values =
        submission == null
            ? Map.of()
            : ReportValues.of(em, submission.id).stream()
                .collect(Collectors.toMap(ReportValues.Row::itemId, Function.identity()));
    List<SubmissionDtos.FormItem> items = new ArrayList<>();
    boolean remarks = policy.mayReadRemarks();
    // the form shows where each item sits in the plan (its section, its groups): the items' tree
    Map<Long, PlanItem> tree =
        PlanItem.listOf(plan).stream().collect(Collectors.toMap(i -> i.id, Function.identity()));
    for (UnitTargets.Entry e : lookups.entries(plan, period, unit).values()) {
      ReportValues.Row v = values.get(e.item().id());
      if (!e.applies() && v == null) {
        continue;
      }
      items.add(SubmissionMapper.formItem(e, tree.get(e.item().id()), v, remarks));
    }
    boolean canEdit =
        policy.isReporterOf(code)
            && period.state == Period.State.open
            && (submission == null || submission.state == Submission.State.draft);
    return new SubmissionDtos.Form(
        plan.code,
        SubmissionMapper.periodRef(period),
        code,
        unit.name,
        submission == null ? null : mapper.toDto(submission, false),
        canEdit,
        items);
  }

  @Transactional
  public List<SubmissionDtos.Event> history(long id, String itemKey) {
    Submission s = lookups.visible(id, false);
    policy.requireRemarks();
    return SubmissionEvent.of(s).stream()
        .filter(e -> itemKey == null || (e.item != null && e.item.key.equals(itemKey)))
        .map(SubmissionMapper::event)
        .toList();
  }

  /** What changed since the last approval: each item whose value differs from the approved one. */
  @Transactional
  public SubmissionDtos.Diff diff(long id) {
    Submission s = lookups.visible(id, false);
    policy.requireRemarks();
    var approval = SubmissionEvent.lastApproval(s);
    Map<String, Map<String, Object>> approved =
        approval.map(a -> a.snapshot).filter(Objects::nonNull).orElse(Map.of());
    Map<String, ReportValues.Row> current =
        ReportValues.of(em, s.id).stream()
            .collect(
                Collectors.toMap(
                    ReportValues.Row::itemKey,
                    Function.identity(),
                    (a, b) -> a,
                    LinkedHashMap::new));
    Map<String, PlanItem> items =
        PlanItem.listOf(s.period.plan).stream()
            .collect(Collectors.toMap(i -> i.key, Function.identity()));
    Set<String> keys = new HashSet<>(approved.keySet());
    keys.addAll(current.keySet());
    List<SubmissionDtos.DiffItem> changes = new ArrayList<>();
    keys.stream()
        .sorted(
            Comparator.comparingInt(
                k -> items.containsKey(k) ? items.get(k).position : Integer.MAX_VALUE))
        .forEach(
            key -> {
              Map<String, Object> before = approved.get(key);
              Map<String, Object> after =
                  current.containsKey(key) ? current.get(key).asMap() : null;
              if (!Objects.equals(normalize(before), normalize(after))) {
                changes.add(
                    new SubmissionDtos.DiffItem(
                        key, items.containsKey(key) ? items.get(key).title : key, before, after));
              }
            });
    return new SubmissionDtos.Diff(s.id, approval.map(a -> a.at).orElse(null), changes);
  }

  private static Object normalize(Map<String, Object> value) {
    if (value == null) {
      return null;
    }
    boolean empty =
        value.get("number") == null
            && value.get("status") == null
            && value.get("note") == null
            && (value.get("evidence") == null || ((List<?>) value.get("evidence")).isEmpty());
    return empty ? null : value;
  }
}
