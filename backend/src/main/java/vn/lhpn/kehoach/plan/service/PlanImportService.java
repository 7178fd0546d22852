package vn.lhpn.kehoach.plan.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.lhpn.kehoach.plan.Applicability;
import vn.lhpn.kehoach.plan.Department;
import vn.lhpn.kehoach.plan.ItemKind;
import vn.lhpn.kehoach.plan.Levels;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.dto.PlanDtos;
import vn.lhpn.kehoach.plan.importer.PlanAssembler;
import vn.lhpn.kehoach.plan.importer.PlanDraft;
import vn.lhpn.kehoach.plan.importer.PlanSource;
import vn.lhpn.kehoach.plan.importer.TextPlanReader;
import vn.lhpn.kehoach.plan.importer.XlsxPlanReader;

/**
 * Imports a plan file (the text export of the Word table, or the system's own .xlsx). Items are
 * matched by key with what is stored: a second import of the same file changes nothing, a dry run
 * says what would change and writes nothing, and a refused file leaves everything as it was.
 */
@ApplicationScoped
public class PlanImportService {
  private final PlanPolicy policy;
  private final jakarta.enterprise.event.Event<vn.lhpn.kehoach.plan.PlanImported> imported;

  PlanImportService(
      PlanPolicy policy,
      jakarta.enterprise.event.Event<vn.lhpn.kehoach.plan.PlanImported> imported) {
    this.policy = policy;
    this.imported = imported;
  }

  /**
   * A file uploaded by a user: the permission is checked before the file is parsed, then the plan
   * is imported for the caller's unit (the province). Only that unit's own plans are read: a plan
   * of the same number issued by another province is neither changed nor mentioned (#29).
   */
  @Transactional
  public PlanDtos.ImportReport importUpload(byte[] bytes, String fileName, boolean dryRun) {
    String owner = policy.requireImporter();
    PlanDtos.ImportReport report = importPlan(bytes, fileName, owner, dryRun);
    if (!dryRun && "created".equals(report.outcome())) {
      Plan.findOwned(owner, report.planCode())
          .ifPresent(p -> imported.fire(new vn.lhpn.kehoach.plan.PlanImported(p.id)));
    }
    return report;
  }

  /** Reads either format: an .xlsx is a zip (it starts with "PK"), anything else is text. */
  public PlanDraft read(byte[] bytes) {
    boolean zip =
        bytes.length > 3 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    PlanSource source = zip ? new XlsxPlanReader().read(bytes) : new TextPlanReader().read(bytes);
    return new PlanAssembler().assemble(source);
  }

  @Transactional
  public PlanDtos.ImportReport importPlan(
      byte[] bytes, String sourceName, String ownerUnitCode, boolean dryRun) {
    PlanDraft draft = read(bytes);
    Plan plan = Plan.findOwned(ownerUnitCode, draft.code()).orElse(null);
    Map<String, PlanItem> stored = new LinkedHashMap<>();
    if (plan != null) {
      PlanItem.listOf(plan).forEach(i -> stored.put(i.key, i));
    }
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    for (int i = 0; i < draft.items().size(); i++) {
      PlanDraft.Item item = draft.items().get(i);
      PlanItem existing = stored.get(item.key());
      if (existing == null) {
        created++;
      } else if (same(existing, i, item)) {
        unchanged++;
      } else {
        updated++;
      }
    }
    int removed =
        (int)
            stored.keySet().stream()
                .filter(k -> draft.items().stream().noneMatch(d -> d.key().equals(k)))
                .count();
    boolean metadataChanged = plan == null || !sameMetadata(plan, draft);
    String outcome =
        plan == null
            ? "created"
            : created + updated + removed == 0 && !metadataChanged ? "unchanged" : "updated";
    if (!dryRun && !"unchanged".equals(outcome)) {
      apply(plan, draft, stored, sourceName, ownerUnitCode);
    }
    return new PlanDtos.ImportReport(
        dryRun,
        draft.code(),
        outcome,
        PlanMapper.counts(draft.items().stream().map(PlanDraft.Item::kind).toList()),
        new PlanDtos.Changes(created, updated, removed, unchanged),
        draft.warnings());
  }

  private void apply(
      Plan plan, PlanDraft draft, Map<String, PlanItem> stored, String sourceName, String owner) {
    if (plan == null) {
      plan = new Plan();
      plan.code = draft.code();
      plan.ownerUnitCode = owner;
    }
    plan.number = draft.number();
    plan.title = draft.title();
    plan.subtitle = draft.subtitle();
    plan.issuer = draft.issuer();
    plan.issuedOn = draft.issuedOn();
    plan.termStart = draft.termStart() == null ? null : draft.termStart().shortValue();
    plan.termEnd = draft.termEnd() == null ? null : draft.termEnd().shortValue();
    plan.firstYear = draft.years().get(0).shortValue();
    plan.lastYear = draft.years().get(draft.years().size() - 1).shortValue();
    plan.sourceName = sourceName;
    plan.persist();

    Map<String, Department> departments = new HashMap<>();
    Department.<Department>listAll().forEach(d -> departments.put(d.code, d));
    Map<String, PlanItem> byKey = new HashMap<>();
    Map<String, PlanItem> leftover = new LinkedHashMap<>(stored);
    for (int i = 0; i < draft.items().size(); i++) {
      PlanDraft.Item d = draft.items().get(i);
      PlanItem item = leftover.remove(d.key());
      boolean fresh = item == null;
      if (fresh) {
        item = new PlanItem();
        item.plan = plan;
        item.key = d.key();
      } else if (same(item, i, d)) {
        proposeReportingLevels(item, d);
        byKey.put(d.key(), item);
        continue;
      }
      item.position = i;
      item.parent = d.parentKey() == null ? null : byKey.get(d.parentKey());
      item.code = d.code();
      item.kind = d.kind();
      item.title = d.title();
      item.implementingLevel = d.implementingLevel();
      item.implementingLevels = Levels.format(d.implementingLevels());
      item.leadText = d.lead();
      item.coordinators = d.coordinators();
      item.funding = d.funding();
      proposeReportingLevels(item, d);
      if (fresh || !d.measureGuessed() || item.measureGuessed) {
        item.measureType = d.measureType();
        item.measureUnit = d.measureUnit();
        item.measureGuessed = d.measureGuessed();
      }
      item.departments.clear();
      for (String code : d.departments()) {
        item.departments.add(departments.computeIfAbsent(code, PlanImportService::newDepartment));
      }
      // the file's levels are the plan as adopted; an amendment in force stays in force over them
      Map<Short, PlanItem.Level> amended = new HashMap<>();
      item.levels.stream().filter(PlanItem.Level::amended).forEach(l -> amended.put(l.year, l));
      item.levels.clear();
      for (var year : d.years().entrySet()) {
        PlanItem.Level level = PlanItem.Level.of(year.getKey(), year.getValue());
        PlanItem.Level kept = amended.remove(level.year);
        if (kept != null) {
          level.originalRaw = level.raw;
          level.originalValue = level.value;
          level.raw = kept.raw;
          level.kind = kept.kind;
          level.value = kept.value;
          level.decision = kept.decision;
        }
        item.levels.add(level);
      }
      item.levels.addAll(amended.values());
      item.footnotes.clear();
      for (var note : d.footnotes().entrySet()) {
        item.footnotes.put(note.getKey().shortValue(), note.getValue());
      }
      item.persist();
      byKey.put(d.key(), item);
    }
    List<PlanItem> gone = new ArrayList<>(leftover.values());
    gone.sort((a, b) -> Integer.compare(b.position, a.position));
    gone.forEach(PlanItem::delete);
  }

  private static Department newDepartment(String code) {
    Department d = new Department();
    d.code = code;
    d.shortName = code;
    d.name = code;
    d.persist();
    return d;
  }

  /**
   * Proposes the levels that report a leaf from its wording, unless a planner already confirmed
   * them: a re-import never overrides a planner.
   */
  private static void proposeReportingLevels(PlanItem item, PlanDraft.Item d) {
    if (!item.reportingLevelsGuessed || d.kind() != ItemKind.LEAF) {
      return;
    }
    Set<Integer> proposed = Applicability.propose(d.title());
    item.reportingLevels = proposed.isEmpty() ? null : Levels.format(proposed);
  }

  /** Whether a stored item says what the file says (a planner's measure beats a guess). */
  static boolean same(PlanItem stored, int position, PlanDraft.Item d) {
    PlanDraft.Item s = PlanMapper.toDraftItem(stored);
    boolean measureSame =
        d.measureGuessed() && !stored.measureGuessed
            || Objects.equals(s.measureType(), d.measureType())
                && Objects.equals(s.measureUnit(), d.measureUnit())
                && s.measureGuessed() == d.measureGuessed();
    return stored.position == position
        && Objects.equals(s.parentKey(), d.parentKey())
        && Objects.equals(s.code(), d.code())
        && s.kind() == d.kind()
        && Objects.equals(s.title(), d.title())
        && Objects.equals(s.implementingLevel(), d.implementingLevel())
        && Objects.equals(s.implementingLevels(), d.implementingLevels())
        && Objects.equals(s.lead(), d.lead())
        && Objects.equals(s.departments(), d.departments().stream().sorted().toList())
        && Objects.equals(s.coordinators(), d.coordinators())
        && Objects.equals(s.funding(), d.funding())
        && Objects.equals(s.footnotes(), d.footnotes())
        && Objects.equals(raw(s), raw(d))
        && measureSame;
  }

  private static Map<Integer, String> raw(PlanDraft.Item item) {
    Map<Integer, String> out = new HashMap<>();
    item.years().forEach((y, l) -> out.put(y, l.raw()));
    return out;
  }

  private static boolean sameMetadata(Plan plan, PlanDraft d) {
    return Objects.equals(plan.number, d.number())
        && Objects.equals(plan.title, d.title())
        && Objects.equals(plan.subtitle, d.subtitle())
        && Objects.equals(plan.issuer, d.issuer())
        && Objects.equals(plan.issuedOn, d.issuedOn())
        && Objects.equals(plan.termStart == null ? null : (int) plan.termStart, d.termStart())
        && Objects.equals(plan.termEnd == null ? null : (int) plan.termEnd, d.termEnd())
        && plan.firstYear == d.years().get(0)
        && plan.lastYear == d.years().get(d.years().size() - 1);
  }
}
