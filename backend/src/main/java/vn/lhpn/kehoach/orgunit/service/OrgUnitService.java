package vn.lhpn.kehoach.orgunit.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.common.PageResult;
import vn.lhpn.kehoach.common.Paging;
import vn.lhpn.kehoach.common.Text;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitLineage;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;
import vn.lhpn.kehoach.orgunit.OrgUnitType;
import vn.lhpn.kehoach.orgunit.OrgUnitVersions;
import vn.lhpn.kehoach.orgunit.dto.OrgUnitDtos;
import vn.lhpn.kehoach.security.Access;

/** Reads the units the caller may see: their subtree and the chain above it. */
@ApplicationScoped
public class OrgUnitService {
  private final Access access;

  OrgUnitService(Access access) {
    this.access = access;
  }

  /** Filters of the unit list; null means "any". */
  public record Filter(
      Integer level, String parentCode, OrgUnitType type, LocalDate validOn, String text) {}

  @Transactional
  public PageResult<OrgUnitSummary> list(Filter filter, Paging paging) {
    Set<String> visible = access.visible();
    if (visible.isEmpty()) {
      return new PageResult<>(List.of(), paging.page(), paging.size(), 0);
    }
    StringBuilder where = new StringBuilder("code in :visible");
    Parameters params = Parameters.with("visible", visible);
    if (filter.level() != null) {
      where.append(" and level = :level");
      params.and("level", filter.level().shortValue());
    }
    if (filter.parentCode() != null) {
      if (!access.isVisible(filter.parentCode())) {
        throw Access.outOfScope(filter.parentCode());
      }
      where.append(" and parentCode = :parent");
      params.and("parent", filter.parentCode());
    }
    if (filter.type() != null) {
      where.append(" and type = :type");
      params.and("type", filter.type());
    }
    if (filter.validOn() != null) {
      where.append(" and ").append(OrgUnit.VALID_ON);
      params.and("day", filter.validOn());
    }
    String folded = Text.fold(filter.text());
    if (!folded.isEmpty()) {
      where.append(" and searchName like :text");
      params.and("text", "%" + folded.replace("%", "").replace("_", "") + "%");
    }
    var query =
        OrgUnit.<OrgUnit>find(
            where.toString(), Sort.by("level").and("code").and("validFrom"), params);
    long total = query.count();
    List<OrgUnitSummary> items =
        query.page(Page.of(paging.page(), paging.size())).list().stream()
            .map(OrgUnitSummary::of)
            .toList();
    return new PageResult<>(items, paging.page(), paging.size(), total);
  }

  @Transactional
  public OrgUnitDtos.Detail get(String code, LocalDate day) {
    OrgUnit unit = visibleUnit(code, day);
    List<OrgUnitSummary> parents = new ArrayList<>();
    for (String parent = unit.parentCode; parent != null; ) {
      OrgUnit p =
          OrgUnit.findByCode(
                  parent, unit.validTo != null && unit.validTo.isBefore(day) ? unit.validTo : day)
              .orElse(null);
      if (p == null) {
        break;
      }
      parents.add(OrgUnitSummary.of(p));
      parent = p.parentCode;
    }
    long children =
        OrgUnit.count(
            "parentCode = :parent and " + OrgUnit.VALID_ON,
            Parameters.with("parent", unit.code).and("day", day));
    var predecessors =
        OrgUnitLineage.predecessorsOf(unit).stream()
            .map(
                l ->
                    new OrgUnitDtos.LineageLink(
                        l.effectiveDate,
                        l.change.code(),
                        l.fromCode,
                        l.fromName,
                        l.from == null ? null : OrgUnitSummary.of(l.from),
                        l.confirmed))
            .toList();
    var successors =
        OrgUnitLineage.successorsOf(unit).stream()
            .map(
                l ->
                    new OrgUnitDtos.LineageLink(
                        l.effectiveDate,
                        l.change.code(),
                        l.to == null ? null : l.to.code,
                        l.to == null ? null : l.to.name,
                        l.to == null ? null : OrgUnitSummary.of(l.to),
                        l.confirmed))
            .toList();
    return new OrgUnitDtos.Detail(
        OrgUnitSummary.of(unit),
        parents,
        children,
        predecessors,
        successors,
        access.actionsAt(unit.code));
  }

  /** The units below a code valid on a day, as a tree, within what the caller may see. */
  @Transactional
  public OrgUnitDtos.Node subtree(String code, LocalDate day) {
    OrgUnit root = visibleUnit(code, day);
    Set<String> visible = access.visible();
    List<OrgUnit> valid =
        OrgUnit.list(
            "code in :visible and " + OrgUnit.VALID_ON,
            Parameters.with("visible", visible).and("day", day));
    Map<String, List<OrgUnit>> byParent = new HashMap<>();
    for (OrgUnit u : valid) {
      if (u.parentCode != null) {
        byParent.computeIfAbsent(u.parentCode, k -> new ArrayList<>()).add(u);
      }
    }
    return node(root, byParent);
  }

  private static OrgUnitDtos.Node node(OrgUnit unit, Map<String, List<OrgUnit>> byParent) {
    List<OrgUnitDtos.Node> children =
        byParent.getOrDefault(unit.code, List.of()).stream()
            .sorted(OrgUnitVersions.ORDER)
            .map(u -> node(u, byParent))
            .toList();
    return new OrgUnitDtos.Node(
        unit.code, unit.name, unit.type, unit.level, unit.validFrom, unit.validTo, children);
  }

  private OrgUnit visibleUnit(String code, LocalDate day) {
    if (!access.isVisible(code)) {
      // Outside the caller's scope looks exactly like a code that does not exist.
      throw Access.outOfScope(code);
    }
    return OrgUnit.findByCode(code, day).orElseThrow(() -> Access.outOfScope(code));
  }
}
