package vn.lhpn.kehoach.orgunit.service;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.PageResult;
import vn.lhpn.kehoach.common.Paging;
import vn.lhpn.kehoach.common.Text;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitLineage;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;
import vn.lhpn.kehoach.orgunit.OrgUnitType;
import vn.lhpn.kehoach.orgunit.rest.OrgUnitDtos;

/** Reads units within a set of visible codes (the caller's scope, decided by the caller). */
@ApplicationScoped
public class OrgUnitService {

  /** Filters of the unit list; null means "any". */
  public record Filter(
      Integer level, String parentCode, OrgUnitType type, LocalDate validOn, String text) {}

  @Transactional
  public PageResult<OrgUnitSummary> list(Filter filter, Paging paging, Set<String> visible) {
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
      where.append(" and parentCode = :parent");
      params.and("parent", filter.parentCode());
    }
    if (filter.type() != null) {
      where.append(" and type = :type");
      params.and("type", filter.type());
    }
    if (filter.validOn() != null) {
      where.append(" and validFrom <= :day and (validTo is null or validTo >= :day)");
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
  public OrgUnitDtos.Detail get(String code, LocalDate day, Set<String> visible) {
    OrgUnit unit = visibleUnit(code, day, visible);
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
            "parentCode = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?2)",
            unit.code,
            day);
    var predecessors =
        OrgUnitLineage.predecessorsOf(unit).stream()
            .map(
                l ->
                    new OrgUnitDtos.LineageLink(
                        l.effectiveDate, l.change.code(), OrgUnitSummary.of(l.from), l.confirmed))
            .toList();
    var successors =
        OrgUnitLineage.successorsOf(unit).stream()
            .map(
                l ->
                    new OrgUnitDtos.LineageLink(
                        l.effectiveDate,
                        l.change.code(),
                        l.to == null ? null : OrgUnitSummary.of(l.to),
                        l.confirmed))
            .toList();
    return new OrgUnitDtos.Detail(
        OrgUnitSummary.of(unit), parents, children, predecessors, successors);
  }

  /** The units below a code valid on a day, as a tree, within what the caller may see. */
  @Transactional
  public OrgUnitDtos.Node subtree(String code, LocalDate day, Set<String> visible) {
    OrgUnit root = visibleUnit(code, day, visible);
    List<OrgUnit> valid =
        OrgUnit.list(
            "code in ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?2)", visible, day);
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
            .sorted(
                Comparator.comparing((OrgUnit u) -> u.type == OrgUnitType.AFFILIATED)
                    .thenComparing(u -> u.code))
            .map(u -> node(u, byParent))
            .toList();
    return new OrgUnitDtos.Node(
        unit.code, unit.name, unit.type, unit.level, unit.validFrom, unit.validTo, children);
  }

  private static OrgUnit visibleUnit(String code, LocalDate day, Set<String> visible) {
    if (!visible.contains(code)) {
      // Outside the caller's scope looks exactly like a code that does not exist.
      throw notFound(code);
    }
    return OrgUnit.findByCode(code, day).orElseThrow(() -> notFound(code));
  }

  private static ApiException notFound(String code) {
    return ApiException.notFound(
        "Không có đơn vị mã '"
            + code
            + "' trong phạm vi của bạn / No unit "
            + code
            + " in your scope");
  }
}
