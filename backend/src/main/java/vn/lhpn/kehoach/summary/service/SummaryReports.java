package vn.lhpn.kehoach.summary.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.InputLimits;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.service.PlanPolicy;
import vn.lhpn.kehoach.security.Access;
import vn.lhpn.kehoach.security.Roles;
import vn.lhpn.kehoach.summary.SummaryReport;
import vn.lhpn.kehoach.summary.SummaryReportChange;
import vn.lhpn.kehoach.summary.dto.SummaryDtos;
import vn.lhpn.kehoach.summary.service.Drafts.Block;

/**
 * A unit's written report: drafted from the figures, overlaid with what the unit wrote, saved with
 * its history. The unit's own reporters, reviewers and planners write it; the levels above read it
 * (docs/adr/0006).
 */
@ApplicationScoped
public class SummaryReports {
  private final PlanPolicy plans;
  private final Access access;
  private final ReportFigures figures;
  private final EntityManager em;

  SummaryReports(PlanPolicy plans, Access access, ReportFigures figures, EntityManager em) {
    this.plans = plans;
    this.access = access;
    this.figures = figures;
    this.em = em;
  }

  @Transactional
  public SummaryDtos.Document read(String planId, String unitCode, String periodCode) {
    Target t = target(planId, unitCode, periodCode);
    Optional<SummaryReport> saved = SummaryReport.find(t.plan.id, t.unit.code, t.period.code());
    return compose(t, figures.of(t.plan, t.unit, t.period), saved.orElse(null));
  }

  @Transactional
  public SummaryDtos.Document save(
      String planId, String unitCode, String periodCode, long expected, SummaryDtos.Edit edit) {
    Target t = target(planId, unitCode, periodCode);
    if (!access.isWriterOf(t.unit.code)) {
      throw Access.forbidden(Message.of("forbidden.summary.edit"));
    }
    // loaded before the figures: their reads make what the session loads after them read-only
    SummaryReport report = SummaryReport.find(t.plan.id, t.unit.code, t.period.code()).orElse(null);
    Etags.check(expected, revision(report));
    Figures f = figures.of(t.plan, t.unit, t.period);
    em.unwrap(org.hibernate.Session.class).setDefaultReadOnly(false);
    Map<String, String> drafts = new LinkedHashMap<>();
    for (Block b : Drafts.body(f)) {
      if (b.type() == Block.Type.PARAGRAPH) {
        drafts.put(b.key(), b.text());
      }
    }
    Map<String, String> paragraphs = new LinkedHashMap<>();
    if (edit.paragraphs() != null) {
      edit.paragraphs()
          .forEach(
              (key, text) -> {
                if (!drafts.containsKey(key)) {
                  throw ApiException.invalid(
                      "paragraphs." + key, Message.of("summary.no-paragraph"));
                }
                String value = clean(text);
                if (value != null && value.length() > 10_000) {
                  throw ApiException.invalid(
                      "paragraphs." + key, Message.of("text.too-long", "max", 10_000));
                }
                if (value != null && InputLimits.lines(value) > InputLimits.MAX_PARAGRAPH_LINES) {
                  throw ApiException.invalid(
                      "paragraphs." + key,
                      Message.of(
                          "summary.paragraph-lines", "max", InputLimits.MAX_PARAGRAPH_LINES));
                }
                if (value != null && !value.equals(drafts.get(key))) {
                  paragraphs.put(key, value);
                }
              });
    }
    boolean created = report == null;
    if (created) {
      report = new SummaryReport();
      report.planId = t.plan.id;
      report.unitCode = t.unit.code;
      report.period = t.period.code();
    }
    if (edit.recipients() != null
        && InputLimits.lines(edit.recipients()) > InputLimits.MAX_RECIPIENT_LINES) {
      throw ApiException.invalid(
          "recipients", Message.of("text.lines-max", "max", InputLimits.MAX_RECIPIENT_LINES));
    }
    List<SummaryReportChange.Part> changes = new ArrayList<>();
    report.number = change(changes, "number", report.number, clean(edit.number()));
    Defaults defaults = Defaults.of(t, f);
    report.issuer = change(changes, "issuer", report.issuer, own(edit.issuer(), defaults.issuer()));
    report.place = change(changes, "place", report.place, own(edit.place(), defaults.place()));
    String issued =
        change(
            changes,
            "issuedOn",
            report.issuedOn == null ? null : report.issuedOn.toString(),
            edit.issuedOn() == null ? null : edit.issuedOn().toString());
    report.issuedOn = issued == null ? null : LocalDate.parse(issued);
    report.recipients =
        change(
            changes,
            "recipients",
            report.recipients,
            own(edit.recipients(), defaults.recipients()));
    report.signerTitle =
        change(
            changes,
            "signerTitle",
            report.signerTitle,
            own(edit.signerTitle(), defaults.signerTitle()));
    report.signerName = change(changes, "signerName", report.signerName, clean(edit.signerName()));
    for (String key : drafts.keySet()) {
      change(changes, "paragraph:" + key, report.paragraphs.get(key), paragraphs.get(key));
    }
    report.paragraphs = paragraphs;
    if (changes.isEmpty() && !created) {
      return compose(t, f, report);
    }
    report.updatedBy = access.username();
    if (created) {
      report.persist();
    }
    em.flush();
    SummaryReportChange change = new SummaryReportChange();
    change.reportId = report.id;
    change.version = revision(report);
    change.changedBy = access.username();
    change.changedAt = ClockProducer.now();
    change.changes = changes;
    change.persist();
    return compose(t, f, report);
  }

  @Transactional
  public List<SummaryDtos.Change> history(String planId, String unitCode, String periodCode) {
    Target t = target(planId, unitCode, periodCode);
    return SummaryReport.find(t.plan.id, t.unit.code, t.period.code())
        .map(r -> SummaryReportChange.of(r.id))
        .orElse(List.of())
        .stream()
        .map(
            c ->
                new SummaryDtos.Change(
                    c.version,
                    c.changedBy,
                    c.changedAt,
                    c.changes.stream()
                        .map(p -> new SummaryDtos.Part(p.part(), p.before(), p.after()))
                        .toList()))
        .toList();
  }

  private record Target(Plan plan, OrgUnit unit, ReportPeriod period) {}

  /** What the letterhead and the signature say until the unit sets them. */
  private record Defaults(String issuer, String place, String recipients, String signerTitle) {
    static Defaults of(Target t, Figures f) {
      return new Defaults(
          t.unit.type.isCommune() ? "BAN CHẤP HÀNH" : "BAN THƯỜNG VỤ",
          Vi.placeName(t.unit.name),
          t.unit.parentCode == null
              ? "- Đoàn Chủ tịch Trung ương Hội LHPN Việt Nam;\n- Thường trực Hội LHPN tỉnh;\n- Lưu:"
                  + " VT, VP."
              : "- Ban Thường vụ Hội LHPN "
                  + (f.parentName() == null ? "cấp trên" : f.parentName())
                  + ";\n- Lưu: VT.",
          "CHỦ TỊCH");
    }
  }

  /** The unit's value, or null where it is the default (a default follows later changes). */
  private static String own(String value, String fallback) {
    String v = clean(value);
    return v == null || v.equals(fallback) ? null : v;
  }

  private Target target(String planId, String unitCode, String periodCode) {
    if (access.hasRole(Roles.INTEGRATION)
        && !access.hasRole(Roles.VIEWER)
        && !access.hasRole(Roles.REPORTER)) {
      throw Access.forbidden(Message.of("forbidden.summary.integration"));
    }
    Plan plan = plans.readable(planId);
    ReportPeriod period = ReportPeriod.parse(periodCode, plan);
    String code = unitCode == null || unitCode.isBlank() ? access.unitCode() : unitCode.strip();
    access.requireInScope(code, "unit");
    OrgUnit unit =
        OrgUnit.findByCode(code, period.endsOn()).orElseThrow(() -> Access.outOfScope(code));
    return new Target(plan, unit, period);
  }

  private static String clean(String text) {
    if (text == null) {
      return null;
    }
    String t = text.replace("\r\n", "\n").strip();
    return t.isEmpty() ? null : t;
  }

  private static String change(
      List<SummaryReportChange.Part> changes, String part, String before, String after) {
    if (!Objects.equals(before, after)) {
      changes.add(new SummaryReportChange.Part(part, before, after));
    }
    return after;
  }

  private SummaryDtos.Document compose(Target t, Figures f, SummaryReport saved) {
    Defaults defaults = Defaults.of(t, f);
    String issuer = value(saved == null ? null : saved.issuer, defaults.issuer());
    String place = value(saved == null ? null : saved.place, defaults.place());
    LocalDate issuedOn = saved != null && saved.issuedOn != null ? saved.issuedOn : f.today();
    String number = value(saved == null ? null : saved.number, "");
    SummaryDtos.Letterhead head =
        new SummaryDtos.Letterhead(
            Vi.upper("Hội LHPN " + t.unit.name),
            Vi.upper(issuer),
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            number,
            "BC-" + Vi.initials(issuer),
            place,
            issuedOn,
            place + ", " + Vi.date(issuedOn));
    String recipients = value(saved == null ? null : saved.recipients, defaults.recipients());
    List<SummaryDtos.Block> blocks = new ArrayList<>();
    for (Block b : Drafts.body(f)) {
      // what was saved before #29 refused its characters is rendered without them
      String edited =
          saved == null || b.key() == null
              ? null
              : InputLimits.printable(saved.paragraphs.get(b.key()));
      blocks.add(
          new SummaryDtos.Block(
              b.type().name().toLowerCase(Locale.ROOT),
              b.key(),
              edited != null ? edited : b.text(),
              b.type() == Block.Type.PARAGRAPH ? b.text() : null,
              edited != null));
    }
    return new SummaryDtos.Document(
        t.plan.code,
        OrgUnitSummary.of(t.unit),
        t.period.code(),
        t.period.kind().name().toLowerCase(Locale.ROOT),
        "BÁO CÁO",
        Drafts.subject(f),
        head,
        blocks,
        ResultsTable.rows(f),
        recipients,
        "TM. " + Vi.upper(issuer),
        value(saved == null ? null : saved.signerTitle, defaults.signerTitle()),
        value(saved == null ? null : saved.signerName, ""),
        f.anyData(),
        access.isWriterOf(t.unit.code),
        revision(saved),
        saved == null ? null : saved.updatedBy,
        saved == null ? null : saved.updatedAt);
  }

  /** The report's revision for its ETag: 0 before the first save, then 1, 2, … */
  private static long revision(SummaryReport report) {
    return report == null ? 0 : report.version + 1;
  }

  /** A saved value (without what #29 now refuses, if saved before), or the default. */
  private static String value(String saved, String fallback) {
    return saved == null ? fallback : InputLimits.printable(saved);
  }
}
