package vn.lhpn.kehoach.reminder.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.lhpn.kehoach.allocation.service.UnitTargets;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.period.Period;
import vn.lhpn.kehoach.reminder.service.Recipients.Person;
import vn.lhpn.kehoach.reminder.service.ReminderSteps.Step;

/**
 * Makes the notices of a day: for each open period whose reminder step has come, one for each
 * reporter of a unit whose report is not submitted, and one digest for each reviewer of a unit with
 * reports waiting or units late below it; and a mail for each that takes mail. A notice is made
 * once per event and user: the unique (event, user) row in PostgreSQL is the claim, so two
 * instances running the same day at the same moment make it once, and the mail with it.
 */
@ApplicationScoped
public class ReminderPlanner {
  private final EntityManager em;
  private final UnitTargets unitTargets;
  private final String webUrl;

  ReminderPlanner(
      EntityManager em,
      UnitTargets unitTargets,
      @ConfigProperty(name = "kehoach.web-url") String webUrl) {
    this.em = em;
    this.unitTargets = unitTargets;
    this.webUrl = webUrl.endsWith("/") ? webUrl.substring(0, webUrl.length() - 1) : webUrl;
  }

  /** A period whose step has come on the day. */
  public record Due(long periodId, Step step) {}

  /** The open periods whose reminder step has come on {@code today}. */
  @Transactional
  public List<Due> due(LocalDate today) {
    List<Due> out = new ArrayList<>();
    for (Period p : Period.<Period>list("state", Period.State.open)) {
      ReminderSteps.current(p.dueOn, days(p), today).ifPresent(s -> out.add(new Due(p.id, s)));
    }
    return out;
  }

  static List<Integer> days(Period p) {
    return Arrays.stream(p.remindDaysBefore).filter(Objects::nonNull).map(Short::intValue).toList();
  }

  /** A unit expected to report, and where its report stands. */
  private record Row(
      String code,
      String parent,
      String name,
      String state,
      boolean returned,
      String reason,
      Long submissionId) {
    boolean sent() {
      return "submitted".equals(state) || "approved".equals(state);
    }
  }

  /** Makes the notices (and mails) of one period's step; returns how many were new. */
  @Transactional
  public int plan(Due due, Recipients.ByUnit people, LocalDate today) {
    Period p = Period.findById(due.periodId());
    if (p == null || p.state != Period.State.open) {
      return 0;
    }
    Step step = due.step();
    ReminderTexts.About about =
        new ReminderTexts.About(
            ReminderTexts.periodWords(
                p.kind.name(), p.year, p.number == null ? null : p.number.intValue()),
            p.dueOn,
            p.plan.number);
    Set<String> noMail = noMail();
    Set<String> done = made(p, step);
    List<Row> rows = expected(p);
    int made = 0;
    for (Row r : rows) {
      String event = "report:" + p.id + ":" + r.code() + ":" + step.key();
      List<Person> reporters =
          people.reportersAt(r.code()).stream()
              .filter(person -> !done.contains(event + "|" + person.username()))
              .toList();
      if (r.sent() || reporters.isEmpty()) {
        continue; // nothing new to say: what follows (counting the values) is the costly part
      }
      ReminderTexts.Report report =
          new ReminderTexts.Report(
              r.name(),
              filled(r.submissionId()),
              applicable(p, r.code()),
              r.returned(),
              r.reason());
      String link = "/bao-cao?plan=" + p.plan.code + "&period=" + p.code + "&unit=" + r.code();
      String title = ReminderTexts.reportTitle(about, report, today);
      for (Person person : reporters) {
        String body = ReminderTexts.reportBody(about, report, today, person.greeting());
        made +=
            notice(
                event,
                person,
                step.late() ? "late" : "due",
                p,
                r.code(),
                title,
                body,
                link,
                noMail);
      }
    }
    Map<String, List<Row>> below = new LinkedHashMap<>();
    for (Row r : rows) {
      // the units just below a reviewer unit; the top unit reviews its own report too
      below.computeIfAbsent(r.parent() == null ? r.code() : r.parent(), k -> new ArrayList<>());
      below.get(r.parent() == null ? r.code() : r.parent()).add(r);
    }
    Map<String, String> names = new LinkedHashMap<>();
    rows.forEach(r -> names.put(r.code(), r.name()));
    for (Map.Entry<String, List<Row>> e : below.entrySet()) {
      String event = "review:" + p.id + ":" + e.getKey() + ":" + step.key();
      List<Person> reviewers =
          people.reviewersAt(e.getKey()).stream()
              .filter(person -> !done.contains(event + "|" + person.username()))
              .toList();
      if (reviewers.isEmpty()) {
        continue;
      }
      int waiting = 0;
      List<String> notSent = new ArrayList<>();
      for (Row r : e.getValue()) {
        if ("submitted".equals(r.state())) {
          waiting++;
        } else if (!r.sent()) {
          notSent.add(r.name());
        }
      }
      if (waiting == 0 && notSent.isEmpty()) {
        continue;
      }
      ReminderTexts.Digest digest =
          new ReminderTexts.Digest(
              names.get(e.getKey()),
              waiting,
              step.late() ? notSent : List.of(),
              notSent,
              e.getValue().size());
      String link = "/duyet?plan=" + p.plan.code + "&period=" + p.code;
      String title = ReminderTexts.reviewTitle(about, digest);
      for (Person person : reviewers) {
        String body = ReminderTexts.reviewBody(about, digest, today, person.greeting());
        made += notice(event, person, "review", p, e.getKey(), title, body, link, noMail);
      }
    }
    return made;
  }

  /**
   * The units of the plan owner's subtree on the period's last day (those expected to report, as
   * the completeness counts them) with their reports.
   */
  @SuppressWarnings("unchecked")
  private List<Row> expected(Period p) {
    List<Object[]> raw =
        em.createNativeQuery(
                """
                WITH RECURSIVE tree AS (
                  SELECT code, parent_code, name FROM org_unit
                  WHERE code = ?1 AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to >= ?2)
                  UNION
                  SELECT u.code, u.parent_code, u.name FROM org_unit u JOIN tree t
                    ON u.parent_code = t.code
                  WHERE u.valid_from <= ?2 AND (u.valid_to IS NULL OR u.valid_to >= ?2)
                )
                SELECT t.code, CASE WHEN t.code = ?1 THEN NULL ELSE t.parent_code END, t.name,
                       s.state, s.returned, s.return_reason, s.id
                FROM tree t LEFT JOIN submission s ON s.period_id = ?3 AND s.unit_code = t.code
                ORDER BY t.code
                """)
            .setParameter(1, p.plan.ownerUnitCode)
            .setParameter(2, p.endsOn)
            .setParameter(3, p.id)
            .getResultList();
    List<Row> out = new ArrayList<>();
    for (Object[] r : raw) {
      out.add(
          new Row(
              (String) r[0],
              (String) r[1],
              (String) r[2],
              (String) r[3],
              Boolean.TRUE.equals(r[4]),
              (String) r[5],
              r[6] == null ? null : ((Number) r[6]).longValue()));
    }
    return out;
  }

  /**
   * The notices of this period's step made before ("event|user"): a run after the first has only
   * the newcomers to make. The unique row stays the claim when two runs race.
   */
  @SuppressWarnings("unchecked")
  private Set<String> made(Period p, Step step) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT event_key, username FROM notice WHERE period_id = ?1"
                    + " AND event_key LIKE ?2")
            .setParameter(1, p.id)
            .setParameter(2, "%:" + step.key())
            .getResultList();
    Set<String> out = new HashSet<>();
    for (Object[] r : rows) {
      out.add(r[0] + "|" + r[1]);
    }
    return out;
  }

  private int filled(Long submissionId) {
    if (submissionId == null) {
      return 0;
    }
    return ((Number)
            em.createNativeQuery(
                    "SELECT count(*) FROM submission_value WHERE submission_id = ?1"
                        + " AND (number IS NOT NULL OR status IS NOT NULL)")
                .setParameter(1, submissionId)
                .getSingleResult())
        .intValue();
  }

  private int applicable(Period p, String unitCode) {
    Optional<OrgUnit> unit = OrgUnit.findValid(unitCode, p.endsOn);
    return unit.map(
            u ->
                (int)
                    unitTargets.of(p.plan, p.year, u).stream()
                        .filter(UnitTargets.Entry::applies)
                        .count())
        .orElse(0);
  }

  @SuppressWarnings("unchecked")
  private Set<String> noMail() {
    return new HashSet<>(
        em.createNativeQuery("SELECT username FROM user_preference WHERE NOT email_reminders")
            .getResultList());
  }

  /**
   * The notice of an event for a person, if it is new (the unique row is the claim), and its mail
   * when the person takes mail. Returns 1 when it was new.
   */
  private int notice(
      String event,
      Person person,
      String kind,
      Period p,
      String unitCode,
      String title,
      String body,
      String link,
      Set<String> noMail) {
    @SuppressWarnings("unchecked")
    List<Object> id =
        em.createNativeQuery(
                """
                INSERT INTO notice (event_key, username, recipient_unit, kind, period_id,
                                    unit_code, title, body, link, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, now())
                ON CONFLICT (event_key, username) DO NOTHING
                RETURNING id
                """)
            .setParameter(1, event)
            .setParameter(2, person.username())
            .setParameter(3, person.unitCode())
            .setParameter(4, kind)
            .setParameter(5, p.id)
            .setParameter(6, unitCode)
            .setParameter(7, title)
            .setParameter(8, body)
            .setParameter(9, link)
            .getResultList();
    if (id.isEmpty()) {
      return 0; // made before, by this instance or another
    }
    if (person.email() != null && !noMail.contains(person.username())) {
      em.createNativeQuery(
              """
              INSERT INTO mail_outbox (notice_id, address, subject, body, state,
                                       next_attempt_at, created_at)
              VALUES (?1, ?2, ?3, ?4, 'pending', now(), now())
              """)
          .setParameter(1, ((Number) id.get(0)).longValue())
          .setParameter(2, person.email())
          .setParameter(3, "[Kế hoạch toàn khóa] " + title)
          .setParameter(4, ReminderTexts.mailBody(body, webUrl + link))
          .executeUpdate();
    }
    return 1;
  }
}
