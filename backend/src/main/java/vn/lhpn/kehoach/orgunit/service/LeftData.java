package vn.lhpn.kehoach.orgunit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.common.Jdbc;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;
import vn.lhpn.kehoach.orgunit.UnitsChanged;
import vn.lhpn.kehoach.orgunit.dto.ChangeSetDtos;
import vn.lhpn.kehoach.security.Access;

/**
 * The data a change of the map left on a closed unit for periods after it closed: what a change set
 * could not move because the unit was split or dissolved (docs/adr/0011). The province admin
 * decides, kind by kind: move it to one of the units it went into (the reason kept in the data's
 * own history), or keep it where it is (the decision kept, with the reason). Until then it is
 * listed as waiting.
 */
@ApplicationScoped
public class LeftData {
  private static final Set<String> KINDS = Set.of("reports", "targets");

  private final Access access;
  private final Instance<UnitData> unitData;
  private final UnitSuccession succession;
  private final EntityManager em;
  private final Clock clock;
  private final Event<UnitsChanged> unitsChanged;

  LeftData(
      Access access,
      Instance<UnitData> unitData,
      UnitSuccession succession,
      EntityManager em,
      Clock clock,
      Event<UnitsChanged> unitsChanged) {
    this.access = access;
    this.unitData = unitData;
    this.succession = succession;
    this.em = em;
    this.clock = clock;
    this.unitsChanged = unitsChanged;
  }

  /** Everything left on the closed units of the admin's province, with where it may go. */
  @Transactional
  public List<ChangeSetDtos.Left> list() {
    requireProvinceAdmin();
    Map<LocalDate, Set<String>> byDay = new TreeMap<>();
    closedUnits()
        .forEach(
            (code, last) -> byDay.computeIfAbsent(dayAfter(last), d -> new TreeSet<>()).add(code));
    Map<String, ChangeSetDtos.Kept> kept = kept();
    List<ChangeSetDtos.Left> out = new ArrayList<>();
    for (var day : byDay.entrySet()) {
      Map<String, UnitSuccession.Succession> next = succession.of(day.getValue(), day.getKey());
      for (UnitData data : unitData) {
        for (UnitData.Held h : data.after(day.getValue(), day.getKey())) {
          UnitSuccession.Succession s =
              next.getOrDefault(h.unitCode(), UnitSuccession.Succession.NONE);
          out.add(
              new ChangeSetDtos.Left(
                  h.unitCode(),
                  s.last().map(OrgUnitSummary::name).orElse(h.unitCode()),
                  day.getKey(),
                  h.kind(),
                  h.count(),
                  h.first(),
                  s.successors(),
                  kept.get(key(h.unitCode(), h.kind(), day.getKey()))));
        }
      }
    }
    out.sort(
        Comparator.comparing((ChangeSetDtos.Left l) -> l.kept() != null)
            .thenComparing(ChangeSetDtos.Left::unitCode)
            .thenComparing(ChangeSetDtos.Left::kind));
    return out;
  }

  /**
   * Decides on one kind of data left on a closed unit: moves it to a unit it went into (what that
   * unit already has for the same period stays where it is), or keeps it where it is, decided.
   */
  @Transactional
  public ChangeSetDtos.LeftDecided decide(String code, ChangeSetDtos.LeftDecision request) {
    requireProvinceAdmin();
    OrgUnit last = closedUnits().get(code);
    if (last == null) {
      throw new ApiException(
          ProblemType.NOT_FOUND, Message.of("left-data.no-closed-unit", "unit", code));
    }
    if (request == null || request.kind() == null || !KINDS.contains(request.kind())) {
      throw ApiException.invalid(
          "kind", Message.of("value.one-of", "options", List.of("reports", "targets")));
    }
    if (!"move".equals(request.action()) && !"keep".equals(request.action())) {
      throw ApiException.invalid(
          "action", Message.of("value.one-of", "options", List.of("move", "keep")));
    }
    String reason = request.reason() == null ? "" : request.reason().strip();
    if (reason.isEmpty() || reason.length() > 500) {
      throw ApiException.invalid("reason", Message.of("reason.required-max", "max", 500));
    }
    LocalDate day = dayAfter(last);
    UnitData data = byKind().get(request.kind());
    if ("keep".equals(request.action())) {
      em.createNativeQuery(
              """
              INSERT INTO left_data_decision (unit_code, kind, from_day, decided_by, decided_at,
                reason) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
              ON CONFLICT (unit_code, kind, from_day) DO UPDATE
                SET decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at,
                    reason = EXCLUDED.reason
              """)
          .setParameter(1, code)
          .setParameter(2, request.kind())
          .setParameter(3, day)
          .setParameter(4, access.username())
          .setParameter(5, ClockProducer.now(clock))
          .setParameter(6, reason)
          .executeUpdate();
      return new ChangeSetDtos.LeftDecided(0, held(data, code, day));
    }
    List<OrgUnitSummary> allowed =
        succession
            .of(Set.of(code), day)
            .getOrDefault(code, UnitSuccession.Succession.NONE)
            .successors();
    Optional<OrgUnitSummary> to =
        allowed.stream().filter(u -> u.code().equals(request.to())).findFirst();
    if (to.isEmpty()) {
      throw ApiException.invalid(
          "to",
          allowed.isEmpty()
              ? Message.of("left-data.keep-only")
              : Message.of(
                  "left-data.move-to",
                  "units",
                  allowed.stream()
                      .map(u -> u.name() + " (" + u.code() + ")")
                      .collect(Collectors.joining(", "))));
    }
    int moved =
        data.move(
            code,
            to.get().code(),
            to.get().parentCode(),
            day,
            access.username(),
            "Quyết định sau sắp xếp đơn vị ngày "
                + day.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + ": "
                + last.name
                + " ("
                + code
                + ") → "
                + to.get().name()
                + " ("
                + to.get().code()
                + "). "
                + reason);
    if (moved > 0) {
      em.flush();
      // a code may be reused by the unit that took it over
      unitsChanged.fire(
          new UnitsChanged(day, Stream.of(code, to.get().code()).collect(Collectors.toSet())));
    }
    return new ChangeSetDtos.LeftDecided(moved, held(data, code, day));
  }

  private static int held(UnitData data, String code, LocalDate day) {
    return data.after(Set.of(code), day).stream().mapToInt(UnitData.Held::count).sum();
  }

  private Map<String, ChangeSetDtos.Kept> kept() {
    Map<String, ChangeSetDtos.Kept> out = new HashMap<>();
    Jdbc.query(
        em,
        "SELECT unit_code, kind, from_day, decided_by, decided_at, reason FROM left_data_decision",
        List.of(),
        rs ->
            out.put(
                key(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)),
                new ChangeSetDtos.Kept(
                    rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getString(6))));
    return out;
  }

  private static String key(String unit, String kind, LocalDate day) {
    return unit + "/" + kind + "/" + day;
  }

  /** The last version of every code in the caller's subtree that names no unit today. */
  private Map<String, OrgUnit> closedUnits() {
    LocalDate today = LocalDate.now(clock);
    Map<String, OrgUnit> last = new HashMap<>();
    for (OrgUnit u :
        OrgUnit.<OrgUnit>list("validTo is not null and validTo < ?1 order by validTo", today)) {
      if (access.inScope(u.code)) {
        last.merge(u.code, u, (a, b) -> a.validTo.isAfter(b.validTo) ? a : b);
      }
    }
    if (!last.isEmpty()) {
      for (OrgUnit open :
          OrgUnit.<OrgUnit>list(
              "code in ?1 and (validTo is null or validTo >= ?2)", last.keySet(), today)) {
        last.remove(open.code);
      }
    }
    return last;
  }

  private static LocalDate dayAfter(OrgUnit last) {
    return last.validTo.plusDays(1);
  }

  private Map<String, UnitData> byKind() {
    Map<String, UnitData> out = new HashMap<>();
    unitData.forEach(d -> out.put(d.kind(), d));
    return out;
  }

  private void requireProvinceAdmin() {
    access.requireProvinceAdmin(Message.of("forbidden.orgunit.left-data"));
  }
}
