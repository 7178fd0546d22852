package vn.lhpn.kehoach.export.service;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.export.ExportJob;
import vn.lhpn.kehoach.export.dto.ExportDtos;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.service.PlanPolicy;
import vn.lhpn.kehoach.progress.service.ProgressContext;
import vn.lhpn.kehoach.security.Access;
import vn.lhpn.kehoach.security.Caller;
import vn.lhpn.kehoach.security.CurrentUser;
import vn.lhpn.kehoach.summary.dto.SummaryDtos;
import vn.lhpn.kehoach.summary.service.Drafts;
import vn.lhpn.kehoach.summary.service.Figures;
import vn.lhpn.kehoach.summary.service.ReportFigures;
import vn.lhpn.kehoach.summary.service.ReportPeriod;
import vn.lhpn.kehoach.summary.service.ResultsTable;

/**
 * Workbook exports in the background (#29): the request is checked as the caller and queued at once
 * (202), in PostgreSQL, with who asked (unit, roles); a worker of any instance takes the next job
 * ({@code FOR UPDATE SKIP LOCKED}; the owner with the fewest jobs running first, then the oldest)
 * and writes the sheets one unit at a time as that user, recording how far it got (its sign of
 * life). A job survives a restart: queued, it waits for a worker; running on an instance that went
 * away, it is queued again after {@link #STALE} (at most {@link #MAX_ATTEMPTS} times). Each user
 * has at most {@link #MAX_PER_USER} jobs waiting or running (429 beyond), and a job of more than
 * {@link #MAX_SHEETS} sheets is refused with a reason. One worker per instance by default: a large
 * export never takes more than one core from the requests.
 */
@ApplicationScoped
public class ExportJobs {
  private static final Logger LOG = Logger.getLogger(ExportJobs.class);
  private static final Duration KEPT = Duration.ofDays(1);

  /** Jobs one user may have waiting or running at once. */
  public static final int MAX_PER_USER = 3;

  /**
   * The most sheets (units) one workbook may hold by default ({@code kehoach.exports.max-sheets}):
   * Excel opens it, a person reads it; "all units" of the country (about 11,000) is refused.
   */
  public static final int MAX_SHEETS = 1_000;

  private final int maxSheets;

  private final PlanPolicy plans;
  private final Access access;
  private final ReportFigures figures;
  private final ProgressContext context;
  private final EntityManager em;
  private final ExportQueue queue;

  ExportJobs(
      PlanPolicy plans,
      Access access,
      ReportFigures figures,
      ProgressContext context,
      EntityManager em,
      ExportQueue queue,
      @ConfigProperty(name = "kehoach.exports.max-sheets", defaultValue = "1000") int maxSheets) {
    this.maxSheets = maxSheets;
    this.plans = plans;
    this.access = access;
    this.figures = figures;
    this.context = context;
    this.em = em;
    this.queue = queue;
  }

  /** Checks the request as the caller, queues the job and wakes a worker after commit. */
  public ExportJob start(ExportDtos.Request request) {
    ExportJob job = QuarkusTransaction.requiringNew().call(() -> queue(request));
    queue.kick();
    return job;
  }

  private ExportJob queue(ExportDtos.Request request) {
    String owner = access.username();
    // one user's starts one after the other, so the cap holds under concurrent starts
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('export:' || ?1))")
        .setParameter(1, owner)
        .getSingleResult();
    long waiting =
        ExportJob.count(
            "owner = ?1 and state in ?2",
            owner,
            List.of(ExportJob.State.queued, ExportJob.State.running));
    if (waiting >= MAX_PER_USER) {
      throw new ApiException(
          ProblemType.TOO_MANY_REQUESTS, Message.of("export.too-many-waiting", "count", waiting));
    }
    List<String> units = units(request);
    if (units.size() > maxSheets) {
      throw ApiException.invalid(
          "units", Message.of("export.too-many-units", "count", units.size(), "max", maxSheets));
    }
    ExportJob.delete("createdAt < ?1", ClockProducer.now().minus(KEPT));
    ExportJob job = new ExportJob();
    job.id = UUID.randomUUID();
    job.owner = owner;
    job.ownerUnit = access.unitCode();
    job.ownerRoles =
        String.join(
            ",", vn.lhpn.kehoach.security.Roles.ALL.stream().filter(access::hasRole).toList());
    job.state = ExportJob.State.queued;
    job.total = units.size();
    // the plan by the id that names it whoever reads it, so the worker finds the same one
    Plan plan = plans.readable(request.plan());
    job.request =
        new ExportDtos.Request(plan.ref(), request.unit(), request.period(), request.units());
    job.createdAt = ClockProducer.now();
    job.updatedAt = job.createdAt;
    job.persist();
    return job;
  }

  /** The units a request covers, checked as the caller: its unit first, then those it asks for. */
  private List<String> units(ExportDtos.Request request) {
    Plan plan = plans.readable(request.plan());
    ReportPeriod period = ReportPeriod.parse(request.period(), plan);
    String code =
        request.unit() == null || request.unit().isBlank()
            ? access.unitCode()
            : request.unit().strip();
    access.requireInScope(code, "unit");
    OrgUnit unit =
        OrgUnit.findByCode(code, period.endsOn()).orElseThrow(() -> Access.outOfScope(code));
    List<String> out = new ArrayList<>();
    out.add(unit.code);
    String mode = request.units() == null ? "none" : request.units();
    if (!mode.equals("none")) {
      LocalDate day = period.endsOn();
      List<OrgUnit> below =
          mode.equals("children")
              ? OrgUnit.list(
                  "parentCode = :p and " + OrgUnit.VALID_ON + " order by code",
                  Parameters.with("p", unit.code).and("day", day))
              : OrgUnit.list(
                  "code in :codes and " + OrgUnit.VALID_ON + " order by level, code",
                  Parameters.with("codes", context.subtreeOf(unit.code)).and("day", day));
      for (OrgUnit u : below) {
        if (!out.contains(u.code)) {
          out.add(u.code);
        }
      }
    }
    return out;
  }

  private volatile boolean stopping;

  void onStop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
    stopping = true;
  }

  /** Runs a job in a request context of its own, as the user who queued it. */
  void runAs(UUID id) {
    ManagedContext requestContext = Arc.container().requestContext();
    requestContext.activate();
    try {
      ExportJob owner = QuarkusTransaction.requiringNew().call(() -> ExportJob.findById(id));
      Arc.container()
          .instance(CurrentUser.class)
          .get()
          .actAs(new StoredCaller(owner.owner, owner.ownerRoles, owner.ownerUnit));
      run(id);
    } catch (RuntimeException e) {
      if (stopping) {
        // the instance is shutting down under it: left running, so that it is queued again
        // (ExportQueue.STALE) and finished by the next start or by another instance
        LOG.infof("export %s left to the next start: %s", id, e.toString());
        return;
      }
      LOG.errorf(e, "export %s failed", id);
      fail(id, "export.job-failed");
    } catch (OutOfMemoryError e) {
      // the workbook outgrew the heap (measured: about 4 900 sheets in 256 MB, docs/benchmarks.md):
      // failed at once, never tried again by another worker
      LOG.errorf("export %s ran out of memory", id);
      fail(id, "export.too-large");
    } finally {
      requestContext.terminate();
    }
  }

  /** A job's failure as a code of the catalog (its text is written in the reader's language). */
  static final String STOPPED_HALFWAY = "export.stopped-halfway";

  private static void fail(UUID id, String why) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ExportJob job = ExportJob.findById(id);
              job.state = ExportJob.State.failed;
              job.error = why;
              job.updatedAt = ClockProducer.now();
            });
  }

  /** Who a job runs as: what was read from their token when they queued it. */
  record StoredCaller(String username, String roles, String unit) implements Caller {
    @Override
    public boolean hasRole(String role) {
      return List.of(roles.split(",")).contains(role);
    }

    @Override
    public java.util.Optional<String> orgUnitCode() {
      return java.util.Optional.ofNullable(unit);
    }
  }

  private void run(UUID id) {
    ExportDtos.Request request =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  ExportJob job = ExportJob.findById(id);
                  return job.request;
                });
    List<String> units = QuarkusTransaction.requiringNew().call(() -> units(request));
    ProgressWorkbook book = new ProgressWorkbook();
    String fileName = null;
    for (int i = 0; i < units.size(); i++) {
      String code = units.get(i);
      Sheet sheet = QuarkusTransaction.requiringNew().call(() -> sheet(request, code));
      book.sheet(sheet.name, sheet.heading, sheet.subheading, sheet.rows);
      if (i == 0) {
        fileName = "tien-do-" + code + "-" + request.period().strip();
      }
      int done = i + 1;
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                ExportJob job = ExportJob.findById(id);
                job.done = done;
                job.updatedAt = ClockProducer.now();
              });
    }
    byte[] bytes = book.bytes();
    String name = fileName;
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              ExportJob job = ExportJob.findById(id);
              job.state = ExportJob.State.done;
              job.content = bytes;
              job.fileName = name;
              job.updatedAt = ClockProducer.now();
            });
  }

  private record Sheet(
      String name, String heading, String subheading, List<SummaryDtos.Row> rows) {}

  private Sheet sheet(ExportDtos.Request request, String code) {
    Plan plan = plans.readable(request.plan());
    ReportPeriod period = ReportPeriod.parse(request.period(), plan);
    OrgUnit unit =
        OrgUnit.findByCode(code, period.endsOn()).orElseThrow(() -> Access.outOfScope(code));
    Figures f = figures.of(plan, unit, period);
    return new Sheet(
        unit.code + " " + unit.name,
        "KẾT QUẢ THỰC HIỆN " + plan.title + " – " + unit.name.toUpperCase(Locale.ROOT),
        Drafts.subject(f),
        ResultsTable.rows(f));
  }

  /** What the API shows of a job. */
  public static ExportDtos.Job view(ExportJob j) {
    return new ExportDtos.Job(
        j.id.toString(), j.state.name(), j.done, j.total, j.fileName, why(j), j.createdAt);
  }

  /**
   * Why a job failed: a code of the catalog (the times it was tried for one that stopped halfway),
   * or a text stored before the codes, carried as it was.
   */
  private static Message why(ExportJob j) {
    if (j.error == null) {
      return null;
    }
    if (!Message.known(j.error)) {
      return Message.of("said", "text", j.error);
    }
    return j.error.equals(STOPPED_HALFWAY)
        ? Message.of(STOPPED_HALFWAY, "times", j.attempts)
        : Message.of(j.error);
  }

  /** The caller's own job; 404 for anyone else's. */
  @Transactional
  public ExportJob of(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new ApiException(ProblemType.NOT_FOUND, Message.of("export.not-found"));
    }
    ExportJob job = ExportJob.findById(uuid);
    if (job == null || !job.owner.equals(access.username())) {
      throw new ApiException(ProblemType.NOT_FOUND, Message.of("export.not-found"));
    }
    return job;
  }

  /** The finished file; 409 while it is still being written. */
  @Transactional
  public ExportJob file(String id) {
    ExportJob job = of(id);
    if (job.state != ExportJob.State.done) {
      throw new ApiException(
          ProblemType.CONFLICT,
          Message.of(job.state == ExportJob.State.failed ? "export.failed" : "export.not-ready"));
    }
    return job;
  }
}
