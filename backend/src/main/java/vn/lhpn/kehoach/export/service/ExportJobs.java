package vn.lhpn.kehoach.export.service;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.export.ExportJob;
import vn.lhpn.kehoach.export.dto.ExportDtos;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.service.PlanPolicy;
import vn.lhpn.kehoach.progress.service.ProgressContext;
import vn.lhpn.kehoach.security.Access;
import vn.lhpn.kehoach.summary.dto.SummaryDtos;
import vn.lhpn.kehoach.summary.service.Drafts;
import vn.lhpn.kehoach.summary.service.Figures;
import vn.lhpn.kehoach.summary.service.ReportFigures;
import vn.lhpn.kehoach.summary.service.ReportPeriod;
import vn.lhpn.kehoach.summary.service.ResultsTable;

/**
 * Workbook exports in the background: the request is checked and queued at once (202), a single
 * worker writes the sheets one unit at a time, recording how far it got, as the caller (the same
 * identity, so the same subtree); the client polls and fetches the file. One worker: a large export
 * never takes more than one core from the requests.
 */
@ApplicationScoped
public class ExportJobs {
  private static final Logger LOG = Logger.getLogger(ExportJobs.class);
  private static final Duration KEPT = Duration.ofDays(1);

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "kehoach-export");
            t.setDaemon(true);
            return t;
          });
  private final PlanPolicy plans;
  private final Access access;
  private final ReportFigures figures;
  private final ProgressContext context;
  private final CurrentIdentityAssociation identities;

  ExportJobs(
      PlanPolicy plans,
      Access access,
      ReportFigures figures,
      ProgressContext context,
      CurrentIdentityAssociation identities) {
    this.plans = plans;
    this.access = access;
    this.figures = figures;
    this.context = context;
    this.identities = identities;
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }

  /** Checks the request as the caller, queues the job and starts it after commit. */
  public ExportJob start(ExportDtos.Request request) {
    ExportJob job = QuarkusTransaction.requiringNew().call(() -> queue(request));
    SecurityIdentity identity = identities.getIdentity();
    worker.submit(() -> runAs(identity, job.id));
    return job;
  }

  private ExportJob queue(ExportDtos.Request request) {
    List<String> units = units(request);
    ExportJob.delete("createdAt < ?1", ClockProducer.now().minus(KEPT));
    ExportJob job = new ExportJob();
    job.id = UUID.randomUUID();
    job.owner = access.username();
    job.state = ExportJob.State.queued;
    job.total = units.size();
    job.request = request;
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

  private void runAs(SecurityIdentity identity, UUID id) {
    ManagedContext requestContext = Arc.container().requestContext();
    requestContext.activate();
    try {
      Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(identity);
      run(id);
    } catch (RuntimeException e) {
      LOG.errorf(e, "export %s failed", id);
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                ExportJob job = ExportJob.findById(id);
                job.state = ExportJob.State.failed;
                job.error = "Không xuất được bảng tính / The export failed";
                job.updatedAt = ClockProducer.now();
              });
    } finally {
      requestContext.terminate();
    }
  }

  private void run(UUID id) {
    ExportDtos.Request request =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  ExportJob job = ExportJob.findById(id);
                  job.state = ExportJob.State.running;
                  job.updatedAt = ClockProducer.now();
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
        j.id.toString(), j.state.name(), j.done, j.total, j.fileName, j.error, j.createdAt);
  }

  /** The caller's own job; 404 for anyone else's. */
  @Transactional
  public ExportJob of(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("Không có bản xuất này / No such export");
    }
    ExportJob job = ExportJob.findById(uuid);
    if (job == null || !job.owner.equals(access.username())) {
      throw ApiException.notFound("Không có bản xuất này / No such export");
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
          job.state == ExportJob.State.failed
              ? "Bản xuất bị lỗi; hãy xuất lại / The export failed; start it again"
              : "Bản xuất chưa xong / The export is not ready yet");
    }
    return job;
  }
}
