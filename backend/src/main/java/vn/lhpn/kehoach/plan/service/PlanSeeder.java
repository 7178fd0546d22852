package vn.lhpn.kehoach.plan.service;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jboss.logging.Logger;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.importer.PlanDraft;

/** Imports the seed plan at first start, when no plan with its number exists. */
@ApplicationScoped
public class PlanSeeder {
  private static final Logger LOG = Logger.getLogger(PlanSeeder.class);

  /** The plan to load at first start. */
  @ConfigMapping(prefix = "kehoach.seed.plan")
  public interface Config {
    @WithDefault("true")
    boolean enabled();

    @WithDefault("seed/plans/ke-hoach-toan-khoa-2021-2026.txt")
    String resource();

    /** The unit that owns the seed plan (the province). */
    @WithDefault("19")
    String ownerUnit();
  }

  private final Config config;
  private final PlanImportService importer;

  PlanSeeder(Config config, PlanImportService importer) {
    this.config = config;
    this.importer = importer;
  }

  // After the org units (default priority), so the owner unit exists.
  @jakarta.transaction.Transactional
  void onStart(@Observes @Priority(3000) StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    byte[] bytes;
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(config.resource())) {
      if (in == null) {
        throw new IllegalStateException(
            "seed plan not found on the classpath: " + config.resource());
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PlanDraft draft = importer.read(bytes);
    if (Plan.findOwned(config.ownerUnit(), draft.code()).isPresent()) {
      return;
    }
    var report = importer.importPlan(bytes, config.resource(), config.ownerUnit(), false);
    LOG.infof(
        "Imported seed plan %s: %d items, %d warnings",
        report.planCode(), report.changes().created(), report.warnings().size());
  }
}
