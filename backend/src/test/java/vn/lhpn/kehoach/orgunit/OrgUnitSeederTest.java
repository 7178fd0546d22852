package vn.lhpn.kehoach.orgunit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrgUnitSeederTest {

  @Test
  @TestTransaction
  void shouldLoadThaiNguyenUnitsAndTheAffiliatedUnits() {
    assertEquals(1, OrgUnit.count("level", (short) 1));
    OrgUnit hungSon = OrgUnit.findByCode("05761", LocalDate.of(2022, 6, 30)).orElseThrow();
    assertEquals("Thị trấn Hùng Sơn", hungSon.name);
    assertEquals("thi tran hung son", hungSon.searchName);
    assertEquals("171", hungSon.parentCode);
    OrgUnit police = OrgUnit.findByCode("DVTT-CA", LocalDate.of(2022, 6, 30)).orElseThrow();
    assertEquals(OrgUnitType.AFFILIATED, police.type);
    assertEquals("19", police.parentCode);
  }

  @Test
  @TestTransaction
  void shouldSkipChangesOfOtherProvinces() {
    // 01954 Vân Tùng (Bắc Kạn) is reclassified on 10/04/2023 in the lineage file.
    assertFalse(OrgUnit.findByCode("01954", LocalDate.of(2024, 1, 1)).isPresent());
  }
}
