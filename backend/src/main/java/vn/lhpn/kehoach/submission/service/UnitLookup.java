package vn.lhpn.kehoach.submission.service;

import jakarta.enterprise.context.RequestScoped;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import vn.lhpn.kehoach.orgunit.OrgUnit;

/** The unit a code names at the end of a period, looked up once per request (lists repeat them). */
@RequestScoped
public class UnitLookup {
  private final Map<String, Optional<OrgUnit>> cache = new HashMap<>();

  public Optional<OrgUnit> find(String code, LocalDate day) {
    return cache.computeIfAbsent(code + "@" + day, k -> OrgUnit.findByCode(code, day));
  }
}
