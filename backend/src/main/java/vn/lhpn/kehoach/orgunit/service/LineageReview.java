package vn.lhpn.kehoach.orgunit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.orgunit.OrgUnit;
import vn.lhpn.kehoach.orgunit.OrgUnitLineage;
import vn.lhpn.kehoach.orgunit.OrgUnitLineageChange;
import vn.lhpn.kehoach.orgunit.dto.LineageDtos;
import vn.lhpn.kehoach.security.Access;

/**
 * Lineage rows the source left unconfirmed (four rows of the 2024 mergers: which commune received
 * part of another) are confirmed or corrected by an admin of the province, with the reason and
 * If-Match, and every such change kept. The corrected row is what every reader follows from then
 * on: the unit's history, and accounts following the map (docs/adr/0010).
 */
@ApplicationScoped
public class LineageReview {
  private final Access access;
  private final Clock clock;

  LineageReview(Access access, Clock clock) {
    this.access = access;
    this.clock = clock;
  }

  /** The rows of the admin's province, the unconfirmed ones only when asked. */
  @Transactional
  public List<LineageDtos.Row> list(boolean unconfirmedOnly) {
    requireProvinceAdmin();
    return OrgUnitLineage.<OrgUnitLineage>list(
            (unconfirmedOnly ? "confirmed = false " : "") + "order by effectiveDate, fromCode, id")
        .stream()
        .filter(this::inScope)
        .map(LineageReview::row)
        .toList();
  }

  @Transactional
  public LineageDtos.Row get(long id) {
    requireProvinceAdmin();
    return row(find(id));
  }

  /** Confirms the row, or points it at another receiving unit; 412 on a stale version. */
  @Transactional
  public LineageDtos.Row review(long id, String ifMatch, LineageDtos.Review review) {
    requireProvinceAdmin();
    long expected = Etags.requireVersion(ifMatch);
    OrgUnitLineage l = find(id);
    Etags.check(expected, l.version);
    Map<String, Object> before = snapshot(l);
    String to =
        review.toCode() == null || review.toCode().isBlank() ? null : review.toCode().strip();
    boolean correcting = to != null && (l.to == null || !to.equals(l.to.code));
    if (!correcting && l.confirmed) {
      throw new ApiException(ProblemType.CONFLICT, Message.of("lineage.confirmed"));
    }
    if (correcting) {
      if (l.to == null) {
        throw ApiException.invalid("toCode", Message.of("lineage.dissolved-no-receiver"));
      }
      if (!access.inScope(to)) {
        throw ApiException.invalid("toCode", Message.of("out-of-scope"));
      }
      OrgUnit receiver =
          OrgUnit.findValid(to, l.effectiveDate)
              .orElseThrow(
                  () ->
                      ApiException.invalid(
                          "toCode",
                          Message.of(
                              "unit.not-on-day", "unit", to, "day", l.effectiveDate.toString())));
      boolean twice =
          OrgUnitLineage.count(
                  "fromCode = ?1 and effectiveDate = ?2 and to = ?3 and id <> ?4",
                  l.fromCode,
                  l.effectiveDate,
                  receiver,
                  l.id)
              > 0;
      if (twice) {
        throw ApiException.invalid("toCode", Message.of("lineage.exists"));
      }
      l.to = receiver;
    }
    l.confirmed = true;
    // @Version: the UPDATE names the version read, so a concurrent review fails instead of winning
    OrgUnitLineage.getEntityManager().flush();
    OrgUnitLineageChange c = new OrgUnitLineageChange();
    c.lineageId = l.id;
    c.action = correcting ? "correct" : "confirm";
    c.reason = review.reason().strip();
    c.changedBy = access.username();
    c.changedAt = ClockProducer.now(clock);
    c.before = before;
    c.after = snapshot(l);
    c.persist();
    return row(l);
  }

  @Transactional
  public List<LineageDtos.Change> history(long id) {
    requireProvinceAdmin();
    find(id);
    return OrgUnitLineageChange.of(id).stream()
        .map(
            c ->
                new LineageDtos.Change(
                    c.action, c.reason, c.changedBy, c.changedAt, c.before, c.after))
        .toList();
  }

  private OrgUnitLineage find(long id) {
    OrgUnitLineage l = OrgUnitLineage.findById(id);
    if (l == null || !inScope(l)) {
      throw new ApiException(ProblemType.NOT_FOUND, Message.of("lineage.not-found", "id", id));
    }
    return l;
  }

  private boolean inScope(OrgUnitLineage l) {
    return (l.from == null || access.inScope(l.fromCode))
        && (l.to == null || access.inScope(l.to.code))
        && (l.from != null || l.to != null);
  }

  private void requireProvinceAdmin() {
    access.requireProvinceAdmin(Message.of("forbidden.orgunit.lineage"));
  }

  private static Map<String, Object> snapshot(OrgUnitLineage l) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("toCode", l.to == null ? null : l.to.code);
    s.put("toName", l.to == null ? null : l.to.name);
    s.put("confirmed", l.confirmed);
    return s;
  }

  static LineageDtos.Row row(OrgUnitLineage l) {
    return new LineageDtos.Row(
        l.id,
        l.effectiveDate,
        l.change.code(),
        l.fromCode,
        l.fromName,
        l.from != null,
        l.to == null ? null : l.to.code,
        l.to == null ? null : l.to.name,
        l.confirmed,
        l.version);
  }
}
