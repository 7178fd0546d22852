package vn.lhpn.kehoach.plan.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import vn.lhpn.kehoach.plan.ItemKind;
import vn.lhpn.kehoach.plan.Levels;
import vn.lhpn.kehoach.plan.Plan;
import vn.lhpn.kehoach.plan.PlanItem;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.plan.PlanRules;

/**
 * The read model of each plan's items, kept per plan for the revision the database gives it (V9: a
 * trigger bumps {@code plan.content_revision} on any change to items, levels or departments). A
 * read whose plan row carries another revision rebuilds the model in its own transaction, so a
 * model is never served for a revision it was not built from, on one instance or on several.
 */
@ApplicationScoped
public class PlanOutlines {
  private final Map<Long, PlanOutline> outlines = new ConcurrentHashMap<>();
  private final EntityManager em;

  PlanOutlines(EntityManager em) {
    this.em = em;
  }

  /** The outline of a plan the caller already may read, as of the revision of its loaded row. */
  public PlanOutline of(Plan plan) {
    PlanOutline cached = outlines.get(plan.id);
    if (cached != null && cached.revision() == plan.contentRevision) {
      return cached;
    }
    PlanOutline built = build(plan);
    // a model read after a newer commit is still keyed by the older revision it was asked for:
    // requests that see the newer revision rebuild; keep only what matches the row read now
    Number now =
        (Number)
            em.createNativeQuery("SELECT content_revision FROM plan WHERE id = ?1")
                .setParameter(1, plan.id)
                .getSingleResult();
    if (now.longValue() == plan.contentRevision) {
      outlines.put(plan.id, built);
    }
    return built;
  }

  private static PlanOutline build(Plan plan) {
    List<PlanOutline.Item> items =
        PlanRules.allocatable(plan).stream().map(PlanOutlines::item).toList();
    return new PlanOutline(plan.id, plan.contentRevision, items);
  }

  private static PlanOutline.Item item(PlanItem item) {
    PlanItem group = PlanRules.group(item);
    PlanItem led =
        item.kind == ItemKind.BREAKDOWN && item.departments.isEmpty() && item.parent != null
            ? item.parent
            : item;
    return new PlanOutline.Item(
        item.id,
        item.key,
        item.code,
        item.title,
        PlanRules.label(item),
        item.kind,
        item.measureType,
        item.measureUnit,
        new PlanOutline.Group(
            (group.parent == null ? "" : section(group)) + "-" + group.code,
            group.code,
            group == item ? null : group.title,
            group == item ? PlanRules.label(item) : group.title),
        item.levels.stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    l -> (int) l.year,
                    l ->
                        new PlanOutline.Level(
                            l.raw,
                            l.kind,
                            l.value == null ? null : l.value.stripTrailingZeros(),
                            l.amended(),
                            l.decision),
                    (a, b) -> b)),
        Set.copyOf(Levels.fromColumn(item.implementingLevels)),
        Set.copyOf(PlanRules.reportingLevels(item)),
        PlanRules.termRule(item),
        led.departments.stream().map(d -> d.code).sorted(Comparator.naturalOrder()).toList());
  }

  private static String section(PlanItem item) {
    PlanItem p = item;
    while (p.parent != null) {
      p = p.parent;
    }
    return p.code == null ? p.key : p.code;
  }
}
