package vn.lhpn.kehoach.orgunit.service;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.common.Unreadable;
import vn.lhpn.kehoach.orgunit.OrgUnitChangeSet;
import vn.lhpn.kehoach.orgunit.UnitsChanged;
import vn.lhpn.kehoach.orgunit.dto.ChangeSetDtos;
import vn.lhpn.kehoach.orgunit.service.ChangeSetPlanner.Plan;
import vn.lhpn.kehoach.orgunit.service.ChangeSetPlanner.Unit;
import vn.lhpn.kehoach.orgunit.service.ChangeSetPlanner.What;
import vn.lhpn.kehoach.security.Access;

/**
 * Change sets of the map, loaded by an admin of the province: a dry run that says everything the
 * set would do and everything that stops it, then the apply, which writes that very plan. Sets are
 * applied one at a time (a transaction lock) and in date order.
 */
@ApplicationScoped
public class OrgUnitChangeSets {
  private static final Logger LOG = Logger.getLogger(OrgUnitChangeSets.class);
  private final OrgUnitChangeApplier applier;
  private final Access access;
  private final ChangeSetScope scope;
  private final ClosedUnitData closedUnitData;
  private final EntityManager em;
  private final Clock clock;
  private final Event<UnitsChanged> unitsChanged;

  OrgUnitChangeSets(
      OrgUnitChangeApplier applier,
      Access access,
      ChangeSetScope scope,
      ClosedUnitData closedUnitData,
      EntityManager em,
      Clock clock,
      Event<UnitsChanged> unitsChanged) {
    this.applier = applier;
    this.access = access;
    this.scope = scope;
    this.closedUnitData = closedUnitData;
    this.em = em;
    this.clock = clock;
    this.unitsChanged = unitsChanged;
  }

  /**
   * Plans (and unless {@code dryRun}, applies) the rows of one date of a lineage file, with the
   * list of units of the new state when one is given. A country's reform rolls every plan's
   * progress up again by the new map in the same transaction (docs/benchmarks.md): it may take
   * longer than a request's default 60 s, never half of it is kept.
   */
  @Transactional
  @TransactionConfiguration(timeout = 600)
  public ChangeSetDtos.Report load(
      byte[] lineageFile,
      String lineageName,
      byte[] unitsFile,
      String unitsName,
      LocalDate effectiveDate,
      boolean dryRun) {
    access.requireProvinceAdmin(Message.of("forbidden.orgunit.change-sets"));
    long started = System.nanoTime();
    List<OrgUnitChange> all = read("lineage", lineageName, () -> changes(lineageFile, lineageName));
    List<Unit> state =
        unitsFile == null ? List.of() : read("units", unitsName, () -> units(unitsFile, unitsName));
    Set<LocalDate> dates =
        all.stream()
            .map(OrgUnitChange::effectiveDate)
            .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    LocalDate day = effectiveDate;
    if (day == null) {
      if (dates.size() != 1) {
        throw ApiException.invalid(
            "effectiveDate",
            Message.of("change-set.dates", "count", dates.size(), "dates", List.copyOf(dates)));
      }
      day = dates.iterator().next();
    } else if (!dates.contains(day) && state.isEmpty()) {
      throw ApiException.invalid(
          "effectiveDate",
          Message.of("change-set.no-row-of-day", "day", day, "dates", List.copyOf(dates)));
    }
    LocalDate on = day;
    List<OrgUnitChange> rows = all.stream().filter(c -> c.effectiveDate().equals(on)).toList();
    if (!dryRun) {
      // one change set at a time: the plan is made and written under the same lock
      em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('org_unit_change_set'))")
          .getSingleResult();
    }
    Plan plan = applier.plan(day, rows, state);
    scope.require(plan);
    List<ChangeSetDtos.Held> held = closedUnitData.held(plan);
    if (dryRun) {
      return report(null, plan, true, held);
    }
    if (!plan.applicable()) {
      throw new ApiException(
          ProblemType.UNPROCESSABLE,
          Message.of("change-set.has-problems", "day", day, "count", plan.problems().size()),
          plan.problems().stream()
              .map(
                  p ->
                      new ProblemDetail.FieldError(
                          p.code() == null ? "effectiveDate" : p.code(), p.said()))
              .toList());
    }
    if (plan.steps().isEmpty()) {
      throw new ApiException(
          ProblemType.CONFLICT, Message.of("change-set.changes-nothing", "day", day));
    }
    OrgUnitChangeSet set = new OrgUnitChangeSet();
    set.effectiveDate = day;
    set.scopeCode = access.unitCode();
    set.appliedBy = access.username();
    set.appliedAt = ClockProducer.now(clock);
    set.sourceName = lineageName;
    set.summary = summary(plan);
    set.persist();
    em.flush();
    long planned = System.nanoTime();
    applier.write(plan, set.id);
    long written = System.nanoTime();
    List<ChangeSetDtos.Held> moved = closedUnitData.move(plan, set, held);
    long movedAt = System.nanoTime();
    unitsChanged.fire(new UnitsChanged(day, touched(plan)));
    LOG.infof(
        "change set %d of %s by %s: planned in %d ms, %d units written in %d ms, data of closed"
            + " units moved in %d ms, progress rolled up again in %d ms",
        set.id,
        day,
        set.appliedBy,
        (planned - started) / 1_000_000,
        plan.steps().size(),
        (written - planned) / 1_000_000,
        (movedAt - written) / 1_000_000,
        (System.nanoTime() - movedAt) / 1_000_000);
    return report(set.id, plan, false, moved);
  }

  /** The change sets applied so far, in date order. */
  @Transactional
  public List<ChangeSetDtos.Applied> list() {
    requireAdmin();
    return OrgUnitChangeSet.<OrgUnitChangeSet>list("order by effectiveDate, id").stream()
        .filter(s -> access.isVisible(s.scopeCode))
        .map(OrgUnitChangeSets::applied)
        .toList();
  }

  /** One applied change set the caller may see. */
  @Transactional
  public ChangeSetDtos.Applied get(long id) {
    requireAdmin();
    OrgUnitChangeSet s = OrgUnitChangeSet.findById(id);
    if (s == null || !access.isVisible(s.scopeCode)) {
      throw new ApiException(ProblemType.NOT_FOUND, Message.of("change-set.not-found", "id", id));
    }
    return applied(s);
  }

  private static ChangeSetDtos.Applied applied(OrgUnitChangeSet s) {
    return new ChangeSetDtos.Applied(
        s.id, s.effectiveDate, s.appliedBy, s.appliedAt, s.sourceName, s.summary);
  }

  /** The record of change sets is the admins' (every user reads a unit's lineage). */
  private void requireAdmin() {
    if (!access.hasRole(vn.lhpn.kehoach.security.Roles.ADMIN)) {
      throw Access.forbidden(Message.of("forbidden.orgunit.read-change-sets"));
    }
  }

  /** The units a set moves, closes or opens, with their parents before and after. */
  private static Set<String> touched(Plan plan) {
    Set<String> out = new HashSet<>();
    for (ChangeSetPlanner.Step s : plan.steps()) {
      if (s.what().equals(Set.of(What.CONTINUE))) {
        continue;
      }
      out.add(s.code());
      for (Unit u : new Unit[] {s.before(), s.after()}) {
        if (u != null && u.parentCode() != null) {
          out.add(u.parentCode());
        }
      }
    }
    return out;
  }

  private static Map<String, Integer> summary(Plan plan) {
    Map<String, Integer> s = new LinkedHashMap<>();
    s.put("closed", plan.steps(What.CLOSE).size());
    s.put("opened", plan.steps(What.OPEN).size());
    s.put("renamed", plan.steps(What.RENAME).size());
    s.put("reclassified", plan.steps(What.RECLASSIFY).size());
    s.put("moved", plan.steps(What.MOVE).size());
    s.put("continued", plan.steps(What.CONTINUE).size());
    s.put("lineage", plan.lineage().size());
    s.put("outside", plan.outside().size());
    return s;
  }

  private static ChangeSetDtos.Report report(
      Long id, Plan plan, boolean dryRun, List<ChangeSetDtos.Held> held) {
    Map<String, Integer> s = summary(plan);
    Map<Integer, Integer> byLevel = new TreeMap<>();
    plan.after().values().forEach(u -> byLevel.merge(u.level(), 1, Integer::sum));
    return new ChangeSetDtos.Report(
        id,
        plan.effectiveDate(),
        dryRun,
        plan.applicable(),
        new ChangeSetDtos.Counts(
            s.get("closed"),
            s.get("opened"),
            s.get("renamed"),
            s.get("reclassified"),
            s.get("moved"),
            s.get("continued"),
            s.get("lineage"),
            s.get("outside"),
            List.copyOf(byLevel.values())),
        plan.steps().stream()
            .map(
                st ->
                    new ChangeSetDtos.Step(
                        st.code(),
                        st.what().stream().map(w -> w.name().toLowerCase(Locale.ROOT)).toList(),
                        state(st.before()),
                        state(st.after())))
            .toList(),
        plan.lineage().stream()
            .map(
                l ->
                    new ChangeSetDtos.Link(
                        l.oldCode(),
                        l.oldName(),
                        l.newCode(),
                        l.newName(),
                        l.change().code(),
                        l.confirmed(),
                        l.known()))
            .toList(),
        List.copyOf(new TreeSet<>(plan.outside())),
        held,
        plan.problems().stream()
            .map(
                p ->
                    new ChangeSetDtos.Problem(
                        p.kind().name().toLowerCase(Locale.ROOT), p.code(), p.said()))
            .toList());
  }

  private static ChangeSetDtos.UnitState state(Unit u) {
    return u == null
        ? null
        : new ChangeSetDtos.UnitState(u.name(), u.type(), u.parentCode(), u.level());
  }

  private static List<OrgUnitChange> changes(byte[] file, String name) {
    return ChangeSetFiles.changes(file, name);
  }

  private static List<Unit> units(byte[] file, String name) {
    return ChangeSetFiles.units(file, name);
  }

  /** A file that cannot be read is a 422 naming the field and what is wrong, nothing changed. */
  private static <T> T read(String field, String name, java.util.function.Supplier<T> reader) {
    try {
      return reader.get();
    } catch (IllegalStateException | IllegalArgumentException | DateTimeParseException e) {
      Message why = Unreadable.why(e);
      throw new ApiException(
          ProblemType.INVALID_FILE,
          Message.of("file.unreadable", "name", name == null ? field : name, "reason", why),
          List.of(new ProblemDetail.FieldError(field, why)));
    }
  }
}
