package vn.lhpn.kehoach.plan.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.PageResult;
import vn.lhpn.kehoach.common.Paging;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.common.Text;
import vn.lhpn.kehoach.plan.Department;
import vn.lhpn.kehoach.plan.ItemKind;
import vn.lhpn.kehoach.plan.Levels;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanRules;
import vn.lhpn.kehoach.plan.TermRule;
import vn.lhpn.kehoach.plan.YearLevel;
import vn.lhpn.kehoach.plan.dto.PlanDtos;
import vn.lhpn.kehoach.plan.importer.XlsxPlanWriter;

/** Reading plans and their items, correcting an item's measure, exporting a plan. */
@ApplicationScoped
public class PlanService {
  private final PlanPolicy access;

  PlanService(PlanPolicy access) {
    this.access = access;
  }

  /** Filters of the item list; null means "any". */
  public record ItemFilter(
      ItemKind kind, String department, Integer level, Integer year, String text) {
    boolean isEmpty() {
      return kind == null
          && department == null
          && level == null
          && year == null
          && (text == null || text.isBlank());
    }
  }

  @Transactional
  public PageResult<PlanDtos.Plan> list(Paging paging) {
    List<Plan> visible = new ArrayList<>();
    for (Plan plan : Plan.<Plan>listAll(Sort.by("issuedOn").descending().and("code"))) {
      if (access.canRead(plan)) {
        visible.add(plan);
      }
    }
    List<PlanDtos.Plan> page =
        visible.stream()
            .skip(paging.offset())
            .limit(paging.size())
            .map(p -> PlanMapper.toDto(access.idOf(p), p, PlanItem.listOf(p), access.allowed(p)))
            .toList();
    return new PageResult<>(page, paging.page(), paging.size(), visible.size());
  }

  @Transactional
  public PlanDtos.Plan get(String code) {
    Plan plan = readable(code);
    return PlanMapper.toDto(access.idOf(plan), plan, PlanItem.listOf(plan), access.allowed(plan));
  }

  @Transactional
  public PageResult<PlanDtos.Item> items(String code, ItemFilter filter, Paging paging) {
    Plan plan = readable(code);
    List<PlanItem> all = PlanItem.listOf(plan);
    List<PlanItem> matching = all.stream().filter(matcher(filter, all)).toList();
    List<PlanDtos.Item> page =
        matching.stream()
            .skip(paging.offset())
            .limit(paging.size())
            .map(i -> PlanMapper.toDto(i, null))
            .toList();
    return new PageResult<>(page, paging.page(), paging.size(), matching.size());
  }

  /**
   * The items as a tree; with filters, the matching items, their breakdowns and the groups above
   * them.
   */
  @Transactional
  public List<PlanDtos.Item> tree(String code, ItemFilter filter) {
    Plan plan = readable(code);
    List<PlanItem> all = PlanItem.listOf(plan);
    Set<PlanItem> keep = new LinkedHashSet<>();
    Predicate<PlanItem> matches = matcher(filter, all);
    for (PlanItem item : all) {
      if (filter.isEmpty() || matches.test(item)) {
        for (PlanItem p = item; p != null; p = p.parent) {
          keep.add(p);
        }
        if (!filter.isEmpty()) {
          all.stream()
              .filter(c -> c.parent == item && c.kind == ItemKind.BREAKDOWN)
              .forEach(keep::add);
        }
      }
    }
    Map<PlanItem, List<PlanItem>> children = new HashMap<>();
    List<PlanItem> roots = new ArrayList<>();
    for (PlanItem item : all) {
      if (keep.contains(item)) {
        (item.parent == null
                ? roots
                : children.computeIfAbsent(item.parent, k -> new ArrayList<>()))
            .add(item);
      }
    }
    return roots.stream().map(r -> node(r, children)).toList();
  }

  private static PlanDtos.Item node(PlanItem item, Map<PlanItem, List<PlanItem>> children) {
    return PlanMapper.toDto(
        item, children.getOrDefault(item, List.of()).stream().map(c -> node(c, children)).toList());
  }

  @Transactional
  public PlanDtos.Item item(String code, String key) {
    Plan plan = readable(code);
    return PlanMapper.toDto(itemOf(plan, key), null);
  }

  @Transactional
  public PlanDtos.Item updateMeasure(
      String code, String key, long expectedVersion, PlanDtos.MeasureUpdate update) {
    PlanItem item = editableItem(code, key, expectedVersion);
    if (item.kind != ItemKind.LEAF && item.kind != ItemKind.BREAKDOWN) {
      throw ApiException.invalid("type", Message.of("plan.measure-leaves-only"));
    }
    MeasureType type = MeasureType.fromCode(update.type());
    String unit = update.unit() == null || update.unit().isBlank() ? null : update.unit().strip();
    if (type == MeasureType.ACTIVITY && unit != null) {
      throw ApiException.invalid("unit", Message.of("plan.activity-no-unit"));
    }
    item.measureType = type;
    item.measureUnit = type == MeasureType.PERCENTAGE ? "%" : unit;
    item.measureGuessed = false;
    PlanItem.flush();
    return PlanMapper.toDto(item, null);
  }

  /** The province planner sets how a leaf is judged over the term. */
  @Transactional
  public PlanDtos.Item updateTermRule(
      String code, String key, long expectedVersion, PlanDtos.TermRuleUpdate update) {
    PlanItem item = editableItem(code, key, expectedVersion);
    if (!PlanRules.isMeasuredLeaf(item)) {
      throw ApiException.invalid("rule", Message.of("plan.assessed-leaves-only"));
    }
    item.termRule = TermRule.fromCode(update.rule()).code();
    item.termRuleGuessed = false;
    PlanItem.flush();
    return PlanMapper.toDto(item, null);
  }

  /** The province planner confirms or corrects which levels report a leaf. */
  @Transactional
  public PlanDtos.Item updateReportingLevels(
      String code, String key, long expectedVersion, PlanDtos.ReportingLevelsUpdate update) {
    PlanItem item = editableItem(code, key, expectedVersion);
    if (!PlanRules.isMeasuredLeaf(item)) {
      throw ApiException.invalid("levels", Message.of("plan.levels-leaves-only"));
    }
    java.util.Set<Integer> levels = new java.util.TreeSet<>();
    for (int i = 0; i < update.levels().size(); i++) {
      Integer level = update.levels().get(i);
      if (level == null || level < 1 || level > 3 || !levels.add(level)) {
        throw ApiException.invalid("levels[" + i + "]", Message.of("plan.level-once"));
      }
    }
    item.reportingLevels = Levels.format(levels);
    item.reportingLevelsGuessed = false;
    PlanItem.flush();
    return PlanMapper.toDto(item, null);
  }

  /** An item the caller may change (a planner of the plan's owner), at the version they read. */
  private PlanItem editableItem(String code, String key, long expectedVersion) {
    Plan plan = readable(code);
    access.requireEditor(plan);
    PlanItem item = itemOf(plan, key);
    Etags.check(expectedVersion, item.version);
    return item;
  }

  @Transactional
  public byte[] exportXlsx(String code) {
    Plan plan = readable(code);
    return new XlsxPlanWriter().write(PlanMapper.toDraft(plan, PlanItem.listOf(plan)));
  }

  @Transactional
  public List<PlanDtos.DepartmentRef> departments() {
    return Department.<Department>listAll(Sort.by("code")).stream()
        .map(d -> new PlanDtos.DepartmentRef(d.code, d.shortName, d.name))
        .toList();
  }

  private Plan readable(String code) {
    return access.readable(code);
  }

  /** An item of the plan by key; 404 naming the plan and key otherwise. */
  static PlanItem itemOf(Plan plan, String key) {
    return PlanItem.findByKey(plan, key)
        .orElseThrow(
            () ->
                new ApiException(
                    ProblemType.NOT_FOUND,
                    Message.of("plan.item-not-found", "plan", plan.code, "item", key)));
  }

  private static Predicate<PlanItem> matcher(ItemFilter f, List<PlanItem> all) {
    String text = Text.fold(f.text());
    return item -> {
      if (f.kind() != null && item.kind != f.kind()) {
        return false;
      }
      if (f.department() != null
          && item.departments.stream().noneMatch(d -> d.code.equalsIgnoreCase(f.department()))) {
        return false;
      }
      if (f.level() != null && !Levels.fromColumn(item.implementingLevels).contains(f.level())) {
        return false;
      }
      if (f.year() != null
          && !scheduled(item, f.year())
          && all.stream().noneMatch(c -> c.parent == item && scheduled(c, f.year()))) {
        return false;
      }
      return text.isEmpty() || item.searchTitle.contains(text);
    };
  }

  private static boolean scheduled(PlanItem item, int year) {
    return item.level(year).map(l -> l.kind != YearLevel.Kind.NONE).orElse(false);
  }
}
