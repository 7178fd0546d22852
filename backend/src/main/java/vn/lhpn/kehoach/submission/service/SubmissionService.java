package vn.lhpn.kehoach.submission.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.PageResult;
import vn.lhpn.kehoach.common.Paging;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.importer.ItemKind;
import vn.lhpn.kehoach.plan.importer.MeasureType;
import vn.lhpn.kehoach.plan.service.PlanAccess;
import vn.lhpn.kehoach.security.CurrentUser;
import vn.lhpn.kehoach.security.OrgScope;
import vn.lhpn.kehoach.security.Roles;
import vn.lhpn.kehoach.submission.Submission;
import vn.lhpn.kehoach.submission.SubmissionEvent;
import vn.lhpn.kehoach.submission.SubmissionValue;
import vn.lhpn.kehoach.submission.rest.SubmissionDtos;
import vn.lhpn.kehoach.submission.service.Workflow.Action;
import vn.lhpn.kehoach.target.service.UnitTargets;

/**
 * Submissions: a unit's reporter enters values and submits; a reviewer of the unit above approves
 * or returns. Every check happens here, in this order: can the caller see the submission (404), may
 * they do this to it (403), did they read the current version (412), does the workflow allow it
 * from the current state (409), is the input valid (400).
 */
@ApplicationScoped
public class SubmissionService {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal MAX_NUMBER = new BigDecimal("1e11");

  private final CurrentUser user;
  private final OrgScope scope;
  private final PlanAccess planAccess;
  private final UnitTargets unitTargets;
  private final EntityManager em;
  private final UnitLookup units;

  SubmissionService(
      CurrentUser user,
      OrgScope scope,
      PlanAccess planAccess,
      UnitTargets unitTargets,
      EntityManager em,
      UnitLookup units) {
    this.user = user;
    this.scope = scope;
    this.planAccess = planAccess;
    this.unitTargets = unitTargets;
    this.em = em;
    this.units = units;
  }

  /** Filters of the submission list; null means "any". */
  public record Filter(
      String planId,
      String period,
      String unitCode,
      String state,
      OffsetDateTime updatedSince,
      boolean withValues) {}

  // --- reading

  @Transactional
  public PageResult<SubmissionDtos.Submission> list(Filter filter, Paging paging) {
    Plan plan = plan(filter.planId());
    StringBuilder where = new StringBuilder("period.plan = :plan and unitCode in :units");
    Parameters params = Parameters.with("plan", plan).and("units", scope.subtree());
    if (filter.period() != null) {
      where.append(" and period = :period");
      params.and("period", period(plan, filter.period()));
    }
    if (filter.unitCode() != null) {
      requireVisibleUnit(filter.unitCode(), "unit");
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
            .map(s -> toDto(s, filter.withValues()))
            .toList();
    return new PageResult<>(items, paging.page(), paging.size(), total);
  }

  @Transactional
  public SubmissionDtos.Submission get(long id) {
    return toDto(visible(id, false), true);
  }

  /** What a unit reports for a period: each applicable leaf, its target and its value. */
  @Transactional
  public SubmissionDtos.Form form(String planId, String periodCode, String unitCode) {
    Plan plan = plan(planId);
    Period period = period(plan, periodCode);
    String code = unitCode == null || unitCode.isBlank() ? scope.unitCode() : unitCode.strip();
    requireVisibleUnit(code, "unit");
    OrgUnit unit = unit(code, period);
    Submission submission = Submission.of(period, code).orElse(null);
    Map<Long, SubmissionValue> values =
        submission == null
            ? Map.of()
            : SubmissionValue.of(submission).stream()
                .collect(Collectors.toMap(v -> v.item.id, Function.identity()));
    List<SubmissionDtos.FormItem> items = new ArrayList<>();
    for (UnitTargets.Entry e : unitTargets.of(plan, period.year, unit)) {
      SubmissionValue v = values.get(e.item().id);
      if (!e.applies() && v == null) {
        continue;
      }
      items.add(formItem(e, v));
    }
    boolean canEdit =
        isReporterOf(code)
            && period.state == Period.State.open
            && (submission == null || submission.state == Submission.State.draft);
    return new SubmissionDtos.Form(
        plan.code,
        periodRef(period),
        code,
        unit.name,
        submission == null ? null : toDto(submission, false),
        canEdit,
        items);
  }

  @Transactional
  public List<SubmissionDtos.Event> history(long id, String itemKey) {
    Submission s = visible(id, false);
    return SubmissionEvent.of(s).stream()
        .filter(e -> itemKey == null || (e.item != null && e.item.key.equals(itemKey)))
        .map(
            e ->
                new SubmissionDtos.Event(
                    e.id,
                    e.at,
                    e.actor,
                    e.kind,
                    e.item == null ? null : e.item.key,
                    e.fromState,
                    e.toState,
                    e.reason,
                    e.before,
                    e.after))
        .toList();
  }

  /** What changed since the last approval: each item whose value differs from the approved one. */
  @Transactional
  public SubmissionDtos.Diff diff(long id) {
    Submission s = visible(id, false);
    var approval = SubmissionEvent.lastApproval(s);
    Map<String, Map<String, Object>> approved =
        approval.map(a -> a.snapshot).filter(Objects::nonNull).orElse(Map.of());
    Map<String, SubmissionValue> current =
        SubmissionValue.of(s).stream()
            .collect(
                Collectors.toMap(
                    v -> v.item.key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    Map<String, PlanItem> items =
        PlanItem.listOf(s.period.plan).stream()
            .collect(Collectors.toMap(i -> i.key, Function.identity()));
    List<SubmissionDtos.DiffItem> changes = new ArrayList<>();
    Set<String> keys = new HashSet<>(approved.keySet());
    keys.addAll(current.keySet());
    List<String> ordered =
        keys.stream()
            .sorted(
                Comparator.comparingInt(
                    k -> items.containsKey(k) ? items.get(k).position : Integer.MAX_VALUE))
            .toList();
    for (String key : ordered) {
      Map<String, Object> before = approved.get(key);
      Map<String, Object> after = current.containsKey(key) ? current.get(key).asMap() : null;
      if (!Objects.equals(normalize(before), normalize(after))) {
        changes.add(
            new SubmissionDtos.DiffItem(
                key, items.containsKey(key) ? items.get(key).title : key, before, after));
      }
    }
    return new SubmissionDtos.Diff(s.id, approval.map(a -> a.at).orElse(null), changes);
  }

  // --- writing

  /** The first save of a unit's report for a period creates it (as a draft). */
  @Transactional
  public SubmissionDtos.Submission create(SubmissionDtos.Create create) {
    Plan plan = plan(create.planId());
    Period period = period(plan, create.period());
    String code = create.unitCode().strip();
    requireVisibleUnit(code, "unitCode");
    requireReporter(code);
    requireOpen(period);
    OrgUnit unit = unit(code, period);
    Submission.of(period, code)
        .ifPresent(
            existing -> {
              throw new ApiException(
                      ProblemType.CONFLICT,
                      "Đơn vị "
                          + code
                          + " đã có báo cáo kỳ "
                          + period.code
                          + " (id "
                          + existing.id
                          + "); hãy sửa báo cáo đó / This unit already has a report for the"
                          + " period (id "
                          + existing.id
                          + ")",
                      List.of(new ProblemDetail.FieldError("unitCode", "đã có báo cáo / exists")))
                  .withCurrent(toDto(existing, true), Etags.of(existing.version));
            });
    List<SubmissionDtos.ValueInput> inputs = create.values() == null ? List.of() : create.values();
    Map<String, UnitTargets.Entry> entries = entries(plan, period, unit);
    validate(inputs, entries, "values");
    Submission s = new Submission();
    s.period = period;
    s.unitCode = code;
    s.createdBy = user.username();
    s.persist();
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw new ApiException(
          ProblemType.CONFLICT,
          "Báo cáo của đơn vị "
              + code
              + " kỳ "
              + period.code
              + " vừa được tạo; hãy tải lại / It was just created; reload",
          List.of(new ProblemDetail.FieldError("unitCode", "đã có báo cáo / exists")));
    }
    event(s, "create", null, null, Submission.State.draft.name(), null, null, null, null);
    apply(s, inputs, entries);
    em.flush();
    return toDto(s, true);
  }

  /** Saves the listed values in one go; items not listed keep theirs. */
  @Transactional
  public SubmissionDtos.Submission saveValues(
      long id, long expectedVersion, List<SubmissionDtos.ValueInput> inputs) {
    Submission s = visible(id, true);
    requireReporter(s.unitCode);
    checkVersion(s, expectedVersion);
    requireAllowed(s, Action.EDIT);
    requireOpen(s.period);
    Plan plan = s.period.plan;
    Map<String, UnitTargets.Entry> entries = entries(plan, s.period, unit(s.unitCode, s.period));
    validate(inputs, entries, "values");
    if (apply(s, inputs, entries) > 0) {
      s.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
    em.flush();
    return toDto(s, true);
  }

  @Transactional
  public SubmissionDtos.Submission transition(
      long id, long expectedVersion, Action action, String reason) {
    Submission s = visible(id, true);
    authorize(s, action);
    checkVersion(s, expectedVersion);
    requireAllowed(s, action);
    move(s, action, reason);
    em.flush();
    return toDto(s, true);
  }

  /** Approves or returns several submissions at once: all of them, or none. */
  @Transactional
  public SubmissionDtos.BulkResult bulkReview(SubmissionDtos.BulkReview bulk) {
    Action action =
        switch (bulk.action()) {
          case "approve" -> Action.APPROVE;
          case "return" -> Action.RETURN;
          default -> throw ApiException.invalid("action", "approve hoặc return");
        };
    List<SubmissionDtos.Ref> refs = bulk.submissions();
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < refs.size(); i++) {
      if (!seen.add(refs.get(i).id())) {
        throw ApiException.invalid("submissions[" + i + "].id", "lặp lại / duplicate");
      }
    }
    if (action == Action.RETURN) {
      requireReason(bulk.reason());
    }
    // Lock in id order so two bulk reviews never deadlock.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingLong(i -> refs.get(i).id()));
    Map<Integer, Submission> locked = new HashMap<>();
    for (int i : order) {
      locked.put(i, visibleOrNull(refs.get(i).id()));
    }
    List<ProblemDetail.FieldError> errors = new ArrayList<>();
    ProblemType worst = null;
    for (int i = 0; i < refs.size(); i++) {
      String field = "submissions[" + i + "]";
      Submission s = locked.get(i);
      ProblemType type = null;
      String message = null;
      if (s == null) {
        type = ProblemType.NOT_FOUND;
        message = "không có báo cáo " + refs.get(i).id() + " / no such submission";
      } else if (!mayDo(s, action)) {
        type = ProblemType.FORBIDDEN;
        message = "không phải đơn vị bạn duyệt / not a unit you review";
      } else if (s.version != refs.get(i).version()) {
        type = ProblemType.PRECONDITION_FAILED;
        message =
            "đơn vị " + s.unitCode + " đã thay đổi sau khi bạn tải / changed since you read it";
      } else if (Workflow.next(s.state, action).isEmpty()) {
        type = ProblemType.CONFLICT;
        message =
            "đơn vị "
                + s.unitCode
                + " đang "
                + Workflow.stateVi(s.displayState())
                + " / is "
                + s.displayState();
      }
      if (type != null) {
        errors.add(new ProblemDetail.FieldError(field, message));
        worst = worse(worst, type);
      }
    }
    if (worst != null) {
      throw new ApiException(
          worst,
          "Không báo cáo nào được "
              + action.vi
              + ": "
              + errors.size()
              + " báo cáo không thể "
              + action.vi
              + " / Nothing was changed: "
              + errors.size()
              + " cannot be "
              + (action == Action.APPROVE ? "approved" : "returned"),
          errors);
    }
    List<SubmissionDtos.Submission> out = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      Submission s = locked.get(i);
      move(s, action, bulk.reason());
    }
    em.flush();
    for (int i = 0; i < refs.size(); i++) {
      out.add(toDto(locked.get(i), false));
    }
    return new SubmissionDtos.BulkResult(action.code, out);
  }

  /**
   * The reviewer's queue: per period, how the units they review stand; the chosen period's units.
   */
  @Transactional
  public SubmissionDtos.Queue queue(String planId, String periodCode) {
    if (!user.hasRole(Roles.REVIEWER)) {
      throw new ApiException(
          ProblemType.FORBIDDEN, "Chỉ người duyệt có hàng chờ duyệt / Only reviewers have a queue");
    }
    Plan plan = plan(planId);
    String reviewer = scope.unitCode();
    List<Period> periods = Period.list("plan = ?1 order by year, kind, number", plan);
    Period chosen = null;
    if (periodCode != null) {
      chosen = period(plan, periodCode);
    }
    List<SubmissionDtos.QueuePeriod> counts = new ArrayList<>();
    List<SubmissionDtos.QueueUnit> chosenUnits = List.of();
    Period firstWaiting = null;
    Period lastOpen = null;
    Map<Period, List<SubmissionDtos.QueueUnit>> byPeriod = new HashMap<>();
    for (Period p : periods) {
      List<OrgUnit> units = reviewed(reviewer, p);
      Map<String, Submission> subs =
          units.isEmpty()
              ? Map.of()
              : Submission.<Submission>list(
                      "period = ?1 and unitCode in ?2", p, units.stream().map(u -> u.code).toList())
                  .stream()
                  .collect(Collectors.toMap(s -> s.unitCode, Function.identity()));
      List<SubmissionDtos.QueueUnit> rows = new ArrayList<>();
      int waiting = 0, approved = 0, returned = 0, draft = 0, none = 0;
      for (OrgUnit u : units) {
        Submission s = subs.get(u.code);
        String state = s == null ? "none" : s.displayState();
        switch (state) {
          case "submitted" -> waiting++;
          case "approved" -> approved++;
          case "returned" -> returned++;
          case "draft" -> draft++;
          default -> none++;
        }
        rows.add(
            new SubmissionDtos.QueueUnit(
                u.code,
                u.name,
                state,
                s == null ? null : s.id,
                s == null ? null : s.version,
                s == null ? null : s.submittedAt,
                late(p, s)));
      }
      byPeriod.put(p, rows);
      counts.add(
          new SubmissionDtos.QueuePeriod(
              p.code,
              p.dueOn,
              p.state.name(),
              units.size(),
              waiting,
              approved,
              returned,
              draft,
              none));
      if (waiting > 0 && firstWaiting == null) {
        firstWaiting = p;
      }
      if (p.state == Period.State.open) {
        lastOpen = p;
      }
    }
    if (chosen == null) {
      chosen = firstWaiting != null ? firstWaiting : lastOpen;
    }
    if (chosen != null) {
      chosenUnits = byPeriod.getOrDefault(chosen, List.of());
    }
    return new SubmissionDtos.Queue(
        plan.code, reviewer, counts, chosen == null ? null : chosen.code, chosenUnits);
  }

  // --- rules

  private void move(Submission s, Action action, String reason) {
    String from = s.displayState();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    Map<String, Map<String, Object>> snapshot = null;
    switch (action) {
      case SUBMIT -> {
        requireOpen(s.period);
        s.state = Submission.State.submitted;
        s.returned = false;
        s.returnReason = null;
        s.submittedAt = now;
        s.submittedBy = user.username();
        reason = null;
      }
      case APPROVE -> {
        s.state = Submission.State.approved;
        s.reviewedAt = now;
        s.reviewedBy = user.username();
        snapshot = new LinkedHashMap<>();
        for (SubmissionValue v : SubmissionValue.of(s)) {
          snapshot.put(v.item.key, v.asMap());
        }
        reason = null;
      }
      case RETURN, REOPEN -> {
        reason = requireReason(reason);
        s.state = Submission.State.draft;
        s.returned = true;
        s.returnReason = reason;
        s.reviewedAt = now;
        s.reviewedBy = user.username();
      }
      case EDIT -> throw new IllegalArgumentException("not a transition");
    }
    s.updatedAt = now;
    event(s, action.code, null, from, s.displayState(), reason, null, null, snapshot);
  }

  private void authorize(Submission s, Action action) {
    if (!mayDo(s, action)) {
      boolean review =
          action == Action.APPROVE || action == Action.RETURN || action == Action.REOPEN;
      throw new ApiException(
          ProblemType.FORBIDDEN,
          review
              ? "Chỉ người duyệt của đơn vị cấp trên được "
                  + action.vi
                  + " báo cáo này / Only a reviewer of the unit above may "
                  + action.code
                  + " it"
              : "Chỉ báo cáo viên của đơn vị "
                  + s.unitCode
                  + " được "
                  + action.vi
                  + " / Only a reporter of the unit may "
                  + action.code
                  + " it");
    }
  }

  private boolean mayDo(Submission s, Action action) {
    return switch (action) {
      case EDIT, SUBMIT -> isReporterOf(s.unitCode);
      case APPROVE, RETURN, REOPEN -> isReviewerOf(s);
    };
  }

  private boolean isReporterOf(String unitCode) {
    return user.hasRole(Roles.REPORTER) && user.orgUnitCode().map(unitCode::equals).orElse(false);
  }

  /** A reviewer of the unit above; the province's own report has no unit above and is its own. */
  private boolean isReviewerOf(Submission s) {
    if (!user.hasRole(Roles.REVIEWER) || user.orgUnitCode().isEmpty()) {
      return false;
    }
    String mine = user.orgUnitCode().get();
    OrgUnit unit = unit(s.unitCode, s.period);
    return unit.parentCode == null ? mine.equals(unit.code) : mine.equals(unit.parentCode);
  }

  private List<String> allowedFor(Submission s) {
    List<String> out = new ArrayList<>();
    for (Action a : Workflow.allowedFrom(s.state)) {
      if ((a == Action.EDIT || a == Action.SUBMIT) && s.period.state != Period.State.open) {
        continue;
      }
      if (mayDo(s, a)) {
        out.add(a.code);
      }
    }
    return out;
  }

  private void requireAllowed(Submission s, Action action) {
    if (Workflow.next(s.state, action).isEmpty()) {
      List<String> allowed = Workflow.allowedFrom(s.state).stream().map(a -> a.code).toList();
      String state = s.displayState();
      throw new ApiException(
              ProblemType.CONFLICT,
              "Báo cáo đang ở trạng thái '"
                  + Workflow.stateVi(state)
                  + "'; chỉ có thể: "
                  + Workflow.allowedFrom(s.state).stream()
                      .map(a -> a.vi)
                      .collect(Collectors.joining(", "))
                  + " / The submission is "
                  + state
                  + "; allowed from here: "
                  + String.join(", ", allowed))
          .withState(state, allowed);
    }
  }

  private void checkVersion(Submission s, long expected) {
    if (s.version != expected) {
      throw Etags.stale().withCurrent(toDto(s, true), Etags.of(s.version));
    }
  }

  private static void requireOpen(Period period) {
    if (period.state != Period.State.open) {
      throw new ApiException(
          ProblemType.CONFLICT,
          "Kỳ "
              + period.code
              + " đã đóng, không nhận số liệu / Period "
              + period.code
              + " is closed",
          List.of(new ProblemDetail.FieldError("period", "đã đóng / closed")));
    }
  }

  private static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw ApiException.invalid("reason", "cần nêu lý do / a reason is required");
    }
    if (reason.length() > SubmissionDtos.REASON_MAX) {
      throw ApiException.invalid(
          "reason", "tối đa " + SubmissionDtos.REASON_MAX + " ký tự / too long");
    }
    return reason.strip();
  }

  private void requireReporter(String unitCode) {
    if (!isReporterOf(unitCode)) {
      throw new ApiException(
          ProblemType.FORBIDDEN,
          "Chỉ báo cáo viên của đơn vị "
              + unitCode
              + " được nhập báo cáo / Only a reporter of the unit may enter its report");
    }
  }

  private void requireVisibleUnit(String code, String field) {
    if (!scope.inSubtree(code)) {
      throw new ApiException(
          ProblemType.FORBIDDEN,
          "Đơn vị "
              + code
              + " không thuộc phạm vi của bạn / Unit "
              + code
              + " is not in your units",
          List.of(new ProblemDetail.FieldError(field, "ngoài phạm vi / outside your units")));
    }
  }

  /** Checks every value before anything changes; all problems in one answer. */
  private static void validate(
      List<SubmissionDtos.ValueInput> inputs,
      Map<String, UnitTargets.Entry> entries,
      String field) {
    long applicable = entries.values().stream().filter(UnitTargets.Entry::applies).count();
    if (inputs.size() > applicable) {
      throw ApiException.invalid(
          field,
          "nhiều nhất "
              + applicable
              + " mục áp dụng cho đơn vị này / at most "
              + applicable
              + " items apply");
    }
    List<ProblemDetail.FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      String at = field + "[" + i + "]";
      SubmissionDtos.ValueInput in = inputs.get(i);
      if (in == null) {
        errors.add(new ProblemDetail.FieldError(at, "bắt buộc / required"));
        continue;
      }
      if (in.item() == null || in.item().isBlank()) {
        errors.add(new ProblemDetail.FieldError(at + ".item", "bắt buộc / required"));
        continue;
      }
      UnitTargets.Entry e = entries.get(in.item());
      if (e == null) {
        errors.add(
            new ProblemDetail.FieldError(
                at + ".item",
                "không có mục '" + in.item() + "' trong kế hoạch / no such plan item"));
        continue;
      }
      if (!seen.add(in.item())) {
        errors.add(new ProblemDetail.FieldError(at + ".item", "lặp lại / duplicate"));
        continue;
      }
      if (!e.applies()) {
        errors.add(
            new ProblemDetail.FieldError(
                at + ".item",
                "mục "
                    + in.item()
                    + " không áp dụng cho đơn vị này trong kỳ này / does not apply to this unit"
                    + " and period"));
        continue;
      }
      MeasureType measure = e.item().measureType;
      if (measure == MeasureType.ACTIVITY) {
        if (in.number() != null) {
          errors.add(
              new ProblemDetail.FieldError(
                  at + ".number", "hoạt động không nhập số; dùng status / use status"));
        }
        if (in.status() != null && !validStatus(in.status())) {
          errors.add(
              new ProblemDetail.FieldError(
                  at + ".status", "done, in_progress, not_done hoặc not_applicable"));
        }
      } else {
        if (in.status() != null) {
          errors.add(
              new ProblemDetail.FieldError(
                  at + ".status", "chỉ dùng cho hoạt động; nhập number / use number"));
        }
        BigDecimal n = in.number();
        if (n != null) {
          if (n.signum() < 0) {
            errors.add(new ProblemDetail.FieldError(at + ".number", "không âm / must be ≥ 0"));
          } else if (measure == MeasureType.PERCENTAGE && n.compareTo(HUNDRED) > 0) {
            errors.add(
                new ProblemDetail.FieldError(at + ".number", "từ 0 đến 100 / between 0 and 100"));
          } else if (n.compareTo(MAX_NUMBER) >= 0) {
            errors.add(new ProblemDetail.FieldError(at + ".number", "quá lớn / too large"));
          } else if (n.stripTrailingZeros().scale() > 3) {
            errors.add(
                new ProblemDetail.FieldError(
                    at + ".number", "tối đa 3 chữ số thập phân / at most 3 decimals"));
          }
        }
      }
      if (in.note() != null && in.note().length() > SubmissionDtos.NOTE_MAX) {
        errors.add(
            new ProblemDetail.FieldError(
                at + ".note",
                "tối đa "
                    + SubmissionDtos.NOTE_MAX
                    + " ký tự / at most "
                    + SubmissionDtos.NOTE_MAX
                    + " characters"));
      }
      List<String> links = in.evidence() == null ? List.of() : in.evidence();
      if (links.size() > SubmissionDtos.EVIDENCE_MAX) {
        errors.add(
            new ProblemDetail.FieldError(
                at + ".evidence",
                "tối đa " + SubmissionDtos.EVIDENCE_MAX + " liên kết / too many links"));
      } else {
        for (int j = 0; j < links.size(); j++) {
          if (!validLink(links.get(j))) {
            errors.add(
                new ProblemDetail.FieldError(
                    at + ".evidence[" + j + "]",
                    "cần liên kết http(s) tối đa "
                        + SubmissionDtos.LINK_MAX
                        + " ký tự / an http(s) link"));
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiException(
          ProblemType.VALIDATION,
          "Số liệu không hợp lệ, chưa lưu gì / Invalid values, nothing was saved: "
              + errors.stream()
                  .map(f -> f.field() + ": " + f.message())
                  .collect(Collectors.joining("; ")),
          errors);
    }
  }

  private static boolean validStatus(String status) {
    try {
      SubmissionValue.Status.valueOf(status);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean validLink(String link) {
    if (link == null || link.isBlank() || link.length() > SubmissionDtos.LINK_MAX) {
      return false;
    }
    try {
      URI uri = new URI(link.strip());
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Writes validated values; returns how many changed. */
  private int apply(
      Submission s,
      List<SubmissionDtos.ValueInput> inputs,
      Map<String, UnitTargets.Entry> entries) {
    if (inputs.isEmpty()) {
      return 0;
    }
    Map<Long, SubmissionValue> existing =
        SubmissionValue.of(s).stream().collect(Collectors.toMap(v -> v.item.id, v -> v));
    int changed = 0;
    for (SubmissionDtos.ValueInput in : inputs) {
      PlanItem item = entries.get(in.item()).item();
      SubmissionValue v = existing.get(item.id);
      Map<String, Object> before = v == null ? null : v.asMap();
      BigDecimal number = in.number() == null ? null : in.number().stripTrailingZeros();
      SubmissionValue.Status status =
          in.status() == null ? null : SubmissionValue.Status.valueOf(in.status());
      String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
      List<String> evidence =
          in.evidence() == null ? List.of() : in.evidence().stream().map(String::strip).toList();
      if (v != null
          && sameNumber(v.number, number)
          && v.status == status
          && Objects.equals(v.note, note)
          && v.evidence.equals(evidence)) {
        continue;
      }
      if (v == null) {
        v = new SubmissionValue();
        v.submission = s;
        v.item = item;
      }
      v.number = number;
      v.status = status;
      v.note = note;
      v.evidence = new ArrayList<>(evidence);
      v.updatedBy = user.username();
      if (v.id == null) {
        v.persist();
      }
      event(s, "value", item, null, null, null, before, v.asMap(), null);
      changed++;
    }
    return changed;
  }

  private static boolean sameNumber(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private void event(
      Submission s,
      String kind,
      PlanItem item,
      String from,
      String to,
      String reason,
      Map<String, Object> before,
      Map<String, Object> after,
      Map<String, Map<String, Object>> snapshot) {
    SubmissionEvent e = new SubmissionEvent();
    e.snapshot = snapshot;
    e.submission = s;
    e.at = OffsetDateTime.now(ZoneOffset.UTC);
    e.actor = user.username();
    e.kind = kind;
    e.item = item;
    e.fromState = from;
    e.toState = to;
    e.reason = reason;
    e.before = before;
    e.after = after;
    e.persist();
  }

  // --- lookups

  private Map<String, UnitTargets.Entry> entries(Plan plan, Period period, OrgUnit unit) {
    return unitTargets.of(plan, period.year, unit).stream()
        .collect(
            Collectors.toMap(
                e -> e.item().key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  /**
   * The units whose reports a reviewer unit reviews in a period: its children, or itself at the
   * top.
   */
  private static List<OrgUnit> reviewed(String reviewer, Period p) {
    List<OrgUnit> versions =
        OrgUnit.list(
            "parentCode = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?3) order by code",
            reviewer,
            p.endsOn,
            p.startsOn);
    Map<String, OrgUnit> byCode = new LinkedHashMap<>();
    OrgUnit.<OrgUnit>findValid(reviewer, p.endsOn)
        .filter(u -> u.parentCode == null)
        .ifPresent(u -> byCode.put(u.code, u));
    for (OrgUnit u : versions) {
      byCode.putIfAbsent(u.code, u);
    }
    return new ArrayList<>(byCode.values());
  }

  private static boolean late(Period p, Submission s) {
    OffsetDateTime due = p.dueOn.plusDays(1).atStartOfDay().atOffset(ZoneOffset.ofHours(7));
    if (s == null || s.submittedAt == null) {
      return OffsetDateTime.now(ZoneOffset.UTC).isAfter(due);
    }
    return s.submittedAt.isAfter(due);
  }

  private Plan plan(String planId) {
    return planAccess.readable(planId);
  }

  private static Period period(Plan plan, String code) {
    if (code == null || code.isBlank()) {
      throw ApiException.invalid("period", "bắt buộc / required");
    }
    return Period.find(plan, code.strip())
        .orElseThrow(
            () ->
                new ApiException(
                    ProblemType.NOT_FOUND,
                    "Không có kỳ báo cáo '" + code + "' / No period " + code,
                    List.of(new ProblemDetail.FieldError("period", "không có / not found"))));
  }

  private OrgUnit unit(String code, Period period) {
    return units
        .find(code, period.endsOn)
        .orElseThrow(
            () ->
                new ApiException(
                    ProblemType.NOT_FOUND,
                    "Không có đơn vị '" + code + "' / No unit " + code,
                    List.of(new ProblemDetail.FieldError("unitCode", "không có / not found"))));
  }

  /** A submission the caller may see, locked for update when they mean to change it. */
  private Submission visible(long id, boolean lock) {
    Submission s =
        lock
            ? em.find(Submission.class, id, LockModeType.PESSIMISTIC_WRITE)
            : Submission.findById(id);
    if (s == null || !scope.inSubtree(s.unitCode)) {
      throw ApiException.notFound("Không có báo cáo " + id + " / No submission " + id);
    }
    planAccess.requireReader(s.period.plan);
    return s;
  }

  private Submission visibleOrNull(long id) {
    Submission s = em.find(Submission.class, id, LockModeType.PESSIMISTIC_WRITE);
    return s == null || !scope.inSubtree(s.unitCode) ? null : s;
  }

  private static ProblemType worse(ProblemType a, ProblemType b) {
    List<ProblemType> order =
        List.of(
            ProblemType.CONFLICT,
            ProblemType.PRECONDITION_FAILED,
            ProblemType.NOT_FOUND,
            ProblemType.FORBIDDEN);
    return a == null || order.indexOf(b) > order.indexOf(a) ? b : a;
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

  private static SubmissionDtos.PeriodRef periodRef(Period p) {
    return new SubmissionDtos.PeriodRef(p.code, p.kind.name(), p.year, p.dueOn, p.state.name());
  }

  private SubmissionDtos.FormItem formItem(UnitTargets.Entry e, SubmissionValue v) {
    PlanItem item = e.item();
    List<String> groups = new ArrayList<>();
    PlanItem section = null;
    for (PlanItem p = item.parent; p != null; p = p.parent) {
      if (p.kind == ItemKind.SECTION) {
        section = p;
      } else {
        groups.add(0, (p.code == null ? "" : p.code + ". ") + p.title);
      }
    }
    return new SubmissionDtos.FormItem(
        item.key,
        item.code,
        item.title,
        section == null ? null : section.key,
        section == null ? null : section.title,
        groups,
        item.measureType.code(),
        item.measureUnit,
        new SubmissionDtos.Target(e.source(), e.target(), e.required(), e.raw()),
        v == null ? null : valueDto(v));
  }

  private static SubmissionDtos.Value valueDto(SubmissionValue v) {
    return new SubmissionDtos.Value(
        v.item.key,
        v.number == null ? null : v.number.stripTrailingZeros(),
        v.status == null ? null : v.status.name(),
        v.note,
        List.copyOf(v.evidence),
        v.updatedAt,
        v.updatedBy);
  }

  /** The API shape; with values only for a single submission. */
  public SubmissionDtos.Submission toDto(Submission s, boolean withValues) {
    OrgUnit unit = units.find(s.unitCode, s.period.endsOn).orElse(null);
    List<SubmissionDtos.Value> values =
        withValues
            ? SubmissionValue.of(s).stream()
                .sorted(Comparator.comparingInt(v -> v.item.position))
                .map(SubmissionService::valueDto)
                .toList()
            : null;
    return new SubmissionDtos.Submission(
        s.id,
        s.period.plan.code,
        s.period.code,
        s.unitCode,
        unit == null ? null : unit.name,
        s.displayState(),
        s.state == Submission.State.draft ? s.returnReason : null,
        s.createdBy,
        s.submittedAt,
        s.submittedBy,
        s.reviewedAt,
        s.reviewedBy,
        s.version,
        s.updatedAt,
        allowedFor(s),
        values);
  }
}
