package vn.lhpn.kehoach.orgunit.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitLineage;
import vn.lhpn.kehoach.orgunit.OrgUnitLineage.Change;
import vn.lhpn.kehoach.orgunit.OrgUnitType;

/**
 * Applies administrative changes in date order: each closes the old unit versions the day before
 * and opens the new ones, recording which old unit became which new one. Reported results stay with
 * the version that reported them; the lineage lets totals be carried across.
 */
@ApplicationScoped
public class OrgUnitChangeApplier {
  private static final Logger LOG = Logger.getLogger(OrgUnitChangeApplier.class);

  /** What applying a set of changes did. */
  public record Result(int applied, int skipped, int opened, int closed) {}

  public Result apply(List<OrgUnitChange> changes) {
    int applied = 0;
    int skipped = 0;
    int opened = 0;
    int closed = 0;
    Map<LocalDate, List<OrgUnitChange>> byDate =
        changes.stream()
            .collect(
                Collectors.groupingBy(
                    OrgUnitChange::effectiveDate, TreeMap::new, Collectors.toList()));
    for (var day : byDate.entrySet()) {
      LocalDate date = day.getKey();
      // Every change of a day is read against the state of the day before.
      Map<String, List<OrgUnitChange>> byNewUnit = new LinkedHashMap<>();
      for (OrgUnitChange change : day.getValue()) {
        if (OrgUnit.findValid(change.oldCode(), date.minusDays(1)).isEmpty()) {
          LOG.debugf(
              "skipping %s of unknown unit %s (%s)",
              change.change(), change.oldCode(), change.oldName());
          skipped++;
          continue;
        }
        String key =
            change.change() == Change.DISSOLVE ? "dissolve:" + change.oldCode() : change.newCode();
        byNewUnit.computeIfAbsent(key, k -> new ArrayList<>()).add(change);
      }
      List<OrgUnit> toClose = new ArrayList<>();
      List<Runnable> links = new ArrayList<>();
      for (List<OrgUnitChange> group : byNewUnit.values()) {
        OrgUnitChange first = group.get(0);
        List<OrgUnit> olds =
            group.stream()
                .map(c -> OrgUnit.findValid(c.oldCode(), date.minusDays(1)).orElseThrow())
                .toList();
        toClose.addAll(olds);
        switch (first.change()) {
          case DISSOLVE ->
              links.add(() -> link(date, Change.DISSOLVE, olds.get(0), null, first.confirmed()));
          case MERGE, RECLASSIFY, RENAME -> {
            OrgUnit base =
                olds.stream()
                    .filter(o -> o.code.equals(first.newCode()))
                    .findFirst()
                    .orElse(olds.get(0));
            OrgUnit created = open(first.newCode(), first.newName(), base, date);
            opened++;
            for (int i = 0; i < group.size(); i++) {
              OrgUnit old = olds.get(i);
              OrgUnitChange change = group.get(i);
              links.add(() -> link(date, change.change(), old, created, change.confirmed()));
            }
          }
          default ->
              throw new IllegalStateException(
                  "change '"
                      + first.change().code()
                      + "' of "
                      + first.oldCode()
                      + " on "
                      + date
                      + " needs the new state's parents (the 2025 arrangement); not applied by this loader");
        }
        applied += group.size();
      }
      for (OrgUnit old : toClose.stream().distinct().toList()) {
        old.validTo = date.minusDays(1);
        closed++;
      }
      OrgUnit.flush();
      links.forEach(Runnable::run);
    }
    return new Result(applied, skipped, opened, closed);
  }

  private static OrgUnit open(String code, String name, OrgUnit base, LocalDate date) {
    OrgUnit unit = new OrgUnit();
    unit.code = code;
    unit.name = name;
    unit.level = base.level;
    unit.parentCode = base.parentCode;
    unit.type = OrgUnitType.fromName(name, base.level).orElse(base.type);
    unit.validFrom = date;
    unit.persist();
    return unit;
  }

  private static void link(
      LocalDate date, Change change, OrgUnit from, OrgUnit to, boolean confirmed) {
    OrgUnitLineage edge = new OrgUnitLineage();
    edge.effectiveDate = date;
    edge.change = change;
    edge.from = from;
    edge.to = to;
    edge.confirmed = confirmed;
    edge.persist();
  }
}
