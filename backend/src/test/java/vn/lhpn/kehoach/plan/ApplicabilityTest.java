package vn.lhpn.kehoach.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which level reports an item, proposed from its wording (the seed plan's own sentences). */
class ApplicabilityTest {
  @Test
  void shouldGiveAnItemThatNamesTheProvinceToTheProvince() {
    assertEquals(
        Set.of(1),
        Applicability.propose(
            "Hàng năm, cấp tỉnh đăng tải ít nhất 12 tin bài phản ánh các hoạt động của các cấp"
                + " Hội và gương điển hình trong thực hiện nhiệm vụ công tác Hội"));
    assertEquals(
        Set.of(1),
        Applicability.propose("Hàng năm, Hội LHPN cấp tỉnh chủ trì giám sát ít nhất 01"));
  }

  @Test
  void shouldGiveAnItemThatNamesTheDistrictsToTheDistricts() {
    assertEquals(
        Set.of(2),
        Applicability.propose(
            "Mỗi đơn vị cấp huyện tổ chức được ít nhất 01 hoạt động nâng cao chất lượng"));
    assertEquals(
        Set.of(2),
        Applicability.propose(
            "Hàng năm, mỗi đơn vị cấp huyện tổ chức ít nhất 01 hoạt động cho phụ nữ"));
    assertEquals(
        Set.of(2),
        Applicability.propose(
            "Phần đầu đến năm 2026, mỗi huyện/thành/thị vận động được ít nhất 02 chương trình"));
    assertEquals(
        Set.of(2),
        Applicability.propose("Hàng năm, Hội LHPN huyện, thành phố, thị xã chủ trì hoặc phối hợp"));
  }

  @Test
  void shouldLeaveToTheColumnAnItemThatNamesSeveralLevelsOrNone() {
    assertEquals(
        Set.of(),
        Applicability.propose("100% cán bộ Hội cấp tỉnh, huyện và Chủ tịch Hội cơ sở đạt chuẩn"));
    assertEquals(
        Set.of(), Applicability.propose("Tổ chức tập huấn chuyển đổi số cho cán bộ Hội các cấp"));
    assertEquals(
        Set.of(), Applicability.propose("Hàng năm, toàn tỉnh giúp từ 500 hộ có phụ nữ làm chủ"));
  }
}
