package vn.lhpn.kehoach.period.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.PageResult;
import vn.lhpn.kehoach.common.Paging;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.period.dto.PeriodDtos;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanRules;
import vn.lhpn.kehoach.plan.service.PlanPolicy;

/**
 * Reporting periods: everyone reads them; a planner of the plan's owner creates, opens and closes
 * them.
 */
@ApplicationScoped
public class PeriodService {
  private final PlanPolicy access;

  PeriodService(PlanPolicy access) {
    this.access = access;
  }

  /** Filters of the period list; null means "any". */
  public record Filter(Integer year, Period.State state, OffsetDateTime updatedSince) {}

  @Transactional
  public PageResult<PeriodDtos.Period> list(String planId, Filter filter, Paging paging) {
    Plan plan = readable(planId);
    StringBuilder where = new StringBuilder("plan = :plan");
    Parameters params = Parameters.with("plan", plan);
    if (filter.year() != null) {
      where.append(" and year = :year");
      params.and("year", filter.year().shortValue());
    }
    if (filter.state() != null) {
      where.append(" and state = :state");
      params.and("state", filter.state());
    }
    if (filter.updatedSince() != null) {
      where.append(" and updatedAt > :since");
      params.and("since", filter.updatedSince());
    }
    var query = Period.<Period>find(where + " order by year, kind, number", params);
    long total = query.count();
    List<PeriodDtos.Period> items =
        query.page(Page.of(paging.page(), paging.size())).list().stream().map(this::toDto).toList();
    return new PageResult<>(items, paging.page(), paging.size(), total);
  }

  @Transactional
  public PeriodDtos.Period get(String planId, String code) {
    return toDto(period(readable(planId), code));
  }

  @Transactional
  public PeriodDtos.Period create(PeriodDtos.Create create) {
    Plan plan = readable(create.planId());
    access.requireEditor(plan);
    Period.Kind kind;
    try {
      kind = Period.Kind.valueOf(create.kind());
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(
          "kind", Message.of("value.one-of", "options", List.of("year", "half", "quarter")));
    }
    PlanRules.requireYear(plan, create.year(), "year");
    Integer number = create.number();
    int max = kind == Period.Kind.half ? 2 : kind == Period.Kind.quarter ? 4 : 0;
    if (max == 0 && number != null) {
      throw ApiException.invalid("number", Message.of("period.year-no-number"));
    }
    if (max > 0 && (number == null || number < 1 || number > max)) {
      throw ApiException.invalid("number", Message.of("number.between", "min", 1, "max", max));
    }
    String code = Period.codeOf(kind, create.year(), number);
    if (Period.find(plan, code).isPresent()) {
      throw new ApiException(ProblemType.CONFLICT, Message.of("period.exists", "period", code));
    }
    Period period = build(plan, kind, create.year(), number);
    if (create.dueOn() != null) {
      requireDue(period, create.dueOn());
      period.dueOn = create.dueOn();
    }
    period.persist();
    Period.flush();
    return toDto(period);
  }

  @Transactional
  public PeriodDtos.Period setState(
      String planId, String code, long expectedVersion, Period.State target) {
    Plan plan = readable(planId);
    access.requireEditor(plan);
    Period period = period(plan, code);
    Etags.check(expectedVersion, period.version);
    if (period.state == target) {
      throw new ApiException(
          ProblemType.CONFLICT,
          Message.of(
              target == Period.State.open ? "period.already-open" : "period.already-closed",
              "period",
              code));
    }
    period.state = target;
    Period.flush();
    return toDto(period);
  }

  @Transactional
  public PeriodDtos.Period update(
      String planId, String code, long expectedVersion, PeriodDtos.Update update) {
    Plan plan = readable(planId);
    access.requireEditor(plan);
    Period period = period(plan, code);
    Etags.check(expectedVersion, period.version);
    if (update.dueOn() == null && update.remindDaysBefore() == null) {
      throw ApiException.invalid("dueOn", Message.of("period.due-or-reminders"));
    }
    if (update.dueOn() != null) {
      requireDue(period, update.dueOn());
      period.dueOn = update.dueOn();
    }
    if (update.remindDaysBefore() != null) {
      period.remindDaysBefore = reminderDays(update.remindDaysBefore());
    }
    Period.flush();
    return toDto(period);
  }

  /** A period with its dates and the union's usual due date. */
  public static Period build(Plan plan, Period.Kind kind, int year, Integer number) {
    Period p = new Period();
    p.plan = plan;
    p.kind = kind;
    p.year = (short) year;
    p.number = number == null ? null : number.shortValue();
    p.code = Period.codeOf(kind, year, number);
    switch (kind) {
      case year -> {
        p.startsOn = LocalDate.of(year, 1, 1);
        p.endsOn = LocalDate.of(year, 12, 31);
        p.dueOn = LocalDate.of(year, 11, 30);
      }
      case half -> {
        p.startsOn = LocalDate.of(year, number == 1 ? 1 : 7, 1);
        p.endsOn = number == 1 ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
        p.dueOn = number == 1 ? LocalDate.of(year, 6, 15) : LocalDate.of(year, 12, 15);
      }
      case quarter -> {
        p.startsOn = LocalDate.of(year, (number - 1) * 3 + 1, 1);
        p.endsOn = p.startsOn.plusMonths(3).minusDays(1);
        p.dueOn = p.endsOn.plusDays(10);
      }
    }
    return p;
  }

  /** At most 5 distinct days, each 1–90, largest first. */
  static Short[] reminderDays(List<Integer> days) {
    if (days.size() > 5) {
      throw ApiException.invalid("remindDaysBefore", Message.of("reminders.at-most", "max", 5));
    }
    java.util.TreeSet<Integer> set = new java.util.TreeSet<>(java.util.Comparator.reverseOrder());
    for (Integer d : days) {
      if (d == null || d < 1 || d > 90) {
        throw ApiException.invalid(
            "remindDaysBefore", Message.of("reminders.each-between", "min", 1, "max", 90));
      }
      if (!set.add(d)) {
        throw ApiException.invalid("remindDaysBefore", Message.of("reminders.twice", "day", d));
      }
    }
    return set.stream().map(Integer::shortValue).toArray(Short[]::new);
  }

  private static void requireDue(Period period, LocalDate due) {
    if (due.isBefore(period.startsOn)) {
      throw ApiException.invalid(
          "dueOn", Message.of("period.due-before-start", "startsOn", period.startsOn));
    }
  }

  private Plan readable(String planId) {
    return access.readable(planId);
  }

  private static Period period(Plan plan, String code) {
    return Period.find(plan, code)
        .orElseThrow(
            () ->
                new ApiException(
                    ProblemType.NOT_FOUND, Message.of("period.not-found", "period", code)));
  }

  /** The API shape, with what the caller may do: edit (the due date), open, close. */
  PeriodDtos.Period toDto(Period p) {
    List<String> allowed = new java.util.ArrayList<>();
    if (access.allowed(p.plan).contains(PlanPolicy.EDIT)) {
      allowed.add("edit");
      allowed.add(p.state == Period.State.open ? "close" : "open");
    }
    return new PeriodDtos.Period(
        p.plan.code,
        p.code,
        p.kind.name(),
        p.year,
        p.number == null ? null : p.number.intValue(),
        p.startsOn,
        p.endsOn,
        p.dueOn,
        p.state.name(),
        java.util.Arrays.stream(p.remindDaysBefore).map(Short::intValue).toList(),
        p.version,
        p.updatedAt,
        allowed);
  }
}
