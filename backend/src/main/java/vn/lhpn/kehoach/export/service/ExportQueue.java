package vn.lhpn.kehoach.export.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.export.ExportJob;

/**
 * The export jobs' queue, in PostgreSQL (#29, docs/adr/0017): each instance has {@code
 * kehoach.exports.workers} workers that claim the next waiting job ({@code FOR UPDATE SKIP LOCKED};
 * the owner with the fewest jobs running first, then the oldest) and run it through {@link
 * ExportJobs#runAs}. A job whose worker went away (no sign of life for {@link #STALE}) is queued
 * again, at most {@link #MAX_ATTEMPTS} times; jobs queued before a restart are taken up after it.
 */
@ApplicationScoped
public class ExportQueue {
  private static final Logger LOG = Logger.getLogger(ExportQueue.class);

  /** A running job with no sign of life for this long lost its worker. */
  static final Duration STALE = Duration.ofMinutes(2);

  static final int MAX_ATTEMPTS = 3;

  private final ExecutorService worker;
  private final java.util.concurrent.Semaphore idle;
  private final String workerName = "export@" + UUID.randomUUID().toString().substring(0, 8);
  private final EntityManager em;
  private final ExportJobs jobs;

  ExportQueue(
      EntityManager em,
      ExportJobs jobs,
      @ConfigProperty(name = "kehoach.exports.workers", defaultValue = "1") int workers) {
    this.em = em;
    this.jobs = jobs;
    this.idle = new java.util.concurrent.Semaphore(workers);
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    this.worker =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "kehoach-export-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }

  /** Wakes an idle worker of this instance, if there is one: it takes jobs until none waits. */
  void kick() {
    if (!idle.tryAcquire()) {
      return; // every worker is busy; each looks for the next job when it is done
    }
    try {
      worker.submit(
          () -> {
            try {
              drain();
            } finally {
              idle.release();
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      idle.release(); // shutting down: the queue keeps the job for the next start
    }
  }

  /**
   * Every few seconds, on every instance: a job whose worker went away is queued again (or, after
   * {@link #MAX_ATTEMPTS}, failed), and the workers look for waiting jobs (those queued before a
   * restart, or by another instance).
   */
  @Scheduled(
      every = "${kehoach.exports.poll-every:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  public void poll() {
    try {
      QuarkusTransaction.requiringNew().run(this::requeueStale);
      kick();
    } catch (RuntimeException e) {
      LOG.debugf("export queue not polled now: %s", e);
    }
  }

  /** Queues again the running jobs with no sign of life for {@link #STALE}. */
  void requeueStale() {
    OffsetDateTime before = ClockProducer.now().minus(STALE);
    for (ExportJob job :
        ExportJob.<ExportJob>list(
            "state = ?1 and updatedAt < ?2", ExportJob.State.running, before)) {
      if (job.attempts >= MAX_ATTEMPTS) {
        job.state = ExportJob.State.failed;
        job.error = ExportJobs.STOPPED_HALFWAY;
      } else {
        job.state = ExportJob.State.queued;
      }
      job.updatedAt = ClockProducer.now();
      LOG.infof("export %s lost its worker %s: %s", job.id, job.claimedBy, job.state);
    }
  }

  private void drain() {
    for (UUID id; (id = claim()) != null; ) {
      jobs.runAs(id);
    }
  }

  /** Takes the next job, fairly, unless another worker took it first; null when none waits. */
  UUID claim() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              @SuppressWarnings("unchecked")
              List<Object> ids =
                  em.createNativeQuery(
                          """
                          UPDATE export_job SET state = 'running', attempts = attempts + 1,
                                 claimed_by = ?1, updated_at = now()
                          WHERE id = (
                            SELECT j.id FROM export_job j
                            WHERE j.state = 'queued'
                            ORDER BY (SELECT count(*) FROM export_job r
                                      WHERE r.owner = j.owner AND r.state = 'running'),
                                     j.created_at
                            LIMIT 1 FOR UPDATE SKIP LOCKED)
                          RETURNING id
                          """)
                      .setParameter(1, workerName)
                      .getResultList();
              return ids.isEmpty() ? null : (UUID) ids.get(0);
            });
  }
}
