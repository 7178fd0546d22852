package vn.lhpn.kehoach.orgunit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrgUnitSeederTest {

  @Test
  @TestTransaction
  void shouldLoadThaiNguyen2022UnitsOnFirstStart() {
    assertEquals(1, OrgUnit.count("level", (short) 1));
    assertEquals(9, OrgUnit.count("level", (short) 2));
    assertEquals(178, OrgUnit.count("level", (short) 3));
    OrgUnit hungSon = OrgUnit.findByCode("05761", LocalDate.of(2022, 6, 30)).orElseThrow();
    assertEquals("Thị trấn Hùng Sơn", hungSon.name);
    assertEquals("thi tran hung son", hungSon.searchName);
    assertEquals("171", hungSon.parent.code);
  }
}
