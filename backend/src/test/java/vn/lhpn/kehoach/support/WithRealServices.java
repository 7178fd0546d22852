package vn.lhpn.kehoach.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Anchors the real-services test resource: one PostgreSQL and one Keycloak for the whole test run
 * (not restricted to this class, so every {@code @QuarkusTest} shares them).
 */
@QuarkusTestResource(RealServicesResource.class)
public final class WithRealServices {
  private WithRealServices() {}
}
