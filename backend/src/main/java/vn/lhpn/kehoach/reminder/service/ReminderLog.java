package vn.lhpn.kehoach.reminder.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.PageResult;
import vn.lhpn.kehoach.common.Paging;
import vn.lhpn.kehoach.reminder.dto.ReminderDtos;
import vn.lhpn.kehoach.security.Access;
import vn.lhpn.kehoach.security.Roles;

/**
 * What was sent to whom, for the admins: the mails to the accounts of their subtree (sent, waiting
 * for another attempt, given up), a given-up mail sent again, and the runs of every instance.
 */
@ApplicationScoped
public class ReminderLog {
  private static final Set<String> STATES = Set.of("pending", "sent", "failed");

  private final EntityManager em;
  private final Access access;

  ReminderLog(EntityManager em, Access access) {
    this.em = em;
    this.access = access;
  }

  private void requireAdmin() {
    if (!access.hasRole(Roles.ADMIN)) {
      throw Access.forbidden(Message.of("forbidden.reminder.log"));
    }
  }

  @Transactional
  @SuppressWarnings("unchecked")
  public PageResult<ReminderDtos.Mail> mails(String state, Paging paging) {
    requireAdmin();
    if (state != null && !STATES.contains(state)) {
      throw ApiException.invalid("state", "pending, sent hoặc failed");
    }
    String where =
        " FROM mail_outbox m JOIN notice n ON n.id = m.notice_id JOIN period p ON p.id ="
            + " n.period_id WHERE n.recipient_unit IN (:scope)"
            + (state == null ? "" : " AND m.state = :state");
    var count = em.createNativeQuery("SELECT count(*)" + where);
    var page =
        em.createNativeQuery(
            """
            SELECT m.id, n.username, m.address, m.subject, m.state, m.attempts, m.created_at,
                   m.next_attempt_at, m.sent_at, m.sent_by, m.last_error, n.kind, p.code,
                   n.unit_code
            """
                + where
                + " ORDER BY m.id DESC LIMIT :size OFFSET :offset");
    List<String> scope = List.copyOf(access.subtree());
    for (var q : List.of(count, page)) {
      q.setParameter("scope", scope);
      if (state != null) {
        q.setParameter("state", state);
      }
    }
    page.setParameter("size", paging.size()).setParameter("offset", paging.offset());
    long total = ((Number) count.getSingleResult()).longValue();
    List<ReminderDtos.Mail> items = new ArrayList<>();
    for (Object[] r : (List<Object[]>) page.getResultList()) {
      boolean pending = "pending".equals(r[4]);
      items.add(
          new ReminderDtos.Mail(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              ((Number) r[5]).intValue(),
              vn.lhpn.kehoach.common.Times.utc(r[6]),
              pending ? vn.lhpn.kehoach.common.Times.utc(r[7]) : null,
              vn.lhpn.kehoach.common.Times.utc(r[8]),
              (String) r[9],
              (String) r[10],
              (String) r[11],
              (String) r[12],
              (String) r[13]));
    }
    return new PageResult<>(items, paging.page(), paging.size(), total);
  }

  /** A mail that was given up, tried again at the next run (attempts start afresh). */
  @Transactional
  public void retry(long id) {
    requireAdmin();
    @SuppressWarnings("unchecked")
    List<Object[]> found =
        em.createNativeQuery(
                "SELECT m.state, n.recipient_unit FROM mail_outbox m JOIN notice n ON n.id ="
                    + " m.notice_id WHERE m.id = ?1 FOR UPDATE OF m")
            .setParameter(1, id)
            .getResultList();
    if (found.isEmpty() || !access.inScope((String) found.get(0)[1])) {
      throw new ApiException(
          vn.lhpn.kehoach.common.ProblemType.NOT_FOUND, Message.of("mail.not-found"));
    }
    if (!"failed".equals(found.get(0)[0])) {
      throw new ApiException(
          vn.lhpn.kehoach.common.ProblemType.CONFLICT,
          Message.of("mail.not-failed", "state", found.get(0)[0]));
    }
    em.createNativeQuery(
            "UPDATE mail_outbox SET state = 'pending', attempts = 0, next_attempt_at = now()"
                + " WHERE id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  /** The latest runs of every instance. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<ReminderDtos.Run> runs() {
    requireAdmin();
    List<ReminderDtos.Run> out = new ArrayList<>();
    for (Object[] r :
        (List<Object[]>)
            em.createNativeQuery(
                    "SELECT id, instance, day, started_at, finished_at, notices, mails_sent,"
                        + " mails_failed, error FROM reminder_run ORDER BY id DESC LIMIT 20")
                .getResultList()) {
      out.add(run(r));
    }
    return out;
  }

  @Transactional
  @SuppressWarnings("unchecked")
  public ReminderDtos.Run run(long id) {
    List<Object[]> r =
        em.createNativeQuery(
                "SELECT id, instance, day, started_at, finished_at, notices, mails_sent,"
                    + " mails_failed, error FROM reminder_run WHERE id = ?1")
            .setParameter(1, id)
            .getResultList();
    return run(r.get(0));
  }

  private static ReminderDtos.Run run(Object[] r) {
    return new ReminderDtos.Run(
        ((Number) r[0]).longValue(),
        (String) r[1],
        r[2] instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) r[2],
        vn.lhpn.kehoach.common.Times.utc(r[3]),
        vn.lhpn.kehoach.common.Times.utc(r[4]),
        ((Number) r[5]).intValue(),
        ((Number) r[6]).intValue(),
        ((Number) r[7]).intValue(),
        (String) r[8]);
  }

  /** Only a province admin starts a run by hand (the scheduler runs it anyway). */
  public void requireRunner() {
    access.requireProvinceAdmin(Message.of("forbidden.reminder.run"));
  }
}
