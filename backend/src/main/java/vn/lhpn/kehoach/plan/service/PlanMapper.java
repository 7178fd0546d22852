package vn.lhpn.kehoach.plan.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.lhpn.kehoach.plan.Department;
import vn.lhpn.kehoach.plan.ItemKind;
import vn.lhpn.kehoach.plan.Levels;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanRules;
import vn.lhpn.kehoach.plan.YearLevel;
import vn.lhpn.kehoach.plan.dto.PlanDtos;
import vn.lhpn.kehoach.plan.importer.PlanDraft;

/** Entities to DTOs and back to the importer's model: the one place that knows both shapes. */
public final class PlanMapper {
  private PlanMapper() {}

  /** The plan as the API shows it, under the id the caller uses ({@link PlanPolicy#idOf}). */
  public static PlanDtos.Plan toDto(
      String id, Plan plan, List<PlanItem> items, List<String> allowed) {
    List<Integer> years = years(plan);
    return new PlanDtos.Plan(
        id,
        plan.number,
        plan.title,
        plan.subtitle,
        plan.issuer,
        plan.issuedOn,
        plan.termStart == null ? null : plan.termStart.intValue(),
        plan.termEnd == null ? null : plan.termEnd.intValue(),
        years,
        plan.status.name(),
        plan.ownerUnitCode,
        counts(items.stream().map(i -> i.kind).toList()),
        allowed,
        plan.lockedAt == null
            ? null
            : new PlanDtos.Lock(
                plan.lockedAt.withOffsetSameInstant(java.time.ZoneOffset.UTC),
                plan.lockedBy,
                plan.lockReason),
        plan.version);
  }

  /** The years a plan sets levels for, first to last. */
  public static List<Integer> years(Plan plan) {
    List<Integer> years = new ArrayList<>();
    for (int y = plan.firstYear; y <= plan.lastYear; y++) {
      years.add(y);
    }
    return years;
  }

  public static PlanDtos.Counts counts(List<ItemKind> kinds) {
    return new PlanDtos.Counts(
        kinds.stream().filter(k -> k == ItemKind.SECTION).count(),
        kinds.stream().filter(k -> k == ItemKind.GROUP).count(),
        kinds.stream().filter(k -> k == ItemKind.LEAF).count(),
        kinds.stream().filter(k -> k == ItemKind.BREAKDOWN).count());
  }

  public static PlanDtos.Item toDto(PlanItem item, List<PlanDtos.Item> children) {
    return new PlanDtos.Item(
        item.key,
        item.parent == null ? null : item.parent.key,
        item.position,
        item.code,
        item.kind.code(),
        item.title,
        item.implementingLevel,
        List.copyOf(Levels.fromColumn(item.implementingLevels)),
        item.leadText,
        item.departments.stream()
            .sorted(Comparator.comparing((Department d) -> d.code))
            .map(d -> new PlanDtos.DepartmentRef(d.code, d.shortName, d.name))
            .toList(),
        item.coordinators,
        item.funding,
        item.footnotes.entrySet().stream()
            .map(e -> new PlanDtos.Footnote(e.getKey(), e.getValue()))
            .toList(),
        item.measureType == null
            ? null
            : new PlanDtos.Measure(item.measureType.code(), item.measureUnit, item.measureGuessed),
        item.measureType == null ? null : List.copyOf(PlanRules.reportingLevels(item)),
        item.reportingLevelsGuessed,
        item.measureType == null ? null : PlanRules.termRule(item).code(),
        item.termRule == null,
        item.levels.stream()
            .sorted(Comparator.comparingInt(l -> l.year))
            .map(
                l ->
                    new PlanDtos.Year(
                        l.year,
                        l.raw,
                        l.kind.code(),
                        l.value == null ? null : l.value.stripTrailingZeros(),
                        l.originalRaw,
                        l.originalValue == null ? null : l.originalValue.stripTrailingZeros(),
                        l.decision))
            .toList(),
        item.version,
        children);
  }

  /** A stored plan in the importer's model, for the .xlsx export and for comparing imports. */
  public static PlanDraft toDraft(Plan plan, List<PlanItem> items) {
    List<Integer> years = years(plan);
    return new PlanDraft(
        plan.code,
        plan.number,
        plan.title,
        plan.subtitle,
        plan.issuer,
        plan.issuedOn,
        plan.termStart == null ? null : plan.termStart.intValue(),
        plan.termEnd == null ? null : plan.termEnd.intValue(),
        years,
        items.stream().map(PlanMapper::toDraftItem).toList(),
        List.of());
  }

  public static PlanDraft.Item toDraftItem(PlanItem item) {
    Map<Integer, YearLevel> years = new TreeMap<>();
    // the plan as adopted: an amendment (điều chỉnh) is not the file's, it is kept over it
    item.levels.forEach(
        l -> years.put((int) l.year, YearLevel.parse(l.amended() ? l.originalRaw : l.raw)));
    Map<Integer, String> footnotes = new TreeMap<>();
    item.footnotes.forEach((n, t) -> footnotes.put(n.intValue(), t));
    return new PlanDraft.Item(
        0,
        item.key,
        item.parent == null ? null : item.parent.key,
        item.code,
        item.kind,
        item.title,
        item.implementingLevel,
        Levels.fromColumn(item.implementingLevels),
        item.leadText,
        item.departments.stream().map(d -> d.code).sorted().toList(),
        item.coordinators,
        item.funding,
        footnotes,
        years,
        item.measureType,
        item.measureUnit,
        item.measureGuessed);
  }
}
