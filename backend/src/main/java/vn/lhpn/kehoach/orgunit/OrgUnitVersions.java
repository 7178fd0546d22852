package vn.lhpn.kehoach.orgunit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which version of a unit stands for it when several versions of one code fall in a period (a
 * commune renamed or moved mid-year): always the latest, the one in force at the end of the period.
 * Every feature that lists units over a period uses this rule.
 */
public final class OrgUnitVersions {
  /** Units in the order screens and sheets list them: affiliated units last, then by code. */
  public static final Comparator<OrgUnit> ORDER =
      Comparator.comparing((OrgUnit u) -> u.type == OrgUnitType.AFFILIATED)
          .thenComparing(u -> u.code);

  private OrgUnitVersions() {}

  /** One version per code, the one that starts latest, in {@link #ORDER}. */
  public static List<OrgUnit> latestPerCode(Collection<OrgUnit> versions) {
    Map<String, OrgUnit> latest = new LinkedHashMap<>();
    for (OrgUnit u : versions) {
      latest.merge(u.code, u, (a, b) -> b.validFrom.isAfter(a.validFrom) ? b : a);
    }
    List<OrgUnit> out = new ArrayList<>(latest.values());
    out.sort(ORDER);
    return out;
  }
}
