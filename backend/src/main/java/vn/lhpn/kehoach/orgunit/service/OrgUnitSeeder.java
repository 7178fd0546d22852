package vn.lhpn.kehoach.orgunit.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitType;
import vn.lhpn.kehoach.orgunit.config.OrgUnitSeedConfig;

/** Loads the configured units into an empty database at first start; later starts do nothing. */
@ApplicationScoped
public class OrgUnitSeeder {
  private static final Logger LOG = Logger.getLogger(OrgUnitSeeder.class);
  private static final List<String> HEADER =
      List.of("code", "name", "type", "parent_code", "level");

  private final OrgUnitSeedConfig config;

  OrgUnitSeeder(OrgUnitSeedConfig config) {
    this.config = config;
  }

  @Transactional
  void onStart(@Observes StartupEvent event) {
    if (!config.enabled() || OrgUnit.count() > 0) {
      return;
    }
    int loaded = load(config.resource());
    LOG.infof("Loaded %d org units from %s", loaded, config.resource());
  }

  int load(String resource) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("org unit seed not found on the classpath: " + resource);
      }
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String header = reader.readLine();
      if (header == null || !List.of(header.strip().split(",", -1)).equals(HEADER)) {
        throw new IllegalStateException(resource + ": expected header " + String.join(",", HEADER));
      }
      Map<String, OrgUnit> byCode = new HashMap<>();
      int lineNo = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != HEADER.size()) {
          throw new IllegalStateException(resource + ":" + lineNo + ": expected 5 columns");
        }
        OrgUnit unit = new OrgUnit();
        unit.code = f[0];
        unit.name = f[1];
        unit.type = OrgUnitType.fromCode(f[2]);
        unit.level = Short.parseShort(f[4]);
        unit.validFrom = config.validFrom();
        if (!f[3].isEmpty()) {
          unit.parent = byCode.get(f[3]);
          if (unit.parent == null) {
            throw new IllegalStateException(
                resource + ":" + lineNo + ": parent " + f[3] + " must come before its children");
          }
        }
        unit.persist();
        byCode.put(unit.code, unit);
      }
      return byCode.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
