package vn.lhpn.kehoach.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ProblemType;

/**
 * The authorization vocabulary without Keycloak or a database: a small tree (province 19, districts
 * 171 and 173, a commune under each) and callers as plain values.
 */
class AccessTest {
  static final LocalDate DAY = LocalDate.of(2025, 6, 30);

  /** code → parent code. */
  static final Map<String, String> PARENT =
      Map.of("171", "19", "173", "19", "05761", "171", "05908", "173");

  static final UnitHierarchy TREE =
      new UnitHierarchy() {
        @Override
        public Set<String> subtreeCodes(String code) {
          Set<String> out = new LinkedHashSet<>(List.of(code));
          boolean grew = true;
          while (grew) {
            grew = false;
            for (var e : PARENT.entrySet()) {
              if (out.contains(e.getValue()) && out.add(e.getKey())) {
                grew = true;
              }
            }
          }
          return out;
        }

        @Override
        public Set<String> ancestorCodes(String code) {
          Set<String> out = new LinkedHashSet<>();
          for (String p = PARENT.get(code); p != null; p = PARENT.get(p)) {
            out.add(p);
          }
          return out;
        }

        @Override
        public boolean isRoot(String code) {
          return code.equals("19");
        }

        @Override
        public Optional<UnitRef> unitOn(String code, LocalDate day) {
          return code.equals("19") || PARENT.containsKey(code)
              ? Optional.of(new UnitRef(code, PARENT.get(code)))
              : Optional.empty();
        }
      };

  static Access as(String unit, String... roles) {
    Set<String> held = Set.of(roles);
    return new Access(
        new Caller() {
          @Override
          public String username() {
            return "u";
          }

          @Override
          public boolean hasRole(String role) {
            return held.contains(role);
          }

          @Override
          public Optional<String> orgUnitCode() {
            return Optional.ofNullable(unit);
          }
        },
        TREE);
  }

  @Test
  void shouldScopeACallerToTheirSubtreeAndSeeTheChainAbove() {
    Access district = as("171", Roles.VIEWER);
    assertTrue(district.inScope("05761"));
    assertFalse(district.inScope("05908"));
    assertFalse(district.inScope("19"));
    assertTrue(district.isVisible("19"));
    assertFalse(district.isVisible("173"));
  }

  @Test
  void shouldAnswerOutOfScopeAsNotFound() {
    ApiException e =
        assertThrows(ApiException.class, () -> as("173", Roles.VIEWER).requireInScope("05761"));
    assertEquals(ProblemType.NOT_FOUND, e.type());
  }

  @Test
  void shouldBindEveryRoleToItsOwnUnit() {
    Access district = as("171", Roles.PLANNER, Roles.REPORTER, Roles.REVIEWER);
    assertTrue(district.isPlannerOf("171"));
    assertFalse(district.isPlannerOf("05761"));
    assertTrue(district.isReporterOf("171"));
    assertFalse(district.isReporterOf("05761"));
    assertFalse(as("171", Roles.VIEWER).isPlannerOf("171"));
  }

  @Test
  void shouldLetTheUnitAboveReviewAndTheProvinceReviewItself() {
    assertTrue(as("171", Roles.REVIEWER).isReviewerOf("05761", DAY));
    assertFalse(as("173", Roles.REVIEWER).isReviewerOf("05761", DAY));
    assertFalse(as("19", Roles.REVIEWER).isReviewerOf("05761", DAY));
    assertTrue(as("19", Roles.REVIEWER).isReviewerOf("171", DAY));
    assertTrue(as("19", Roles.REVIEWER).isReviewerOf("19", DAY));
    assertFalse(as("171", Roles.REPORTER).isReviewerOf("05761", DAY));
  }

  @Test
  void shouldGiveTheProvinceOnlyToARootPlanner() {
    assertTrue(as("19", Roles.PLANNER).isProvincePlanner());
    assertFalse(as("171", Roles.PLANNER).isProvincePlanner());
    assertFalse(as("nowhere", Roles.PLANNER).isProvincePlanner());
    assertFalse(as(null, Roles.PLANNER).isProvincePlanner());
    assertEquals(Set.of(), as(null, Roles.VIEWER).subtree());
  }
}
