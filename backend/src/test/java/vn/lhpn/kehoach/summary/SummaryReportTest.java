package vn.lhpn.kehoach.summary;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.demo.DemoHistory;
import vn.lhpn.kehoach.progress.DemoPlan;
import vn.lhpn.kehoach.support.Tokens;

/**
 * The written report from the generated five-year history: its sentences say what the progress API
 * says, in Vietnamese with vi-VN numbers (checked here with the JDK's own vi-VN format); the .docx
 * read back and the PDF's extracted text hold the letterhead, the title, every chỉ tiêu's sentence
 * and the table's figures, diacritics intact; the unit's edits are kept with their history; a
 * period without data says so.
 */
@QuarkusTest
class SummaryReportTest {
  static final String PLAN = DemoPlan.CODE;
  static final Path PAGES = Path.of("target", "summary-report-pages");

  @Inject DemoHistory demo;

  @BeforeAll
  static void pages() throws Exception {
    Files.createDirectories(PAGES);
  }

  static RequestSpecification as(String user) {
    return given().auth().oauth2(Tokens.of(user));
  }

  static String query(String unit, String period) {
    return "?plan=" + PLAN + "&unit=" + unit + "&period=" + period;
  }

  static JsonPath report(String user, String unit, String period) {
    return as(user)
        .get("/api/v1/summary-reports" + query(unit, period))
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** vi-VN as the JDK writes it: "2.500", "104,6". */
  static String vi(BigDecimal value, int decimals) {
    NumberFormat f = NumberFormat.getNumberInstance(Locale.forLanguageTag("vi-VN"));
    f.setMinimumFractionDigits(decimals);
    f.setMaximumFractionDigits(decimals == 0 ? 2 : decimals);
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(value).replace('\u00a0', ' ');
  }

  static String percent(BigDecimal ratio) {
    BigDecimal p = ratio.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
    return (p.stripTrailingZeros().scale() <= 0 ? vi(p, 0) : vi(p, 1)) + "\u00a0%";
  }

  /** Text as compared: NFC, whitespace runs (no-break spaces too) as one space. */
  static String flat(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC)
        .replace('\u00a0', ' ')
        .replaceAll("\\s+", " ")
        .strip();
  }

  static String docxText(byte[] bytes) throws Exception {
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes));
        XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      return flat(extractor.getText());
    }
  }

  /** The PDF's text in content order, without the page numbers (lines of digits alone). */
  static String pdfText(PDDocument pdf) throws Exception {
    String text = new PDFTextStripper().getText(pdf);
    return flat(text.replaceAll("(?m)^\\s*\\d+\\s*$", ""));
  }

  @Test
  void shouldDraftTheProvinceYearReportFromTheFiguresAndPrintItAsWordAndPdf() throws Exception {
    DemoPlan.ensure(demo);
    JsonPath progress =
        as("tinh.canbo")
            .get("/api/v1/progress?plan=" + PLAN + "&unit=19&year=2025")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    Map<String, Object> households = progress.getMap("items.find { it.itemKey == 'I-2.1' }");
    BigDecimal value =
        new BigDecimal(((Map<?, ?>) households.get("subtree")).get("value").toString());
    BigDecimal target =
        new BigDecimal(((Map<?, ?>) households.get("target")).get("value").toString());
    BigDecimal ratio = new BigDecimal(households.get("ratio").toString());
    int c = ratio.compareTo(BigDecimal.ONE);
    String verdict = c > 0 ? "vượt chỉ tiêu" : c == 0 ? "đạt chỉ tiêu" : "chưa đạt chỉ tiêu";
    String sentence =
        "nội dung 2.1: toàn tỉnh đạt "
            + vi(value, 0)
            + " hộ, bằng "
            + percent(ratio)
            + " chỉ tiêu năm ("
            + vi(target, 0)
            + " hộ), "
            + verdict;

    JsonPath doc = report("tinh.canbo", "19", "2025");
    assertEquals("HỘI LHPN TỈNH THÁI NGUYÊN", doc.getString("letterhead.union"));
    assertEquals("BAN THƯỜNG VỤ", doc.getString("letterhead.issuer"));
    assertEquals("BC-BTV", doc.getString("letterhead.symbol"));
    assertTrue(doc.getString("letterhead.dateLine").startsWith("Thái Nguyên, ngày "));
    assertEquals(
        "Tổng kết năm 2025 thực hiện Kế hoạch hoạt động toàn khóa nhiệm kỳ 2021 - 2026",
        doc.getString("subject"));
    assertTrue(doc.getBoolean("hasData"));
    assertTrue(doc.getBoolean("editable"));
    String chiTieu2 = doc.getString("blocks.find { it.key == 'group:I.-2' }.text");
    assertTrue(chiTieu2.startsWith("Chỉ tiêu 2 – nội dung 2.1: "), chiTieu2);
    assertTrue(chiTieu2.contains(sentence), chiTieu2 + "\n≠ " + sentence);
    // the table says the same
    Map<String, Object> row = doc.getMap("table.find { it.code == '2.1' && it.kind == 'item' }");
    assertEquals(vi(value, 0) + " hộ", row.get("achievedText"));
    assertEquals(vi(target, 0) + " hộ", row.get("targetText"));
    assertEquals(percent(ratio), row.get("ratioText"));

    List<String> chiTieu = doc.getList("blocks.findAll { it.key?.startsWith('group:I.-') }.text");
    assertEquals(8, chiTieu.size(), "a paragraph per chỉ tiêu");
    List<String> expected = new ArrayList<>(chiTieu);
    expected.addAll(
        List.of(
            "HỘI LHPN TỈNH THÁI NGUYÊN",
            "BAN THƯỜNG VỤ",
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: /BC-BTV",
            doc.getString("letterhead.dateLine"),
            "BÁO CÁO",
            doc.getString("subject"),
            "I. KẾT QUẢ ĐẠT ĐƯỢC",
            "II. TỒN TẠI, HẠN CHẾ",
            "Nơi nhận:",
            "TM. BAN THƯỜNG VỤ",
            "CHỦ TỊCH",
            doc.getString("blocks.find { it.key == 'reporting' }.text")));
    List<String> figures = doc.getList("table.findAll { it.kind == 'item' }.achievedText");

    byte[] docx =
        as("tinh.canbo")
            .get("/api/v1/summary-reports/docx" + query("19", "2025"))
            .then()
            .statusCode(200)
            .header("Content-Disposition", containsString("bao-cao-19-2025.docx"))
            .extract()
            .asByteArray();
    String word = docxText(docx);
    Files.write(PAGES.resolve("tinh-2025.docx"), docx);
    Files.writeString(PAGES.resolve("tinh-2025-docx.txt"), word);
    for (String s : expected) {
      assertTrue(word.contains(flat(s)), "the .docx lacks: " + s);
    }
    for (String f : figures) {
      assertTrue(word.contains(flat(f)), "the .docx table lacks " + f);
    }

    byte[] pdfBytes =
        as("tinh.canbo")
            .get("/api/v1/summary-reports/pdf" + query("19", "2025"))
            .then()
            .statusCode(200)
            .contentType("application/pdf")
            .extract()
            .asByteArray();
    try (PDDocument pdf = Loader.loadPDF(pdfBytes)) {
      String text = pdfText(pdf);
      Files.write(PAGES.resolve("tinh-2025.pdf"), pdfBytes);
      Files.writeString(PAGES.resolve("tinh-2025-pdf.txt"), text);
      for (String s : expected) {
        assertTrue(text.contains(flat(s)), "the PDF lacks: " + s);
      }
      for (String f : figures) {
        assertTrue(text.contains(flat(f)), "the PDF table lacks " + f);
      }
      PDPage first = pdf.getPage(0);
      assertEquals(595, Math.round(first.getMediaBox().getWidth()), "A4");
      List<String> fonts = new ArrayList<>();
      for (var name : first.getResources().getFontNames()) {
        PDFont font = first.getResources().getFont(name);
        fonts.add(font.getName());
        assertTrue(font.isEmbedded(), font.getName() + " is embedded");
      }
      assertTrue(fonts.stream().allMatch(n -> n.contains("LiberationSerif")), fonts.toString());
      // pages as images, for a person to look at
      PDFRenderer renderer = new PDFRenderer(pdf);
      for (int p = 0; p < pdf.getNumberOfPages(); p++) {
        BufferedImage image = renderer.renderImageWithDPI(p, 80);
        ImageIO.write(image, "png", PAGES.resolve("tinh-2025-page-" + (p + 1) + ".png").toFile());
      }
    }
  }

  @Inject jakarta.persistence.EntityManager em;

  /**
   * What no file can hold is refused when saved (#29): 5,000 line breaks in a paragraph, a code
   * point that is no character (U+FFFE); nothing saved. What was saved before these limits still
   * renders: without those characters, or, over the renderer's bound, as a clear 422 at once.
   */
  @Test
  void shouldRefuseParagraphsNoFileCanHoldAndRenderWhatWasSavedBefore() throws Exception {
    DemoPlan.ensure(demo);
    String district = "171"; // Đại Từ, huyen.daitu
    String url = "/api/v1/summary-reports" + query(district, "2025");
    JsonPath doc = report("huyen.daitu", district, "2025");
    String draft = doc.getString("blocks.find { it.key == 'group:I.-2' }.text");
    Map<String, Object> pages = Map.of("paragraphs", Map.of("group:I.-2", "Dòng\n".repeat(5_000)));
    Map<String, Object> noChar = Map.of("paragraphs", Map.of("group:I.-2", draft + " \uFFFE"));
    Map<String, Object> manyRecipients = Map.of("recipients", "- Nơi nhận\n".repeat(500));
    for (Map<String, Object> bad : List.of(pages, noChar, manyRecipients)) {
      as("huyen.daitu")
          .header("If-Match", "\"0\"")
          .contentType("application/json")
          .body(bad)
          .put(url)
          .then()
          .statusCode(400)
          .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"));
    }
    as("huyen.daitu").get(url).then().statusCode(200).header("ETag", "\"0\"");

    // saved before the limits: a U+FFFE and a control character in a paragraph
    as("huyen.daitu")
        .header("If-Match", "\"0\"")
        .contentType("application/json")
        .body(Map.of("paragraphs", Map.of("group:I.-2", draft + " Đã sửa.")))
        .put(url)
        .then()
        .statusCode(200);
    String legacy = draft + " Đã\uFFFE sửa\u0007 trước.";
    storeParagraph(district, legacy);
    try (PDDocument pdf =
        Loader.loadPDF(
            as("huyen.daitu")
                .get(url.replace("summary-reports", "summary-reports/pdf"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray())) {
      assertTrue(pdfText(pdf).contains(flat(draft + " Đã sửa trước.")), pdfText(pdf));
    }
    as("huyen.daitu")
        .get(url.replace("summary-reports", "summary-reports/docx"))
        .then()
        .statusCode(200);

    // and one over the renderer's bound is refused before anything is laid out
    storeParagraph(district, "Dòng\n".repeat(vn.lhpn.kehoach.summary.render.Renders.MAX_LINES + 1));
    for (String kind : List.of("pdf", "docx")) {
      as("huyen.daitu")
          .get(url.replace("summary-reports", "summary-reports/" + kind))
          .then()
          .statusCode(422)
          .contentType(org.hamcrest.Matchers.startsWith("application/problem+json"))
          .body("detail", containsString("quá dài"));
    }
  }

  /** A paragraph written straight into the database, as one saved before #29's limits. */
  void storeParagraph(String unit, String text) {
    io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE summary_report SET paragraphs = jsonb_build_object('group:I.-2', ?1)"
                            + " WHERE unit_code = ?2 AND period = '2025'")
                    .setParameter(1, text)
                    .setParameter(2, unit)
                    .executeUpdate());
  }

  @Test
  void shouldKeepTheUnitsEditsWithHistoryAndRefuseStaleOrForeignOnes() throws Exception {
    DemoPlan.ensure(demo);
    String district = "173"; // Phú Bình, huyen.phobinh
    var first =
        as("huyen.phobinh")
            .get("/api/v1/summary-reports" + query(district, "2024"))
            .then()
            .statusCode(200)
            .header("ETag", "\"0\"")
            .extract();
    JsonPath doc = first.jsonPath();
    assertEquals("HỘI LHPN HUYỆN PHÚ BÌNH", doc.getString("letterhead.union"));
    assertTrue(doc.getString("recipients").contains("Ban Thường vụ Hội LHPN Tỉnh Thái Nguyên"));
    String draft = doc.getString("blocks.find { it.key == 'group:I.-2' }.text");
    String mine = draft + " Huyện đã tổ chức 3 hội nghị chuyên đề về giảm nghèo.";
    Map<String, Object> edit = new HashMap<>();
    edit.put("number", "15");
    edit.put("signerName", "Nguyễn Thị Hoa");
    edit.put("paragraphs", Map.of("group:I.-2", mine, "shortcomings", "Nguồn vốn còn hạn chế."));

    // no If-Match: 428; nothing saved
    as("huyen.phobinh")
        .contentType("application/json")
        .body(edit)
        .put("/api/v1/summary-reports" + query(district, "2024"))
        .then()
        .statusCode(428);
    // the province reads it but cannot change it
    JsonPath fromAbove = report("tinh.canbo", district, "2024");
    assertFalse(fromAbove.getBoolean("editable"));
    as("tinh.canbo")
        .header("If-Match", "\"0\"")
        .contentType("application/json")
        .body(edit)
        .put("/api/v1/summary-reports" + query(district, "2024"))
        .then()
        .statusCode(403);
    // a paragraph the report does not have
    as("huyen.phobinh")
        .header("If-Match", "\"0\"")
        .contentType("application/json")
        .body(Map.of("paragraphs", Map.of("group:IX-1", "x")))
        .put("/api/v1/summary-reports" + query(district, "2024"))
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("paragraphs.group:IX-1"));

    JsonPath saved =
        as("huyen.phobinh")
            .header("If-Match", "\"0\"")
            .contentType("application/json")
            .body(edit)
            .put("/api/v1/summary-reports" + query(district, "2024"))
            .then()
            .statusCode(200)
            .header("ETag", "\"1\"")
            .extract()
            .jsonPath();
    assertEquals(mine, saved.getString("blocks.find { it.key == 'group:I.-2' }.text"));
    assertTrue(saved.getBoolean("blocks.find { it.key == 'group:I.-2' }.edited"));
    assertEquals(draft, saved.getString("blocks.find { it.key == 'group:I.-2' }.draft"));
    assertEquals("Số: 15/BC-BTV", "Số: " + saved.getString("letterhead.number") + "/BC-BTV");
    assertEquals("huyen.phobinh", saved.getString("updatedBy"));

    // a second writer holding the old ETag does not overwrite it
    as("huyen.phobinh")
        .header("If-Match", "\"0\"")
        .contentType("application/json")
        .body(Map.of("number", "99"))
        .put("/api/v1/summary-reports" + query(district, "2024"))
        .then()
        .statusCode(412);

    String word =
        docxText(
            as("huyen.phobinh")
                .get("/api/v1/summary-reports/docx" + query(district, "2024"))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
    assertTrue(word.contains(flat(mine)));
    assertTrue(word.contains("Số: 15/BC-BTV"));
    assertTrue(word.contains("Nguyễn Thị Hoa"));
    assertTrue(word.contains("Nguồn vốn còn hạn chế."));

    JsonPath history =
        as("tinh.canbo")
            .get("/api/v1/summary-reports/history" + query(district, "2024"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(1, history.getList("$").size());
    assertEquals("huyen.phobinh", history.getString("[0].changedBy"));
    assertEquals(1, history.getInt("[0].version"));
    assertEquals(
        mine, history.getString("[0].changes.find { it.part == 'paragraph:group:I.-2' }.after"));
    assertEquals(
        null, history.getString("[0].changes.find { it.part == 'paragraph:group:I.-2' }.before"));

    // back to the draft: the paragraph follows the figures again
    JsonPath back =
        as("huyen.phobinh")
            .header("If-Match", "\"1\"")
            .contentType("application/json")
            .body(Map.of("number", "15", "paragraphs", Map.of("group:I.-2", draft)))
            .put("/api/v1/summary-reports" + query(district, "2024"))
            .then()
            .statusCode(200)
            .header("ETag", "\"2\"")
            .extract()
            .jsonPath();
    assertFalse(back.getBoolean("blocks.find { it.key == 'group:I.-2' }.edited"));
    assertEquals("", back.getString("signerName"));

    // out of scope: a sibling district, a unit above, an integration account
    as("huyen.daitu")
        .get("/api/v1/summary-reports" + query(district, "2024"))
        .then()
        .statusCode(404);
    as("huyen.phobinh").get("/api/v1/summary-reports" + query("19", "2024")).then().statusCode(404);
    given()
        .auth()
        .oauth2(Tokens.integration())
        .get("/api/v1/summary-reports" + query("19", "2024"))
        .then()
        .statusCode(403);
  }

  @Test
  void shouldReadTheFirstHalfFromTheHalfYearReports() throws Exception {
    DemoPlan.ensure(demo);
    BigDecimal sum = BigDecimal.ZERO;
    for (int page = 0; ; page++) {
      JsonPath list =
          as("tinh.canbo")
              .get(
                  "/api/v1/submissions?plan="
                      + PLAN
                      + "&period=2025-H1&state=approved&withValues=true&size=200&page="
                      + page)
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<Map<String, Object>> items = list.getList("items");
      for (Map<String, Object> s : items) {
        for (Object v : (List<?>) s.get("values")) {
          Map<?, ?> value = (Map<?, ?>) v;
          if ("I-2.1".equals(value.get("item")) && value.get("number") != null) {
            sum = sum.add(new BigDecimal(value.get("number").toString()));
          }
        }
      }
      if (items.size() < 200) {
        break;
      }
    }
    JsonPath doc = report("tinh.canbo", "19", "2025-H1");
    assertEquals(
        "Sơ kết 6 tháng đầu năm 2025 thực hiện Kế hoạch hoạt động toàn khóa nhiệm kỳ 2021 - 2026",
        doc.getString("subject"));
    assertEquals(
        0,
        sum.compareTo(
            new BigDecimal(
                doc.getString("table.find { it.code == '2.1' && it.kind == 'item' }.achieved"))));
    assertTrue(
        doc.getString("blocks.find { it.key == 'group:I.-2' }.text")
            .contains("toàn tỉnh đạt " + vi(sum, 0) + " hộ, bằng "));
  }

  @Test
  void shouldSayWhenAPeriodHasNoApprovedFigures() throws Exception {
    // the seed plan, a commune, a half-year no test reports on
    JsonPath doc =
        as("xa.hungson")
            .get("/api/v1/summary-reports?plan=11-KH-BCH&period=2024-H1")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertFalse(doc.getBoolean("hasData"));
    assertTrue(
        doc.getString("blocks.find { it.key == 'no-data' }.text")
            .startsWith("Chưa có số liệu nào được duyệt cho 6 tháng đầu năm 2024"));
    assertEquals("BAN CHẤP HÀNH", doc.getString("letterhead.issuer"));
    assertTrue(doc.getList("table.findAll { it.kind == 'item' }").size() > 50, "rows still listed");
    assertTrue(
        List.of("no-data", "no-target")
            .containsAll(doc.getList("table.findAll { it.kind == 'item' }.verdict")));
    byte[] pdf =
        as("xa.hungson")
            .get("/api/v1/summary-reports/pdf?plan=11-KH-BCH&period=2024-H1")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    try (PDDocument d = Loader.loadPDF(pdf)) {
      assertTrue(pdfText(d).contains("Chưa có số liệu nào được duyệt cho 6 tháng đầu năm 2024"));
      ImageIO.write(
          new PDFRenderer(d).renderImageWithDPI(0, 80),
          "png",
          PAGES.resolve("xa-hungson-2024-H1-page-1.png").toFile());
    }
    // periods outside the plan, or not a period at all
    as("xa.hungson")
        .get("/api/v1/summary-reports?plan=11-KH-BCH&period=2030")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("period"));
    as("xa.hungson")
        .get("/api/v1/summary-reports?plan=11-KH-BCH&period=2025-H3")
        .then()
        .statusCode(400);
  }
}
