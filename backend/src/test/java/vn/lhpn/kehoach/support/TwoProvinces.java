package vn.lhpn.kehoach.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Two provinces on one system: Thái Nguyên (the seed, on the map of 10/04/2023) and four units of
 * Hà Nội (src/test/resources/seed/org-units/second-province.csv). Its own profile, so its own start
 * on a cleaned database.
 */
public class TwoProvinces implements QuarkusTestProfile {
  /** The second province and the units of it the tests use. */
  public static final String PROVINCE = "01";

  public static final String DISTRICT = "001";
  public static final String WARD = "00001";

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "kehoach.seed.org-units.resources",
        "seed/org-units/thai-nguyen-units-2022.csv,seed/org-units/affiliated-units.csv,"
            + "seed/org-units/second-province.csv",
        // the bound of a national export (1,000 sheets), reached here by a province's units (not by
        // those just below it)
        "kehoach.exports.max-sheets",
        "20");
  }
}
