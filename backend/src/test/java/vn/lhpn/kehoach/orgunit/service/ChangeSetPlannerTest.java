package vn.lhpn.kehoach.orgunit.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.orgunit.OrgUnitLineage.Change;
import vn.lhpn.kehoach.orgunit.OrgUnitType;
import vn.lhpn.kehoach.orgunit.service.ChangeSetPlanner.Plan;
import vn.lhpn.kehoach.orgunit.service.ChangeSetPlanner.Unit;
import vn.lhpn.kehoach.orgunit.service.ChangeSetPlanner.What;

/**
 * The planner on the real GSO files (seed/org-units, copied from shared/data: see its SOURCE.md):
 * the 2022 state with the changes of each date applied in order gives exactly the GSO state of the
 * next period, 1/9/178 → 1/9/177 → 1/9/172 → 1/92; and each kind of problem stops a set.
 */
class ChangeSetPlannerTest {
  private static final String DIR = "seed/org-units/";
  private static final LocalDate APRIL_2023 = LocalDate.of(2023, 4, 10);
  private static final LocalDate DECEMBER_2024 = LocalDate.of(2024, 12, 1);
  private static final LocalDate JULY_2025 = LocalDate.of(2025, 7, 1);

  @Test
  void shouldTurnEachGsoStateIntoTheNextByItsLineage() {
    Map<String, Unit> state = byCode(units("thai-nguyen-units-2022.csv"));
    assertEquals(List.of(1L, 9L, 178L), counts(state));

    Plan april2023 =
        ChangeSetPlanner.plan(APRIL_2023, state, changesOn(APRIL_2023), List.of(), Set.of());
    assertEquals(List.of(), april2023.problems());
    // Bắc Kạn's Vân Tùng is named by the lineage but was never on this system
    assertEquals(Set.of("01954"), april2023.outside());
    assertEquals(byCode(units("thai-nguyen-units-2024.csv")), april2023.after());
    assertEquals(List.of(1L, 9L, 177L), counts(april2023.after()));
    assertEquals(List.of("05764"), codes(april2023.steps(What.CLOSE)));
    assertEquals(List.of("05692", "05851"), codes(april2023.steps(What.RECLASSIFY)));

    Plan december2024 =
        ChangeSetPlanner.plan(
            DECEMBER_2024, april2023.after(), changesOn(DECEMBER_2024), List.of(), Set.of("05764"));
    assertEquals(List.of(), december2024.problems());
    assertEquals(byCode(units("thai-nguyen-units-2025-01.csv")), december2024.after());
    assertEquals(List.of(1L, 9L, 172L), counts(december2024.after()));
    assertEquals(
        List.of("05536", "05608", "05704", "05782", "05839"),
        codes(december2024.steps(What.CLOSE)));
    // the four rows the resolution's text could not confirm stay marked as such
    assertEquals(
        Set.of("05704→05707", "05707→05707", "05782→05779", "05779→05779"),
        december2024.lineage().stream()
            .filter(l -> !l.confirmed())
            .map(l -> l.oldCode() + "→" + l.newCode())
            .collect(Collectors.toSet()));

    // 2025: every district dissolved, so the new communes' places come from the list of units
    List<Unit> merged = units("thai-nguyen-units-2025.csv");
    Plan july2025 =
        ChangeSetPlanner.plan(
            JULY_2025,
            december2024.after(),
            changesOn(JULY_2025),
            merged,
            Set.of("05764", "05536", "05608", "05704", "05782", "05839"));
    assertEquals(List.of(), july2025.problems());
    assertEquals(byCode(merged), july2025.after());
    assertEquals(List.of(1L, 92L), counts(july2025.after()));
    assertTrue(
        july2025.after().values().stream()
            .allMatch(u -> u.level() == 1 || "19".equals(u.parentCode())));
    assertEquals(9 + 172 - 55, july2025.steps(What.CLOSE).size());
    // Bắc Kạn: the province, its 8 districts and 108 communes are named but never were here
    assertEquals(1 + 8 + 108, july2025.outside().size());
    assertTrue(july2025.outside().containsAll(Set.of("06", "058", "01957")));
    assertEquals(302, july2025.lineage().size());
  }

  @Test
  void shouldKeepTheNationalUnitAboveAProvinceItsListNamesWithoutAParent() {
    // On a national system the province sits under the national union; GSO's list of the merged
    // province names the province with no parent: the reform keeps it where it is in the tree.
    Map<String, Unit> before = new java.util.LinkedHashMap<>();
    before.put("VN", new Unit("VN", "Trung ương Hội LHPN Việt Nam", OrgUnitType.CENTRAL, null, 0));
    for (Unit u : units("thai-nguyen-units-2025-01.csv")) {
      before.put(
          u.code(),
          u.code().equals("19") ? new Unit(u.code(), u.name(), u.type(), "VN", u.level()) : u);
    }
    Plan july2025 =
        ChangeSetPlanner.plan(
            JULY_2025,
            before,
            changesOn(JULY_2025),
            units("thai-nguyen-units-2025.csv"),
            Set.of("05764", "05536", "05608", "05704", "05782", "05839"));
    assertEquals(List.of(), july2025.problems());
    assertEquals("VN", july2025.after().get("19").parentCode());
    assertEquals("19", july2025.after().get("05908").parentCode());
  }

  @Test
  void shouldResolveEveryCodeOf2022ToItsUnitsOf2025ThroughTheChain() {
    Map<String, Set<String>> successors = new HashMap<>();
    List<OrgUnitChange> all = changes();
    Map<String, Unit> merged = byCode(units("thai-nguyen-units-2025.csv"));
    for (Unit u : units("thai-nguyen-units-2022.csv")) {
      if (u.level() != 3) {
        continue;
      }
      Set<String> now = Set.of(u.code());
      for (LocalDate day : List.of(APRIL_2023, DECEMBER_2024, JULY_2025)) {
        now =
            now.stream()
                .flatMap(
                    code -> {
                      List<String> next =
                          all.stream()
                              .filter(
                                  c -> c.effectiveDate().equals(day) && c.oldCode().equals(code))
                              .map(OrgUnitChange::newCode)
                              .toList();
                      return next.isEmpty() ? java.util.stream.Stream.of(code) : next.stream();
                    })
                .collect(Collectors.toSet());
      }
      successors.put(u.code(), now);
    }
    assertEquals(178, successors.size());
    assertTrue(successors.values().stream().allMatch(s -> merged.keySet().containsAll(s)));
    // only the three communes split in 2025 lead to two units
    assertEquals(
        List.of("05461", "05467", "05932"),
        successors.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .map(Map.Entry::getKey)
            .sorted()
            .toList());
    // old Thái Nguyên reaches 55 of the 92; Bắc Kạn's 37 have no predecessor here
    assertEquals(55, successors.values().stream().flatMap(Set::stream).distinct().count());
    // a reused code: 05569 was Xã Bảo Cường, then Thị trấn Chợ Chu, now Xã Định Hóa
    assertEquals(Set.of("05569"), successors.get("05569"));
    assertEquals("Xã Định Hóa", merged.get("05569").name());
  }

  @Test
  void shouldStopARowThatNamesACodeRetiredBefore() {
    // 05764 (Thị trấn Quân Chu) closed on 10/04/2023; a row of 2024 cannot merge it again
    Map<String, Unit> state = byCode(units("thai-nguyen-units-2024.csv"));
    List<OrgUnitChange> rows = new ArrayList<>(changesOn(DECEMBER_2024));
    rows.add(
        new OrgUnitChange(
            DECEMBER_2024,
            "05764",
            "Thị trấn Quân Chu",
            "05851",
            "Thị trấn Quân Chu",
            Change.MERGE,
            true));
    Plan plan = ChangeSetPlanner.plan(DECEMBER_2024, state, rows, List.of(), Set.of("05764"));
    assertEquals(List.of(ChangeSetProblem.Kind.UNKNOWN_CODE), kinds(plan));
    assertFalse(plan.applicable());
    assertTrue(plan.problems().get(0).message().contains("05764"));
  }

  @Test
  void shouldStopANewUnitThatTakesACodeStillInUse() {
    // 00002 merges into 00003, but 00003 is another unit that goes on
    Plan plan =
        ChangeSetPlanner.plan(
            APRIL_2023,
            base(),
            List.of(row("00002", "Xã Hai", "00003", "Xã Mới", Change.MERGE)),
            List.of(),
            Set.of());
    assertEquals(List.of(ChangeSetProblem.Kind.CODE_IN_USE), kinds(plan));
    assertTrue(plan.problems().get(0).message().contains("Xã Ba"));
  }

  @Test
  void shouldStopADistrictDissolvedUnderItsCommunes() {
    Plan plan =
        ChangeSetPlanner.plan(
            APRIL_2023,
            base(),
            List.of(row("101", "Huyện Một", "", "", Change.DISSOLVE)),
            List.of(),
            Set.of());
    assertEquals(
        List.of(ChangeSetProblem.Kind.NO_PARENT, ChangeSetProblem.Kind.NO_PARENT), kinds(plan));
    assertEquals(
        Set.of("00002", "00003"),
        plan.problems().stream().map(ChangeSetProblem::code).collect(Collectors.toSet()));
  }

  @Test
  void shouldStopParentsThatGoRound() {
    List<Unit> state =
        List.of(
            new Unit("101", "Huyện Một", OrgUnitType.DISTRICT, "00002", 2),
            new Unit("00002", "Xã Hai", OrgUnitType.COMMUNE, "101", 3));
    Plan plan = ChangeSetPlanner.plan(APRIL_2023, base(), List.of(), state, Set.of());
    assertTrue(kinds(plan).contains(ChangeSetProblem.Kind.CYCLE), kinds(plan).toString());
  }

  @Test
  void shouldLeaveAChangeInsideAProvinceNeverOnTheSystemAsOutside() {
    // 2023: Bắc Kạn's Xã Vân Tùng became a thị trấn; Bắc Kạn was not on the system then
    Plan plan =
        ChangeSetPlanner.plan(
            APRIL_2023,
            base(),
            List.of(row("01954", "Xã Vân Tùng", "01954", "Thị trấn Vân Tùng", Change.RECLASSIFY)),
            List.of(),
            Set.of());
    assertEquals(List.of(), plan.problems());
    assertEquals(Set.of("01954"), plan.outside());
    assertEquals(List.of(), plan.steps());
    assertEquals(base(), plan.after());
  }

  @Test
  void shouldStopRowsThatGiveOneCodeTwoNames() {
    Plan plan =
        ChangeSetPlanner.plan(
            APRIL_2023,
            base(),
            List.of(
                row("00002", "Xã Hai", "00002", "Xã Hai Mới", Change.MERGE),
                row("00003", "Xã Ba", "00002", "Xã Khác", Change.MERGE)),
            List.of(),
            Set.of());
    assertTrue(
        kinds(plan).contains(ChangeSetProblem.Kind.CONFLICTING_ROWS), kinds(plan).toString());
  }

  @Test
  void shouldOpenTheUnitsOfANewProvinceWithoutHistory() {
    List<Unit> province =
        List.of(
            new Unit("06", "Tỉnh Bắc Kạn", OrgUnitType.PROVINCE, null, 1),
            new Unit("058", "Thành Phố Bắc Kạn", OrgUnitType.CITY, "06", 2),
            new Unit("01843", "Phường Nguyễn Thị Minh Khai", OrgUnitType.WARD, "058", 3));
    Plan plan = ChangeSetPlanner.plan(APRIL_2023, base(), List.of(), province, Set.of());
    assertEquals(List.of(), plan.problems());
    assertEquals(List.of("01843", "058", "06"), codes(plan.steps(What.OPEN)));
    assertEquals(List.of(), plan.lineage());
    assertEquals(base().size() + 3, plan.after().size());
  }

  @Test
  void shouldMoveAUnitTheListPutsUnderAnotherParent() {
    List<Unit> state = List.of(new Unit("00003", "Xã Ba", OrgUnitType.COMMUNE, "102", 3));
    Plan plan = ChangeSetPlanner.plan(APRIL_2023, base(), List.of(), state, Set.of());
    assertEquals(List.of(), plan.problems());
    assertEquals(List.of("00003"), codes(plan.steps(What.MOVE)));
    assertEquals(
        List.of(Change.MOVE), plan.lineage().stream().map(ChangeSetPlanner.Link::change).toList());
  }

  @Test
  void shouldRefuseARowOfAnotherDay() {
    Plan plan =
        ChangeSetPlanner.plan(
            DECEMBER_2024,
            base(),
            List.of(row("00002", "Xã Hai", "00002", "Thị trấn Hai", Change.RECLASSIFY)),
            List.of(),
            Set.of());
    assertEquals(List.of(ChangeSetProblem.Kind.WRONG_DATE), kinds(plan));
  }

  // a province, two districts, two communes under the first
  private static Map<String, Unit> base() {
    Map<String, Unit> units = new LinkedHashMap<>();
    for (Unit u :
        List.of(
            new Unit("19", "Tỉnh Thử", OrgUnitType.PROVINCE, null, 1),
            new Unit("101", "Huyện Một", OrgUnitType.DISTRICT, "19", 2),
            new Unit("102", "Huyện Hai", OrgUnitType.DISTRICT, "19", 2),
            new Unit("00002", "Xã Hai", OrgUnitType.COMMUNE, "101", 3),
            new Unit("00003", "Xã Ba", OrgUnitType.COMMUNE, "101", 3))) {
      units.put(u.code(), u);
    }
    return units;
  }

  private static OrgUnitChange row(
      String oldCode, String oldName, String newCode, String newName, Change change) {
    return new OrgUnitChange(APRIL_2023, oldCode, oldName, newCode, newName, change, true);
  }

  private static List<ChangeSetProblem.Kind> kinds(Plan plan) {
    return plan.problems().stream().map(ChangeSetProblem::kind).toList();
  }

  private static List<String> codes(List<ChangeSetPlanner.Step> steps) {
    return steps.stream().map(ChangeSetPlanner.Step::code).sorted().toList();
  }

  /** Units per level, from the province down. */
  private static List<Long> counts(Map<String, Unit> units) {
    return new ArrayList<>(
        units.values().stream()
            .collect(Collectors.groupingBy(Unit::level, TreeMap::new, Collectors.counting()))
            .values());
  }

  private static Map<String, Unit> byCode(List<Unit> units) {
    Map<String, Unit> out = new TreeMap<>();
    units.forEach(u -> out.put(u.code(), u));
    return out;
  }

  private static List<Unit> units(String file) {
    try (InputStream in = resource(file)) {
      return ChangeSetFiles.units(in, file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<OrgUnitChange> changes() {
    String file = "thai-nguyen-unit-changes.csv";
    try (InputStream in = resource(file)) {
      return ChangeSetFiles.changes(in, file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<OrgUnitChange> changesOn(LocalDate day) {
    return changes().stream().filter(c -> c.effectiveDate().equals(day)).toList();
  }

  private static InputStream resource(String file) {
    InputStream in = ChangeSetPlannerTest.class.getClassLoader().getResourceAsStream(DIR + file);
    assertNotNull(in, file);
    return in;
  }
}
