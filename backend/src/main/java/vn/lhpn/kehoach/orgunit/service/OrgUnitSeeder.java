package vn.lhpn.kehoach.orgunit.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jboss.logging.Logger;
import vn.lhpn.kehoach.common.Csv;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitType;
import vn.lhpn.kehoach.orgunit.config.OrgUnitSeedConfig;

/** Loads the configured units and their changes into an empty database at first start. */
@ApplicationScoped
public class OrgUnitSeeder {
  private static final Logger LOG = Logger.getLogger(OrgUnitSeeder.class);

  private final OrgUnitSeedConfig config;
  private final OrgUnitChangeApplier applier;

  OrgUnitSeeder(OrgUnitSeedConfig config, OrgUnitChangeApplier applier) {
    this.config = config;
    this.applier = applier;
  }

  @Transactional
  void onStart(@Observes StartupEvent event) {
    if (!config.enabled() || OrgUnit.count() > 0) {
      return;
    }
    int loaded = 0;
    for (String resource : config.resources()) {
      loaded += loadUnits(resource);
    }
    Map<LocalDate, List<ChangeSetPlanner.Unit>> states = new TreeMap<>();
    for (String entry : config.states()) {
      String[] parts = entry.split("=", 2);
      LocalDate day = LocalDate.parse(parts[0].strip());
      if (parts.length == 2 && !day.isAfter(config.changesUntil())) {
        String resource = parts[1].strip();
        states.put(day, read(resource, in -> ChangeSetFiles.units(in, resource)));
      }
    }
    var result = applier.apply(readChanges(config.changes(), config.changesUntil()), states);
    LOG.infof(
        "Loaded %d org units; applied %d changes up to %s (%d skipped: other provinces)",
        loaded, result.applied(), config.changesUntil(), result.skipped());
  }

  private int loadUnits(String resource) {
    List<Csv.Row> rows = read(resource, in -> Csv.read(in, resource, ChangeSetFiles.UNIT_COLUMNS));
    Set<String> known = new HashSet<>();
    OrgUnit.<OrgUnit>listAll().forEach(u -> known.add(u.code));
    for (Csv.Row row : rows) {
      OrgUnit unit = new OrgUnit();
      unit.code = row.get("code");
      unit.name = row.get("name");
      unit.type = OrgUnitType.fromCode(row.get("type"));
      unit.level = Short.parseShort(row.get("level"));
      unit.validFrom = config.validFrom();
      String parent = row.get("parent_code");
      if (!parent.isEmpty()) {
        if (!known.contains(parent)) {
          throw new IllegalStateException(
              resource
                  + ":"
                  + row.line()
                  + ": parent "
                  + parent
                  + " must come before its children");
        }
        unit.parentCode = parent;
      }
      unit.persist();
      known.add(unit.code);
    }
    return rows.size();
  }

  static List<OrgUnitChange> readChanges(String resource, LocalDate until) {
    return read(resource, in -> ChangeSetFiles.changes(in, resource)).stream()
        .filter(c -> !c.effectiveDate().isAfter(until))
        .toList();
  }

  private static <T> T read(String resource, Function<InputStream, T> reader) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("seed not found on the classpath: " + resource);
      }
      return reader.apply(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
