package vn.lhpn.kehoach.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * A start on the map of today: the first start loads the 2022 units and applies every change up to
 * the merged province of 01/07/2025. Its own profile, so its own start on a cleaned database; the
 * tests that share it run one after the other on that start.
 */
public class MapOf2025 implements QuarkusTestProfile {
  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of("kehoach.seed.org-units.changes-until", "2025-07-01");
  }
}
