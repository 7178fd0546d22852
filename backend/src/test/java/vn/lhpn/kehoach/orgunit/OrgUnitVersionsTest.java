package vn.lhpn.kehoach.orgunit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which version of a unit stands for it over a period: the latest, whatever order they come in. */
class OrgUnitVersionsTest {
  static OrgUnit version(String code, String name, OrgUnitType type, String from, String to) {
    OrgUnit u = new OrgUnit();
    u.code = code;
    u.name = name;
    u.type = type;
    u.validFrom = LocalDate.parse(from);
    u.validTo = to == null ? null : LocalDate.parse(to);
    return u;
  }

  @Test
  void shouldKeepTheLatestVersionOfEachCode() {
    OrgUnit commune =
        version("05776", "Xã Hóa Thượng", OrgUnitType.COMMUNE, "2022-04-10", "2023-04-09");
    OrgUnit town =
        version("05776", "Thị trấn Hóa Thượng", OrgUnitType.TOWNSHIP, "2023-04-10", null);
    for (List<OrgUnit> order : List.of(List.of(commune, town), List.of(town, commune))) {
      List<OrgUnit> picked = OrgUnitVersions.latestPerCode(order);
      assertEquals(1, picked.size());
      assertEquals("Thị trấn Hóa Thượng", picked.get(0).name);
    }
  }

  @Test
  void shouldListAffiliatedUnitsLastThenByCode() {
    List<OrgUnit> picked =
        OrgUnitVersions.latestPerCode(
            List.of(
                version("DVTT-CA", "Công an", OrgUnitType.AFFILIATED, "2022-04-10", null),
                version("173", "Phú Bình", OrgUnitType.DISTRICT, "2022-04-10", null),
                version("164", "Thái Nguyên", OrgUnitType.CITY, "2022-04-10", null)));
    assertEquals(List.of("164", "173", "DVTT-CA"), picked.stream().map(u -> u.code).toList());
  }
}
