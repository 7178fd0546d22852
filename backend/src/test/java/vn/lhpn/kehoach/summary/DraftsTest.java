package vn.lhpn.kehoach.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.orgunit.OrgUnitType;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.TermRule;
import vn.lhpn.kehoach.summary.service.Drafts;
import vn.lhpn.kehoach.summary.service.Figures;
import vn.lhpn.kehoach.summary.service.Figures.Line;
import vn.lhpn.kehoach.summary.service.Figures.Verdict;
import vn.lhpn.kehoach.summary.service.ReportPeriod;
import vn.lhpn.kehoach.summary.service.Vi;

/** The sentences and numbers of a report, word for word (plain unit tests, no Quarkus). */
class DraftsTest {
  static final Figures.Group CHI_TIEU_2 =
      new Figures.Group("I.-2", "2", "Chỉ tiêu 2: Hàng năm, toàn tỉnh giúp …", "I.");
  static final Figures.Group NHIEM_VU_1 =
      new Figures.Group("II-1", "1", "Nhiệm vụ 1: Hỗ trợ phụ nữ …", "II");

  static Line count(String code, String target, String value, String ratio, Verdict v) {
    return new Line(
        "I-" + code,
        code,
        "…",
        CHI_TIEU_2,
        MeasureType.COUNT,
        "hộ",
        TermRule.SUM,
        target == null ? null : new BigDecimal(target),
        value == null ? null : new BigDecimal(value),
        12,
        0,
        0,
        null,
        ratio == null ? null : new BigDecimal(ratio),
        v);
  }

  static Line activity(String code, int due, int done, int doing, int notDone, Verdict v) {
    return new Line(
        "II-" + code,
        code,
        "…",
        NHIEM_VU_1,
        MeasureType.ACTIVITY,
        null,
        TermRule.EACH,
        BigDecimal.valueOf(due),
        BigDecimal.valueOf(done),
        done + doing + notDone,
        doing,
        notDone,
        null,
        due == 0
            ? null
            : BigDecimal.valueOf(done)
                .divide(BigDecimal.valueOf(due), 4, java.math.RoundingMode.HALF_UP),
        v);
  }

  static Figures figures(ReportPeriod.Kind kind, List<Line> lines, Figures.Reporting reporting) {
    return new Figures(
        new ReportPeriod(kind, 2025),
        "2021 - 2026",
        "KẾ HOẠCH HOẠT ĐỘNG TOÀN KHÓA",
        "19",
        "Tỉnh Thái Nguyên",
        OrgUnitType.PROVINCE,
        null,
        false,
        List.of(
            new Figures.Section("I.", "THỰC HIỆN CHỈ TIÊU"), new Figures.Section("II", "NHIỆM VỤ")),
        lines,
        reporting,
        LocalDate.of(2026, 1, 5),
        List.of());
  }

  static String paragraph(Figures f, String key) {
    return Drafts.body(f).stream()
        .filter(b -> key.equals(b.key()))
        .findFirst()
        .orElseThrow()
        .text();
  }

  @Test
  void shouldWriteNumbersTheVietnameseWay() {
    assertEquals("2.500", Vi.number(new BigDecimal("2500")));
    assertEquals("1.234.567,5", Vi.number(new BigDecimal("1234567.50")));
    assertEquals("0,75", Vi.number(new BigDecimal("0.75")));
    assertEquals("104,6\u00a0%", Vi.percent(new BigDecimal("1.0457")));
    assertEquals("100\u00a0%", Vi.percent(BigDecimal.ONE));
    assertEquals("93,3\u00a0%", Vi.percent(new BigDecimal("0.9333")));
    assertEquals("ngày 05 tháng 01 năm 2026", Vi.date(LocalDate.of(2026, 1, 5)));
    assertEquals("ngày 29 tháng 11 năm 2026", Vi.date(LocalDate.of(2026, 11, 29)));
    assertEquals("BTV", Vi.initials("BAN THƯỜNG VỤ"));
    assertEquals("BCH", Vi.initials("Ban chấp hành"));
    assertEquals("DTN", Vi.initials("Đoàn thanh niên"));
    assertEquals("Phú Bình", Vi.placeName("Huyện Phú Bình"));
    assertEquals("toàn thị xã", Vi.scope(OrgUnitType.TOWN));
  }

  @Test
  void shouldSayHowTheMapChangedRightAfterTheFirstHeading() {
    Figures plain = figures(ReportPeriod.Kind.TERM, List.of(), null);
    Figures f =
        new Figures(
            plain.period(),
            plain.termLabel(),
            plain.planTitle(),
            plain.unitCode(),
            plain.unitName(),
            plain.unitType(),
            plain.parentName(),
            plain.single(),
            plain.sections(),
            plain.lines(),
            plain.reporting(),
            plain.today(),
            List.of("Từ ngày 01 tháng 7 năm 2025, …", "Số liệu của mỗi năm …"));
    List<Drafts.Block> body = Drafts.body(f);
    assertEquals(Drafts.MAP, body.get(1).key());
    assertEquals("Từ ngày 01 tháng 7 năm 2025, … Số liệu của mỗi năm …", body.get(1).text());
    assertTrue(Drafts.body(plain).stream().noneMatch(b -> Drafts.MAP.equals(b.key())));
  }

  @Test
  void shouldWriteAChiTieuFromItsFigures() {
    Figures f =
        figures(
            ReportPeriod.Kind.YEAR,
            List.of(
                count("2.1", "500", "523", "1.046", Verdict.EXCEEDED),
                count("2.2", "30", "28", "0.9333", Verdict.NOT_MET),
                count("2.3", "2", null, null, Verdict.NO_DATA)),
            null);
    assertEquals(
        "Chỉ tiêu 2 – nội dung 2.1: toàn tỉnh đạt 523 hộ, bằng 104,6\u00a0% chỉ tiêu năm (500 hộ), vượt"
            + " chỉ tiêu; nội dung 2.2: toàn tỉnh đạt 28 hộ, bằng 93,3\u00a0% chỉ tiêu năm (30 hộ), chưa"
            + " đạt chỉ tiêu; nội dung 2.3: chưa có số liệu được duyệt.",
        paragraph(f, "group:I.-2"));
    assertEquals(
        "Còn 1 nội dung chưa đạt chỉ tiêu: nội dung 2.2 (93,3\u00a0%).", paragraph(f, "behind"));
    assertEquals("Còn 1 nội dung chỉ tiêu chưa đạt.", paragraph(f, "shortcomings"));
    assertEquals(
        "Triển khai thực hiện các chỉ tiêu, nhiệm vụ năm 2026 theo Kế hoạch; tập trung vào các nội"
            + " dung 2.2.",
        paragraph(f, "directions"));
  }

  @Test
  void shouldJudgeAHalfYearAgainstHalfTheYear() {
    Figures f =
        figures(
            ReportPeriod.Kind.HALF, List.of(count("2.1", "500", "260", "0.52", Verdict.MET)), null);
    assertEquals(
        "Chỉ tiêu 2: toàn tỉnh đạt 260 hộ, bằng 52\u00a0% chỉ tiêu năm (500 hộ), đạt tiến độ.",
        paragraph(f, "group:I.-2"));
    assertEquals(
        "Sơ kết 6 tháng đầu năm 2025 thực hiện Kế hoạch hoạt động toàn khóa nhiệm kỳ 2021 - 2026",
        Drafts.subject(f));
  }

  @Test
  void shouldCountActivitiesByUnitsAndListWhoHasNotReported() {
    Figures f =
        figures(
            ReportPeriod.Kind.YEAR,
            List.of(
                activity("1.1.1", 178, 150, 10, 5, Verdict.NOT_MET),
                activity("1.1.2", 9, 9, 0, 0, Verdict.MET)),
            new Figures.Reporting(
                "báo cáo năm 2025",
                LocalDate.of(2026, 1, 5),
                190,
                188,
                180,
                List.of("Xã Tân Thành", "Xã Úc Kỳ")));
    assertEquals(
        "Nhiệm vụ 1: 1/2 nội dung đạt yêu cầu; chưa đạt: 1.1.1 (84,3\u00a0%).",
        paragraph(f, "group:II-1"));
    assertEquals(
        "Đến ngày 05/01/2026, 188/190 đơn vị đã gửi báo cáo năm 2025, trong đó 180 báo cáo đã được"
            + " duyệt. Còn 2 đơn vị chưa gửi: Xã Tân Thành, Xã Úc Kỳ.",
        paragraph(f, "reporting"));
    assertEquals("2 đơn vị chưa gửi báo cáo.", paragraph(f, "shortcomings"));
  }

  @Test
  void shouldSayThereIsNoDataRatherThanPrintAnEmptyReport() {
    Figures f =
        figures(
            ReportPeriod.Kind.TERM,
            List.of(count("2.1", "2500", null, null, Verdict.NO_DATA)),
            null);
    assertEquals(
        "Chưa có số liệu nào được duyệt cho nhiệm kỳ 2021 - 2026; các số liệu trong báo cáo sẽ được"
            + " cập nhật khi các đơn vị gửi báo cáo và được cấp trên duyệt.",
        paragraph(f, "no-data"));
    assertEquals("Chưa đủ số liệu được duyệt để đánh giá các chỉ tiêu.", paragraph(f, "behind"));
  }

  @Test
  void shouldJudgeTheTermByItsRule() {
    Figures f =
        figures(
            ReportPeriod.Kind.TERM,
            List.of(count("2.1", "2500", "2600", "1.04", Verdict.EXCEEDED)),
            null);
    assertEquals(
        "Chỉ tiêu 2: cả nhiệm kỳ toàn tỉnh đạt 2.600 hộ, bằng 104\u00a0% chỉ tiêu nhiệm kỳ (2.500 hộ),"
            + " vượt chỉ tiêu.",
        paragraph(f, "group:I.-2"));
  }
}
