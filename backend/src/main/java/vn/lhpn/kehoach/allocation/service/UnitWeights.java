package vn.lhpn.kehoach.allocation.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.lhpn.kehoach.allocation.UnitWeight;
import vn.lhpn.kehoach.allocation.dto.AllocationDtos;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;
import vn.lhpn.kehoach.security.Access;

/**
 * Figures kept per unit and year (members, women 18+…) that proportional splits use, beside the
 * built-in one: the communes below each unit. The parent unit's planner types them in.
 */
@ApplicationScoped
public class UnitWeights {
  /** The built-in weight: communes (cơ sở Hội) below a unit. */
  public static final String COMMUNES = "communes";

  private final AllocationContexts contexts;
  private final AllocationPolicy policy;
  private final Access access;

  UnitWeights(AllocationContexts contexts, AllocationPolicy policy, Access access) {
    this.contexts = contexts;
    this.policy = policy;
    this.access = access;
  }

  /** The figures kept for the children of a unit in a year. */
  @Transactional
  public AllocationDtos.Weights weights(int year, String parentCode) {
    OrgUnit parent = contexts.unit(parentCode, year);
    List<OrgUnit> children = AllocationContexts.children(parent, year);
    List<UnitWeight> kept = UnitWeight.of(year, children.stream().map(u -> u.code).toList());
    List<String> names = kept.stream().map(w -> w.name).distinct().sorted().toList();
    List<AllocationDtos.WeightRow> rows = new ArrayList<>();
    for (OrgUnit child : children) {
      Map<String, BigDecimal> values = new LinkedHashMap<>();
      kept.stream()
          .filter(w -> w.unitCode.equals(child.code))
          .forEach(w -> values.put(w.name, TargetRules.plain(w.value)));
      rows.add(
          new AllocationDtos.WeightRow(
              OrgUnitSummary.of(child), AllocationContexts.communes(child, year), values));
    }
    return new AllocationDtos.Weights(year, parent.code, names, rows);
  }

  /** Sets a named figure for child units (planner of the parent unit). */
  @Transactional
  public AllocationDtos.Weights save(
      int year, String parentCode, AllocationDtos.WeightUpdate update) {
    OrgUnit parent = contexts.unit(parentCode, year);
    policy.requirePlannerOf(parent);
    String name = update.name().strip();
    if (name.equals(COMMUNES)) {
      throw ApiException.invalid("name", Message.of("weights.computed", "name", COMMUNES));
    }
    Set<String> valid =
        AllocationContexts.children(parent, year).stream()
            .map(u -> u.code)
            .collect(Collectors.toSet());
    List<ProblemDetail.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < update.values().size(); i++) {
      AllocationDtos.WeightValue v = update.values().get(i);
      if (!valid.contains(v.unitCode())) {
        errors.add(
            new ProblemDetail.FieldError(
                "values[" + i + "].unitCode",
                Message.of("weights.not-below", "unit", v.unitCode(), "year", year)));
      } else if (v.value().signum() < 0) {
        errors.add(
            new ProblemDetail.FieldError("values[" + i + "].value", Message.of("target.negative")));
      }
    }
    if (!errors.isEmpty()) {
      throw TargetRules.invalid(errors);
    }
    for (AllocationDtos.WeightValue v : update.values()) {
      UnitWeight w =
          UnitWeight.<UnitWeight>find(
                  "name = ?1 and year = ?2 and unitCode = ?3", name, (short) year, v.unitCode())
              .firstResultOptional()
              .orElseGet(UnitWeight::new);
      w.name = name;
      w.year = (short) year;
      w.unitCode = v.unitCode();
      w.value = v.value();
      w.setBy = access.username();
      w.persist();
    }
    UnitWeight.flush();
    return weights(year, parentCode);
  }

  /** The weight of each unit: communes below it, or a named figure the planner keeps. */
  static Map<String, BigDecimal> of(List<OrgUnit> units, int year, String name) {
    Map<String, BigDecimal> weights = new LinkedHashMap<>();
    if (name == null || name.isBlank() || name.equals(COMMUNES)) {
      units.forEach(
          u -> weights.put(u.code, BigDecimal.valueOf(AllocationContexts.communes(u, year))));
      return weights;
    }
    Map<String, BigDecimal> kept = new HashMap<>();
    UnitWeight.of(year, units.stream().map(u -> u.code).toList()).stream()
        .filter(w -> w.name.equals(name))
        .forEach(w -> kept.put(w.unitCode, w.value));
    if (kept.isEmpty()) {
      throw ApiException.invalid("weight", Message.of("weights.none", "name", name, "year", year));
    }
    List<String> missing =
        units.stream().map(u -> u.code).filter(c -> !kept.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw ApiException.invalid(
          "weight", Message.of("weights.missing", "name", name, "units", List.copyOf(missing)));
    }
    units.forEach(u -> weights.put(u.code, kept.get(u.code)));
    return weights;
  }
}
