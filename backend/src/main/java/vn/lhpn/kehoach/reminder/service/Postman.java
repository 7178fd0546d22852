package vn.lhpn.kehoach.reminder.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Sends the mails of the outbox that are due. Each mail is claimed in its own transaction ({@code
 * FOR UPDATE SKIP LOCKED}): another instance skips it while it is being sent, and an instance that
 * dies mid-send leaves it pending for the next run. A refused or failed send is tried again after
 * 1, 2, 4 … minutes (at most 6 hours apart) and given up after {@value #ATTEMPTS} attempts: then it
 * is "failed", for an admin to see and send again. Within an attempt, a transient refusal (a 4xx
 * reply, such as a server closing a session it found idle) is tried once more at once, on a new
 * session: waiting a minute for it helps no one.
 */
@ApplicationScoped
public class Postman {
  private static final Logger LOG = Logger.getLogger(Postman.class);

  /** Attempts before a mail is given up. */
  public static final int ATTEMPTS = 8;

  /** Failures in a row after which a run stops trying (the server is down: wait for the next). */
  static final int FAILURES_IN_A_ROW = 3;

  private final Mailer mailer;
  private final EntityManager em;

  Postman(Mailer mailer, EntityManager em) {
    this.mailer = mailer;
    this.em = em;
  }

  /** What a run sent. */
  public record Sent(int sent, int failed) {}

  /** The wait before the next attempt after {@code attempts} failed ones. */
  static Duration backOff(int attempts) {
    long minutes = 1L << Math.min(Math.max(attempts - 1, 0), 9);
    return Duration.ofMinutes(Math.min(minutes, 360));
  }

  /** Sends every mail due at {@code now}, as {@code instance}. */
  public Sent sendDue(OffsetDateTime now, String instance) {
    int sent = 0;
    int failed = 0;
    int inARow = 0;
    while (inARow < FAILURES_IN_A_ROW) {
      Boolean ok = QuarkusTransaction.requiringNew().call(() -> sendOne(now, instance));
      if (ok == null) {
        break; // nothing left that is due
      }
      if (ok) {
        sent++;
        inARow = 0;
      } else {
        failed++;
        inARow++;
      }
    }
    return new Sent(sent, failed);
  }

  /**
   * Hands one mail to the SMTP server. A transient refusal (RFC 5321: a 4xx reply, after which the
   * server has not taken the mail) is tried once more at once; the failed session was closed, so
   * the second try opens a new one. Anything else (refused connection, a 5xx reply) is left to the
   * back-off.
   */
  void deliver(Mail mail) {
    try {
      mailer.send(mail);
    } catch (RuntimeException e) {
      if (!transientRefusal(e)) {
        throw e;
      }
      LOG.infof("mail to %s refused for now, sent again at once: %s", mail.getTo(), e.getMessage());
      mailer.send(mail);
    }
  }

  /** Whether a failed send was refused by a 4xx reply, wherever it sits in the causes. */
  static boolean transientRefusal(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SMTPException smtp) {
        return smtp.isTransient();
      }
    }
    return false;
  }

  /** Claims one due mail and sends it: true sent, false failed, null when none is due. */
  private Boolean sendOne(OffsetDateTime now, String instance) {
    @SuppressWarnings("unchecked")
    List<Object[]> due =
        em.createNativeQuery(
                """
                SELECT id, address, subject, body, attempts FROM mail_outbox
                WHERE state = 'pending' AND next_attempt_at <= ?1
                ORDER BY next_attempt_at, id LIMIT 1
                FOR UPDATE SKIP LOCKED
                """)
            .setParameter(1, now)
            .getResultList();
    if (due.isEmpty()) {
      return null;
    }
    Object[] m = due.get(0);
    long id = ((Number) m[0]).longValue();
    int attempts = ((Number) m[4]).intValue() + 1;
    try {
      deliver(Mail.withText((String) m[1], (String) m[2], (String) m[3]));
      em.createNativeQuery(
              "UPDATE mail_outbox SET state = 'sent', attempts = ?2, sent_at = now(), sent_by = ?3,"
                  + " last_error = NULL WHERE id = ?1")
          .setParameter(1, id)
          .setParameter(2, attempts)
          .setParameter(3, instance)
          .executeUpdate();
      return true;
    } catch (RuntimeException e) {
      String why = String.valueOf(e.getMessage());
      LOG.warnf("mail %d to %s not sent (attempt %d): %s", id, m[1], attempts, why);
      boolean last = attempts >= ATTEMPTS;
      em.createNativeQuery(
              "UPDATE mail_outbox SET state = ?2, attempts = ?3, next_attempt_at = ?4,"
                  + " last_error = ?5 WHERE id = ?1")
          .setParameter(1, id)
          .setParameter(2, last ? "failed" : "pending")
          .setParameter(3, attempts)
          .setParameter(4, now.plus(backOff(attempts)))
          .setParameter(5, why.length() > 1000 ? why.substring(0, 1000) : why)
          .executeUpdate();
      return false;
    }
  }
}
