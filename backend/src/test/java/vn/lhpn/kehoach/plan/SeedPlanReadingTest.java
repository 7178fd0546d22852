package vn.lhpn.kehoach.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.plan.importer.PlanAssembler;
import vn.lhpn.kehoach.plan.importer.PlanDraft;
import vn.lhpn.kehoach.plan.importer.TextPlanReader;

/**
 * The real plan 11/KH-BCH, read from its text export, checked against the document itself. Pure
 * logic: no database, no server.
 */
class SeedPlanReadingTest {
  static PlanDraft plan;

  @BeforeAll
  static void read() throws IOException {
    try (InputStream in =
        SeedPlanReadingTest.class
            .getClassLoader()
            .getResourceAsStream("seed/plans/ke-hoach-toan-khoa-2021-2026.txt")) {
      plan = new PlanAssembler().assemble(new TextPlanReader().read(in.readAllBytes()));
    }
  }

  static PlanDraft.Item item(String key) {
    return plan.items().stream()
        .filter(i -> i.key().equals(key))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no item " + key));
  }

  static List<String> years(String key) {
    return item(key).years().values().stream().map(YearLevel::raw).toList();
  }

  @Test
  void shouldReadTheDocumentData() {
    assertEquals("11/KH-BCH", plan.number());
    assertEquals("11-KH-BCH", plan.code());
    assertEquals(LocalDate.of(2021, 12, 31), plan.issuedOn());
    assertEquals("KẾ HOẠCH HOẠT ĐỘNG TOÀN KHÓA", plan.title());
    assertEquals(2021, plan.termStart());
    assertEquals(2026, plan.termEnd());
    assertEquals(List.of(2022, 2023, 2024, 2025, 2026), plan.years());
    assertEquals("HỘI LHPN TỈNH THÁI NGUYÊN – BAN CHẤP HÀNH", plan.issuer());
  }

  @Test
  void shouldCountEveryKindOfRow() {
    assertEquals(2, plan.count(ItemKind.SECTION));
    assertEquals(22, plan.count(ItemKind.GROUP));
    assertEquals(88, plan.count(ItemKind.LEAF));
    assertEquals(8, plan.count(ItemKind.BREAKDOWN));
    List<String> targets =
        plan.items().stream()
            .filter(i -> "I".equals(i.parentKey()) && i.kind() == ItemKind.GROUP)
            .map(PlanDraft.Item::title)
            .toList();
    assertEquals(8, targets.size());
    assertTrue(targets.stream().allMatch(t -> t.startsWith("Chỉ tiêu ")), targets.toString());
    List<String> tasks =
        plan.items().stream()
            .filter(i -> "II".equals(i.parentKey()) && i.kind() == ItemKind.GROUP)
            .map(PlanDraft.Item::title)
            .toList();
    assertEquals(3, tasks.size());
    assertTrue(tasks.stream().allMatch(t -> t.startsWith("Nhiệm vụ ")), tasks.toString());
    assertEquals(
        4, plan.items().stream().filter(i -> "II-1".equals(i.parentKey())).count()); // 1.1 … 1.4
  }

  @Test
  void shouldParseYearlyLevelsOfEachKind() {
    assertEquals(List.of("2.500", "2.500", "2.500", "2.500", "2.500"), years("I-4.1"));
    assertTrue(
        item("I-4.1").years().values().stream()
            .allMatch(l -> l.value().compareTo(new BigDecimal("2500")) == 0));
    assertEquals(List.of("1%", "0.5%", "0.5%", "0.5%", "0.5%"), years("I-5.3"));
    assertEquals(YearLevel.Kind.PERCENT, item("I-5.3").years().get(2022).kind());
    assertEquals(0, new BigDecimal("1").compareTo(item("I-5.3").years().get(2022).value()));
    assertEquals(0, new BigDecimal("0.5").compareTo(item("I-5.3").years().get(2023).value()));
    // 8.4: only 2026, "01" is 1
    assertEquals(List.of("", "", "", "", "01"), years("I-8.4"));
    assertEquals(0, BigDecimal.ONE.compareTo(item("I-8.4").years().get(2026).value()));
    assertEquals(YearLevel.Kind.NONE, item("I-8.4").years().get(2025).kind());
    // 1.1.4 of section II: only 2025
    Map<Integer, YearLevel.Kind> kinds =
        item("II-1.1.4").years().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().kind()));
    assertEquals(
        Map.of(
            2022,
            YearLevel.Kind.NONE,
            2023,
            YearLevel.Kind.NONE,
            2024,
            YearLevel.Kind.NONE,
            2025,
            YearLevel.Kind.SCHEDULED,
            2026,
            YearLevel.Kind.NONE),
        kinds);
    assertEquals(List.of("500", "500", "500", "500", "500"), years("I-2.1"));
    assertEquals(List.of("x", "x", "x", "x", "x"), years("I-1.1"));
  }

  @Test
  void shouldKeepBothRowsNumbered221AndReportIt() {
    assertEquals(
        "Giám sát việc thực hiện chính sách pháp luật về bình đẳng giới",
        item("II-2.2.1~2").title());
    assertTrue(
        item("II-2.2.1")
            .title()
            .startsWith("Giám sát việc thực hiện chính sách hỗ trợ người lao động"));
    assertEquals("2.2.1", item("II-2.2.1~2").code());
    assertEquals("II-2.2", item("II-2.2.1~2").parentKey());
    assertTrue(
        plan.warnings().stream()
            .anyMatch(w -> "2.2.1".equals(w.code()) && w.message().contains("II-2.2.1~2")),
        plan.warnings().toString());
  }

  @Test
  void shouldAttachTheBreakdownRowsOf61WithTheirFootnotes() {
    List<PlanDraft.Item> rows =
        plan.items().stream().filter(i -> "I-6.1".equals(i.parentKey())).toList();
    assertEquals(
        List.of("Cấp tỉnh", "Các huyện, thành phố, thị xã", "Cấp cơ sở"),
        rows.stream().map(PlanDraft.Item::title).toList());
    assertTrue(rows.stream().allMatch(r -> r.kind() == ItemKind.BREAKDOWN));
    assertEquals(List.of("25", "-", "-", "-", "-"), years("I-6.1.b1"));
    assertEquals(List.of("10", "10", "10", "7", "-"), years("I-6.1.b2"));
    assertEquals(List.of("35", "40", "40", "40", "23"), years("I-6.1.b3"));
    assertEquals(
        Map.of(
            1,
            "CB chuyên trách các huyện, thành phố thị xã: 34; Chủ tịch, PCT CA tỉnh, CT Hội PN Quân sự tỉnh: 03. Tổng: 37."),
        item("I-6.1.b2").footnotes());
    assertEquals(Map.of(2, "CT cấp xã: 178"), item("I-6.1.b3").footnotes());
    assertEquals(Map.of(3, "Tổng CT, PCT cơ sở: 356;"), item("I-6.2.b1").footnotes());
    assertEquals(2, plan.items().stream().filter(i -> "I-6.2".equals(i.parentKey())).count());
    assertEquals(3, plan.items().stream().filter(i -> "I-6.3".equals(i.parentKey())).count());
    assertEquals(MeasureType.COUNT, item("I-6.1").measureType());
    assertEquals("cán bộ", item("I-6.1.b1").measureUnit());
  }

  @Test
  void shouldRemoveMarksAndKeepTheTextOtherwise() {
    assertEquals(
        "Tiếp tục duy trì và nhân rộng các mô hình “ Câu lạc bộ xây dựng gia đình hạnh phúc ”, “ Câu lạc bộ gia đình nông thôn mới ”..., các cách làm hay, thiết thực trong công tác gia đình, chăm sóc và bảo vệ trẻ em",
        item("II-1.3.4").title());
    assertEquals(
        "Cuộc vận động “Xây dựng gia đình 5 không, 3 sạch, góp phần vun đắp giá trị gia đình Việt Nam”",
        item("II-1.2").title());
    assertEquals("THỰC HIỆN CHỈ TIÊU NHIỆM KỲ", item("I").title());
  }

  @Test
  void shouldReadImplementingLevels() {
    assertEquals(Set.of(1, 2, 3), item("I-1.1").implementingLevels());
    assertEquals(Set.of(1), item("I-7.1").implementingLevels());
    assertEquals(Set.of(2), item("I-7.2").implementingLevels());
    assertEquals(Set.of(3), item("I-7.3").implementingLevels());
    assertEquals(Set.of(1, 2), item("II-1.3.2").implementingLevels());
    assertEquals(Set.of(1, 2), item("II-2.1.3").implementingLevels());
    assertEquals(Set.of(), item("II-1.4.5").implementingLevels());
    assertTrue(plan.warnings().stream().anyMatch(w -> "1.4.5".equals(w.code())));
  }

  @Test
  void shouldGuessMeasures() {
    assertMeasure("I-2.1", MeasureType.COUNT, "hộ");
    assertMeasure("I-2.2", MeasureType.COUNT, "người");
    assertMeasure("I-2.3", MeasureType.COUNT, "hợp tác xã");
    assertMeasure("I-4.1", MeasureType.COUNT, "hộ");
    assertMeasure("I-4.2", MeasureType.COUNT, "công trình");
    assertMeasure("I-5.1", MeasureType.COUNT, "hội viên");
    assertMeasure("I-5.3", MeasureType.PERCENTAGE, "%");
    assertMeasure("I-7.1", MeasureType.COUNT, "chính sách");
    assertMeasure("I-8.2", MeasureType.COUNT, "văn bản");
    assertMeasure("II-1.1.5", MeasureType.COUNT, "tin bài");
    assertMeasure("II-1.1.8", MeasureType.COUNT, "mô hình");
    assertEquals(MeasureType.ACTIVITY, item("I-1.1").measureType());
    assertNull(item("I-1.1").measureUnit());
    assertEquals(MeasureType.ACTIVITY, item("II-1.1.4").measureType());
  }

  private static void assertMeasure(String key, MeasureType type, String unit) {
    assertEquals(type, item(key).measureType(), key);
    assertEquals(unit, item(key).measureUnit(), key);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldMapEveryLeafToItsDepartments() {
    Map<String, List<String>> expected = new LinkedHashMap<>();
    Object[] table = {
      "I-1.1", List.of("TG-CSLP"), // Ban TG- CSLP
      "I-1.2", List.of("TG-CSLP"), // Ban TG- CSLP
      "I-2.1", List.of("GĐXH-KT"), // Ban GDKH-KT
      "I-2.2", List.of("GĐXH-KT"), // Ban GDKH-KT
      "I-2.3", List.of("GĐXH-KT"), // Ban GDKH-KT
      "I-3.1", List.of("TG-CSLP"), // Ban TG-CSLP
      "I-3.2", List.of("TG-CSLP"), // Ban TG-CSLP
      "I-4.1", List.of("GĐXH-KT"), // Ban GĐXH- KT
      "I-4.2", List.of("GĐXH-KT"), // Ban GĐXH- KT
      "I-5.1", List.of("XDTCH"), // Ban XDTCH
      "I-5.2", List.of("XDTCH"), // Ban XDTCH
      "I-5.3", List.of("XDTCH"), // Ban XDTCH
      "I-6.1", List.of("XDTCH"), // Ban XDTCH
      "I-6.2", List.of("XDTCH"), // Ban XDTCH
      "I-6.3", List.of("XDTCH"), // Ban XDTCH
      "I-7.1", List.of("TG-CSLP"), // Ban TG-CSLP
      "I-7.2", List.of("TG-CSLP"), // Ban TG-CSLP
      "I-7.3", List.of("TG-CSLP"), // Ban TG- CSLP
      "I-8.1", List.of("TG-CSLP"), // Ban TG- CSLP
      "I-8.2", List.of("TG-CSLP"), // Ban TG- CSLP
      "I-8.3", List.of("TG-CSLP"), // Ban TG- CSLP
      "I-8.4", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-1.1.1", List.of("VP"), // Văn phòng
      "II-1.1.2", List.of("XDTCH"), // Ban XDTC Hội
      "II-1.1.3", List.of("VP"), // Văn phòng
      "II-1.1.4", List.of("VP"), // Văn phòng
      "II-1.1.5", List.of("TG-CSLP"), // Ban TG-CSLP
      "II-1.1.6", List.of("TG-CSLP"), // Ban TG-CSLP
      "II-1.1.7", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-1.1.8", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-1.1.9", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-1.1.10", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-1.1.11", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-1.1.12", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-1.2.1", List.of("GĐXH-KT"), // Ban GD-XH- KT
      "II-1.2.2", List.of("GĐXH-KT"), // Ban GĐXH- KT
      "II-1.2.3", List.of("GĐXH-KT"), // Ban GĐXH- KT
      "II-1.2.4", List.of("GĐXH-KT"), // Ban GĐXH- KT
      "II-1.2.5", List.of("GĐXH-KT"), // Ban GĐXH-KT
      "II-1.2.6", List.of("GĐXH-KT"), // Ban GDXXH-KT
      "II-1.3.1", List.of("GĐXH-KT", "TG-CSLP"), // Ban GDXXH-KT, Ban CSLP
      "II-1.3.2", List.of("GĐXH-KT", "TG-CSLP"), // Ban GDXXH-KT, Ban CSLP
      "II-1.3.3", List.of("GĐXH-KT", "TG-CSLP"), // Ban GDXXH-KT, Ban CSLP
      "II-1.3.4", List.of("GĐXH-KT"), // Ban GDXH-KT
      "II-1.3.5", List.of("GĐXH-KT"), // Ban GDXH-KT
      "II-1.3.6", List.of("GĐXH-KT"), // Ban GDXH-KT
      "II-1.4.1", List.of("GĐXH-KT"), // Ban GĐXH- KT
      "II-1.4.2", List.of("GĐXH-KT"), // Ban GĐXH- KT
      "II-1.4.3", List.of("GĐXH-KT"), // Ban GĐXH- KT
      "II-1.4.4", List.of("GĐXH-KT"), // Ban GĐXH- KT
      "II-1.4.5", List.of("GĐXH-KT"), // Ban GĐXH- KT
      "II-1.4.6", List.of("GĐXH-KT"), // Ban GĐXH- KT
      "II-1.4.7", List.of("GĐXH-KT"), // Ban GĐXH- KT
      "II-1.4.8", List.of("GĐXH-KT"), // Ban GĐXH- KT
      "II-1.4.9", List.of("GĐXH-KT", "TT 20/10"), // Ban GĐXH- Kinh tế, TT 20/10
      "II-2.1.1", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-2.1.2", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-2.1.3", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-2.1.4", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-2.2.1", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-2.2.1~2", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-2.2.3", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-2.2.4", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-2.3.1", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-2.3.2", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-2.4.1", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-2.4.2", List.of("TG-CSLP"), // Ban TG- CSLP
      "II-3.1.1", List.of("XDTCH"), // Ban XDTCH
      "II-3.1.2", List.of("XDTCH"), // Ban XDTCH
      "II-3.1.3", List.of("XDTCH"), // Ban XDTCH
      "II-3.1.4", List.of("XDTCH"), // Ban XDTCH
      "II-3.1.5", List.of("XDTCH"), // Ban XDTCH
      "II-3.1.6", List.of("XDTCH"), // Ban XDTCH
      "II-3.2.1", List.of("XDTCH"), // Ban XDTCH
      "II-3.2.2", List.of("XDTCH"), // Ban XDTCH
      "II-3.2.3", List.of("XDTCH"), // Ban XDTCH
      "II-3.2.4", List.of("XDTCH"), // Ban XDTCH
      "II-3.2.5", List.of("XDTCH"), // Ban XDTCH
      "II-3.2.6", List.of("XDTCH"), // Ban XDTCH
      "II-3.2.7", List.of("XDTCH"), // Ban XDTCH
      "II-3.2.8", List.of("XDTCH"), // Ban XDTCH
      "II-3.3.1", List.of("VP"), // Văn phòng
      "II-3.3.2", List.of("VP"), // Văn phòng
      "II-3.3.3", List.of("VP"), // Văn phòng
      "II-3.3.4", List.of("VP"), // Văn phòng
      "II-3.3.5", List.of("VP"), // Văn phòng
      "II-3.3.6", List.of("VP"), // Văn phòng
      "II-3.3.7", List.of("VP"), // Văn phòng
    };
    for (int i = 0; i < table.length; i += 2) {
      expected.put((String) table[i], (List<String>) table[i + 1]);
    }
    Map<String, List<String>> actual = new LinkedHashMap<>();
    plan.items().stream()
        .filter(i -> i.kind() == ItemKind.LEAF)
        .forEach(i -> actual.put(i.key(), i.departments()));
    assertEquals(expected, actual);
    long spellingWarnings =
        plan.warnings().stream().filter(w -> w.message().startsWith("Tên ban viết khác")).count();
    assertEquals(10, spellingWarnings, plan.warnings().toString());
  }
}
