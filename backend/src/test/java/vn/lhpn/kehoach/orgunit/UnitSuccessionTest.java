package vn.lhpn.kehoach.orgunit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.orgunit.service.ChangeSetFiles;
import vn.lhpn.kehoach.orgunit.service.ChangeSetPlanner;
import vn.lhpn.kehoach.orgunit.service.OrgUnitChange;
import vn.lhpn.kehoach.orgunit.service.OrgUnitChangeApplier;
import vn.lhpn.kehoach.orgunit.service.UnitSuccession;
import vn.lhpn.kehoach.orgunit.service.UnitSuccession.Succession;

/**
 * Who took over from a closed code, on the real map: the changes of 01/12/2024 and 01/07/2025
 * applied on the test database inside a transaction that is rolled back (the other tests keep the
 * 2023 map), then each kind of ending followed to the units of December 2026.
 */
@QuarkusTest
class UnitSuccessionTest {
  static final String DIR = "seed/org-units/";
  static final LocalDate DECEMBER_2024 = LocalDate.of(2024, 12, 1);
  static final LocalDate JULY_2025 = LocalDate.of(2025, 7, 1);

  @Inject OrgUnitChangeApplier applier;
  @Inject UnitSuccession succession;

  @Test
  @TestTransaction
  void shouldFollowEveryKindOfEndingToTheUnitsOfToday() {
    apply(DECEMBER_2024, List.of());
    apply(JULY_2025, units("thai-nguyen-units-2025.csv"));

    Map<String, Succession> today =
        succession.of(
            Set.of("05764", "05536", "05761", "05461", "171", "19", "05569"),
            LocalDate.of(2026, 12, 6));
    // still valid: nothing to follow (the province; Chợ Chu's code, now Xã Định Hóa)
    assertEquals(Set.of("05764", "05536", "05761", "05461", "171"), today.keySet());
    // merged in 2023 into Thị trấn Quân Chu, which went on as Xã Quân Chu in 2025
    assertEquals(List.of("05851"), codes(today.get("05764")));
    assertEquals("Xã Quân Chu", today.get("05764").successors().get(0).name());
    // merged in 2024 into Thị trấn Chợ Chu (05569), which became Xã Định Hóa in 2025
    assertEquals(List.of("05569"), codes(today.get("05536")));
    assertEquals("Xã Định Hóa", today.get("05536").successors().get(0).name());
    assertEquals("Thị trấn Chợ Chu", today.get("05536").last().orElseThrow().name());
    // merged in 2025
    assertEquals(List.of("05488"), codes(today.get("05761")));
    // split in 2025 between two new wards: a decision, never a guess
    assertEquals(List.of("05443", "05467"), codes(today.get("05461")));
    // a district dissolved: nobody took over; the unit above that still exists is the province
    assertEquals(List.of(), codes(today.get("171")));
    assertEquals(Optional.of("19"), today.get("171").above().map(OrgUnitSummary::code));
    assertEquals(Optional.of("19"), today.get("05761").above().map(OrgUnitSummary::code));
  }

  private void apply(LocalDate day, List<ChangeSetPlanner.Unit> state) {
    List<OrgUnitChange> rows =
        changes().stream().filter(c -> c.effectiveDate().equals(day)).toList();
    ChangeSetPlanner.Plan plan = applier.plan(day, rows, state);
    assertEquals(List.of(), plan.problems(), day.toString());
    applier.write(plan, null);
  }

  private static List<String> codes(Succession s) {
    return s.successors().stream().map(OrgUnitSummary::code).toList();
  }

  private static List<ChangeSetPlanner.Unit> units(String file) {
    try (InputStream in = resource(file)) {
      return ChangeSetFiles.units(in, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<OrgUnitChange> changes() {
    String file = "thai-nguyen-unit-changes.csv";
    try (InputStream in = resource(file)) {
      return ChangeSetFiles.changes(in, file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String file) {
    InputStream in = UnitSuccessionTest.class.getClassLoader().getResourceAsStream(DIR + file);
    assertNotNull(in, file);
    return in;
  }
}
