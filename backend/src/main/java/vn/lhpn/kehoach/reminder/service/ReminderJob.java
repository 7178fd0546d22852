package vn.lhpn.kehoach.reminder.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.lhpn.kehoach.common.ClockProducer;

/**
 * The reminders' run: every {@code kehoach.reminders.every} (15 minutes by default) on every
 * instance, by Quarkus Scheduler. The instances need no leader: what a run makes is claimed in
 * PostgreSQL (a notice is unique per event and user; a mail is locked while it is sent), so two
 * instances running at once make and send each thing once. Each run is written down (instance, what
 * it made, sent, what failed) for the admins' page.
 */
@ApplicationScoped
public class ReminderJob {
  private static final Logger LOG = Logger.getLogger(ReminderJob.class);

  private final ReminderPlanner planner;
  private final Recipients recipients;
  private final Postman postman;
  private final EntityManager em;
  private final Clock clock;
  private final String instance;

  ReminderJob(
      ReminderPlanner planner,
      Recipients recipients,
      Postman postman,
      EntityManager em,
      Clock clock,
      @ConfigProperty(name = "kehoach.instance") java.util.Optional<String> instance,
      @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
    this.planner = planner;
    this.recipients = recipients;
    this.postman = postman;
    this.em = em;
    this.clock = clock;
    this.instance =
        instance.orElseGet(() -> ManagementFactory.getRuntimeMXBean().getName() + ":" + port);
  }

  public String instance() {
    return instance;
  }

  @Scheduled(
      every = "${kehoach.reminders.every:15m}",
      delayed = "${kehoach.reminders.delayed:20s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void scheduled() {
    run(LocalDate.now(clock));
  }

  /** What one run did. */
  public record Outcome(long runId, int notices, int sent, int failed, String error) {}

  /**
   * Makes the notices of {@code today} and sends the mails that are due; never throws. A request
   * context of its own: the Keycloak admin client lives in one.
   */
  @jakarta.enterprise.context.control.ActivateRequestContext
  public Outcome run(LocalDate today) {
    long runId =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "INSERT INTO reminder_run (instance, day, started_at)"
                                        + " VALUES (?1, ?2, now()) RETURNING id")
                                .setParameter(1, instance)
                                .setParameter(2, today)
                                .getSingleResult())
                        .longValue());
    int notices = 0;
    Postman.Sent sent = new Postman.Sent(0, 0);
    String error = null;
    try {
      List<ReminderPlanner.Due> due = planner.due(today);
      if (!due.isEmpty()) {
        Recipients.ByUnit people = recipients.load(); // outside any transaction: Keycloak
        for (ReminderPlanner.Due d : due) {
          notices += planner.plan(d, people, today);
        }
      }
      sent = postman.sendDue(ClockProducer.now(clock), instance);
    } catch (RuntimeException e) {
      error = String.valueOf(e.getMessage());
      LOG.warnf("reminder run %d stopped: %s", runId, error);
    }
    String why = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    int made = notices;
    Postman.Sent done = sent;
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE reminder_run SET finished_at = now(), notices = ?2,"
                            + " mails_sent = ?3, mails_failed = ?4, error = ?5 WHERE id = ?1")
                    .setParameter(1, runId)
                    .setParameter(2, made)
                    .setParameter(3, done.sent())
                    .setParameter(4, done.failed())
                    .setParameter(5, why)
                    .executeUpdate());
    return new Outcome(runId, notices, sent.sent(), sent.failed(), why);
  }
}
