package vn.lhpn.kehoach.submission.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lhpn.kehoach.allocation.service.UnitTargets;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Csv;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.common.TableFiles;
import vn.lhpn.kehoach.common.Unreadable;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.security.Access;
import vn.lhpn.kehoach.submission.Submission;
import vn.lhpn.kehoach.submission.dto.SubmissionDtos;
import vn.lhpn.kehoach.submission.service.Workflow.Action;

/**
 * Figures of units from before they were on this system (Bắc Kạn's communes before 01/07/2025),
 * loaded from a sheet by a reviewer of the province: a row per unit, period, item and value, each
 * report checked as a report is (the items that apply to the unit, numbers, percentages, statuses),
 * then created approved and marked imported, with who loaded it and from which file in its history.
 * Nothing is written while any row has a problem, and a dry run writes nothing at all. The reports
 * roll up like any other (docs/adr/0011: a unit with no version in a year adds along its nearest
 * one) and are carried into the unit's term.
 */
@ApplicationScoped
public class PastReports {
  static final List<String> COLUMNS = List.of("unit_code", "period", "item", "value");
  private static final Pattern INDEX = Pattern.compile("^rows\\[(\\d+)]\\.?(.*)$");

  private final SubmissionLookups lookups;
  private final SubmissionWriter writer;
  private final Access access;
  private final EntityManager em;
  private final Clock clock;

  PastReports(
      SubmissionLookups lookups,
      SubmissionWriter writer,
      Access access,
      EntityManager em,
      Clock clock) {
    this.lookups = lookups;
    this.writer = writer;
    this.access = access;
    this.em = em;
    this.clock = clock;
  }

  /** One report of the sheet: a unit and a period, its values and the lines they came from. */
  private record Report(
      OrgUnit unit, Period period, List<SubmissionDtos.ValueInput> values, List<Integer> lines) {}

  @Transactional
  public SubmissionDtos.PastImport load(String planId, byte[] file, String source, boolean dryRun) {
    Plan plan = lookups.plan(planId);
    if (!access.atRoot() || !access.hasRole("reviewer")) {
      throw new ApiException(ProblemType.FORBIDDEN, Message.of("forbidden.past-reports"));
    }
    List<Csv.Row> rows;
    try {
      rows = TableFiles.rows(file, source, COLUMNS);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw ApiException.invalid("file", Unreadable.why(e));
    }
    List<SubmissionDtos.PastIssue> issues = new ArrayList<>();
    Map<String, Report> reports = new LinkedHashMap<>();
    for (Csv.Row row : rows) {
      String code = row.get("unit_code").strip();
      String periodCode = row.get("period").strip();
      String key = row.get("item").strip();
      Report report = reports.get(code + "|" + periodCode);
      if (report == null) {
        report = report(plan, code, periodCode, row.line(), issues);
        if (report == null) {
          continue;
        }
        reports.put(code + "|" + periodCode, report);
      }
      SubmissionDtos.ValueInput value = value(key, row.get("value").strip());
      report.values().add(value);
      report.lines().add(row.line());
    }
    for (Report r : reports.values()) {
      Map<String, UnitTargets.Entry> entries = lookups.entries(plan, r.period(), r.unit());
      try {
        ValueValidator.validate(r.values(), entries, "rows");
      } catch (ApiException e) {
        issues.addAll(issues(e, r.lines()));
      }
    }
    int created = 0;
    if (!dryRun && issues.isEmpty()) {
      for (Report r : reports.values()) {
        create(r, lookups.entries(plan, r.period(), r.unit()), source);
        created++;
      }
    } else if (!dryRun) {
      throw new ApiException(
          ProblemType.UNPROCESSABLE,
          Message.of("past-reports.has-problems", "count", issues.size()),
          issues.stream()
              .map(
                  i -> new ProblemDetail.FieldError("line " + i.line() + " " + i.field(), i.said()))
              .toList());
    }
    return new SubmissionDtos.PastImport(dryRun, rows.size(), reports.size(), created, issues);
  }

  /** The unit and period of a row, or null with the problem listed. */
  private Report report(
      Plan plan, String code, String periodCode, int line, List<SubmissionDtos.PastIssue> issues) {
    if (!access.inScope(code)) {
      issues.add(issue(line, "unit_code", Message.of("past-reports.no-unit", "unit", code)));
      return null;
    }
    LocalDate today = LocalDate.now(clock);
    OrgUnit unit = OrgUnit.findByCode(code, today).orElse(null);
    if (unit == null) {
      issues.add(issue(line, "unit_code", Message.of("past-reports.no-unit", "unit", code)));
      return null;
    }
    Period period = Period.find(plan, periodCode).orElse(null);
    if (period == null) {
      issues.add(issue(line, "period", Message.of("past-reports.no-period", "period", periodCode)));
      return null;
    }
    LocalDate first =
        OrgUnit.<OrgUnit>find("code = ?1 order by validFrom", code).firstResult().validFrom;
    if (!period.endsOn.isBefore(first)) {
      issues.add(
          issue(
              line,
              "period",
              Message.of(
                  "past-reports.on-the-system",
                  "name",
                  unit.name,
                  "since",
                  first,
                  "period",
                  periodCode)));
      return null;
    }
    if (Submission.of(period, code).isPresent()) {
      issues.add(
          issue(
              line,
              "period",
              Message.of("past-reports.has-report", "name", unit.name, "period", periodCode)));
      return null;
    }
    return new Report(unit, period, new ArrayList<>(), new ArrayList<>());
  }

  /** A number for a count or a percentage; a status word for an activity. */
  private static SubmissionDtos.ValueInput value(String item, String value) {
    if (ValueValidator.validStatus(value)) {
      return new SubmissionDtos.ValueInput(item, null, value, null, null);
    }
    BigDecimal number;
    try {
      number = value.isEmpty() ? null : new BigDecimal(value.replace(',', '.'));
    } catch (NumberFormatException e) {
      number = null;
    }
    // an unreadable number goes to the validator as missing, which names the row
    return new SubmissionDtos.ValueInput(item, number, null, null, null);
  }

  /** A validator's field errors ("rows[2].number") as the sheet's lines. */
  private static List<SubmissionDtos.PastIssue> issues(ApiException e, List<Integer> lines) {
    List<SubmissionDtos.PastIssue> out = new ArrayList<>();
    List<ProblemDetail.FieldError> errors = e.errors();
    if (errors == null || errors.isEmpty()) {
      out.add(
          issue(
              lines.get(0),
              "value",
              e.message() != null ? e.message() : Message.of("said", "text", e.getMessage())));
      return out;
    }
    for (ProblemDetail.FieldError f : errors) {
      Matcher m = INDEX.matcher(f.field());
      int index = m.matches() ? Integer.parseInt(m.group(1)) : 0;
      String field = m.matches() && !m.group(2).isEmpty() ? m.group(2) : "item";
      out.add(
          issue(
              lines.get(Math.min(index, lines.size() - 1)),
              field.equals("number") || field.equals("status") ? "value" : field,
              Message.known(f.code())
                  ? new Message(f.code(), f.params())
                  : Message.of("said", "text", f.message())));
    }
    return out;
  }

  private static SubmissionDtos.PastIssue issue(int line, String field, Message message) {
    return new SubmissionDtos.PastIssue(line, field, message);
  }

  /** Created, approved and marked imported, each step in its history under the loader's name. */
  private void create(Report r, Map<String, UnitTargets.Entry> entries, String source) {
    Submission s = new Submission();
    s.period = r.period();
    s.unitCode = r.unit().code;
    s.createdBy = writer.actor();
    s.imported = true;
    s.persist();
    em.flush();
    writer.event(
        s,
        "import",
        null,
        null,
        Submission.State.draft.name(),
        "Nhập từ bảng " + source + " (số liệu trước khi đơn vị có trên hệ thống)",
        null,
        null,
        null);
    writer.applyValues(s, r.values(), entries);
    writer.move(s, Action.SUBMIT, null);
    writer.move(s, Action.APPROVE, null);
  }
}
