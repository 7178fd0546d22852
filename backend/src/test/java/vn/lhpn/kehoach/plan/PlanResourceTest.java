package vn.lhpn.kehoach.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.common.Uploads;
import vn.lhpn.kehoach.support.Tokens;

@QuarkusTest
class PlanResourceTest {
  static final String PLAN = "/api/v1/plans/11-KH-BCH";
  static final String PLANNER = "tinh.canbo";

  static byte[] seed() throws Exception {
    try (InputStream in =
        PlanResourceTest.class
            .getClassLoader()
            .getResourceAsStream("seed/plans/ke-hoach-toan-khoa-2021-2026.txt")) {
      return in.readAllBytes();
    }
  }

  static ValidatableResponse upload(String user, byte[] bytes, String name, boolean dryRun) {
    return given()
        .auth()
        .oauth2(Tokens.of(user))
        .multiPart("file", name, bytes)
        .queryParam("dryRun", dryRun)
        .post("/api/v1/plans/imports")
        .then();
  }

  /**
   * A multipart upload of {@code size} bytes with its length declared and Expect: 100-continue,
   * through the JDK's client (it waits for the server's go-ahead before sending the body).
   */
  static HttpResponse<String> hugeUpload(int size) throws Exception {
    String boundary = "kehoach-" + size;
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rac.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] tail =
        ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + size + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(tail, 0, body, head.length + size, tail.length);
    HttpRequest request =
        HttpRequest.newBuilder(
                java.net.URI.create(
                    "http://localhost:"
                        + io.restassured.RestAssured.port
                        + "/api/v1/plans/imports"))
            .expectContinue(true)
            .header("Authorization", "Bearer " + Tokens.of(PLANNER))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(request, HttpResponse.BodyHandlers.ofString());
  }

  static String treeJson() {
    return given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .get(PLAN + "/items/tree")
        .then()
        .statusCode(200)
        .extract()
        .asString();
  }

  static byte[] export() {
    return given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .get(PLAN + "/export")
        .then()
        .statusCode(200)
        .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("Content-Disposition", containsString("ke-hoach-11-KH-BCH.xlsx"))
        .extract()
        .asByteArray();
  }

  /** The seeded plan in the list, whatever other plans tests imported beside it. */
  static final String SEEDED = "items.find { it.code == '11-KH-BCH' }";

  @Test
  void shouldSeedThePlanAtFirstStartForEveryoneToRead() {
    for (String user : List.of(PLANNER, "xa.hungson", "huyen.phobinh")) {
      given()
          .auth()
          .oauth2(Tokens.of(user))
          .get("/api/v1/plans")
          .then()
          .statusCode(200)
          .body("items.code", hasItem("11-KH-BCH")) // other tests import plans of their own
          .body(SEEDED + ".number", equalTo("11/KH-BCH"))
          .body(SEEDED + ".issuedOn", equalTo("2021-12-31"))
          .body(SEEDED + ".years", contains(2022, 2023, 2024, 2025, 2026))
          .body(SEEDED + ".counts.sections", equalTo(2))
          .body(SEEDED + ".counts.groups", equalTo(22))
          .body(SEEDED + ".counts.leaves", equalTo(88))
          .body(SEEDED + ".counts.breakdowns", equalTo(8));
    }
  }

  @Test
  void shouldGiveTheTreeAsTheUnionKnowsIt() {
    given()
        .auth()
        .oauth2(Tokens.of("xa.hungson"))
        .get(PLAN + "/items/tree")
        .then()
        .statusCode(200)
        .body("key", contains("I", "II"))
        .body("[0].children", hasSize(8))
        .body("[0].children[1].title", startsWith("Chỉ tiêu 2:"))
        .body("[0].children[1].children.key", contains("I-2.1", "I-2.2", "I-2.3"))
        .body("[1].children", hasSize(3))
        .body("[1].children[0].children.key", contains("II-1.1", "II-1.2", "II-1.3", "II-1.4"))
        // a leaf has no children field at all
        .body("[0].children[0].children[0].key", equalTo("I-1.1"))
        .body(
            "[0].children[0].children[0]",
            org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("children")));
  }

  @Test
  void shouldGiveOneItemWithItsYearlyLevels() {
    given()
        .auth()
        .oauth2(Tokens.of("xa.hungson"))
        .get(PLAN + "/items/I-4.1")
        .then()
        .statusCode(200)
        .header("ETag", startsWith("\""))
        .body("years.raw", contains("2.500", "2.500", "2.500", "2.500", "2.500"))
        .body("years.value", everyItem(equalTo(2500)))
        .body("departments.code", contains("GĐXH-KT"))
        .body("lead", equalTo("Ban GĐXH- KT"))
        .body("implementingLevels", contains(1, 2, 3))
        .body("measure.type", equalTo("count"))
        .body("measure.unit", equalTo("hộ"));
    given()
        .auth()
        .oauth2(Tokens.of("xa.hungson"))
        .get(PLAN + "/items/I-5.3")
        .then()
        .body("years.raw", contains("1%", "0.5%", "0.5%", "0.5%", "0.5%"))
        .body("years.kind", everyItem(equalTo("percent")));
  }

  @Test
  void shouldFilterItems() {
    var leaves =
        given()
            .auth()
            .oauth2(Tokens.of(PLANNER))
            .get(PLAN + "/items?kind=leaf&size=200")
            .then()
            .statusCode(200);
    leaves.body("totalItems", equalTo(88)).body("items.kind", everyItem(equalTo("leaf")));
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .get(PLAN + "/items?department=XDTCH&size=200")
        .then()
        .body("items.departments.code.flatten()", everyItem(equalTo("XDTCH")))
        .body("items.key", hasItem("I-5.1"));
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .get(PLAN + "/items?kind=leaf&level=2&size=200")
        .then()
        .body("items.implementingLevels.flatten()", hasItem(2))
        .body("items.key", hasItem("I-7.2"));
    List<String> only2025 =
        given()
            .auth()
            .oauth2(Tokens.of(PLANNER))
            .get(PLAN + "/items?kind=leaf&year=2025&size=200")
            .then()
            .extract()
            .path("items.key");
    org.hamcrest.MatcherAssert.assertThat(only2025, hasItem("II-1.1.4"));
    org.hamcrest.MatcherAssert.assertThat(only2025, org.hamcrest.Matchers.not(hasItem("I-8.4")));
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .get(PLAN + "/items?q=gia dinh 5 khong 3 sach&kind=leaf")
        .then()
        .body("items.key", hasItem("I-4.1"));
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .get(PLAN + "/items/tree?department=VP")
        .then()
        .body("key", contains("II"))
        .body("[0].children.key", contains("II-1", "II-3"));
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .get(PLAN + "/items?kind=chapter")
        .then()
        .statusCode(400)
        .body("errors.field", contains("kind"));
  }

  @Test
  void shouldLetTheProvincePlannerCorrectAMeasureOnlyWithTheCurrentEtag() {
    String etag =
        given()
            .auth()
            .oauth2(Tokens.of(PLANNER))
            .get(PLAN + "/items/I-2.2")
            .then()
            .extract()
            .header("ETag");
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body("{\"type\":\"count\",\"unit\":\"nữ chủ doanh nghiệp\"}")
        .patch(PLAN + "/items/I-2.2")
        .then()
        .statusCode(200)
        .body("measure.unit", equalTo("nữ chủ doanh nghiệp"))
        .body("measure.guessed", equalTo(false));
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body("{\"type\":\"count\",\"unit\":\"người\"}")
        .patch(PLAN + "/items/I-2.2")
        .then()
        .statusCode(412)
        .contentType("application/problem+json");
    // A re-import of the text file (which only guesses) keeps the planner's correction.
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .get(PLAN + "/items/I-2.2")
        .then()
        .body("measure.unit", equalTo("nữ chủ doanh nghiệp"));
  }

  @Test
  void shouldRefuseMeasureChangesFromAnyoneButTheProvincePlanner() {
    for (String user : List.of("huyen.daitu", "tinh.lanhdao", "xa.hungson")) {
      String etag =
          given()
              .auth()
              .oauth2(Tokens.of(user))
              .get(PLAN + "/items/I-2.3")
              .then()
              .extract()
              .header("ETag");
      given()
          .auth()
          .oauth2(Tokens.of(user))
          .header("If-Match", etag)
          .contentType(ContentType.JSON)
          .body("{\"type\":\"activity\"}")
          .patch(PLAN + "/items/I-2.3")
          .then()
          .statusCode(403)
          .contentType("application/problem+json");
    }
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .get(PLAN + "/items/I-2.3")
        .then()
        .body("measure.type", equalTo("count"));
  }

  @Test
  void shouldChangeNothingWhenTheSeedIsImportedAgain() throws Exception {
    upload(PLANNER, seed(), "ke-hoach.txt", true)
        .statusCode(200)
        .body("dryRun", equalTo(true))
        .body("outcome", equalTo("unchanged"))
        .body("changes.unchanged", equalTo(120))
        .body("warnings.message", hasItem(containsString("II-2.2.1~2")));
    upload(PLANNER, seed(), "ke-hoach.txt", false)
        .statusCode(200)
        .body("outcome", equalTo("unchanged"));
  }

  /**
   * What the importer noticed is written in the caller's language (docs/adr/0018), with its code
   * and values beside it; a caller naming no language reads both, as before.
   */
  @Test
  void shouldSayWhatTheImporterNoticedInTheCallersLanguage() throws Exception {
    for (String language : List.of("en", "vi-VN,vi;q=0.9")) {
      boolean en = language.equals("en");
      given()
          .auth()
          .oauth2(Tokens.of(PLANNER))
          .header("Accept-Language", language)
          .multiPart("file", "ke-hoach.txt", seed())
          .queryParam("dryRun", true)
          .post("/api/v1/plans/imports")
          .then()
          .statusCode(200)
          .header("Vary", containsString("Accept-Language"))
          .header("Content-Language", equalTo(en ? "en" : "vi"))
          .body(
              "warnings.find { it.messageCode == 'plan-import.duplicate-code' }.message",
              en
                  ? allOf(startsWith("Duplicate code 2.2.1"), containsString("II-2.2.1~2"))
                  : allOf(startsWith("Mã 2.2.1 trùng"), containsString("II-2.2.1~2")))
          .body(
              "warnings.find { it.messageCode == 'plan-import.duplicate-code' }.messageParams.key",
              equalTo("II-2.2.1~2"))
          .body("warnings.message", everyItem(not(containsString(" / "))))
          .body(
              "warnings.message",
              en ? everyItem(not(containsString("Mã "))) : hasItem(containsString("Tên ban")));
    }
    upload(PLANNER, seed(), "ke-hoach.txt", true)
        .statusCode(200)
        .body(
            "warnings.find { it.messageCode == 'plan-import.duplicate-code' }.message",
            allOf(startsWith("Mã 2.2.1"), containsString(" / Duplicate code 2.2.1")));
  }

  @Test
  void shouldRoundTripThePlanThroughXlsx() throws Exception {
    String before = treeJson();
    byte[] xlsx = export();
    upload(PLANNER, xlsx, "ke-hoach.xlsx", true)
        .statusCode(200)
        .body("outcome", equalTo("unchanged"))
        .body("changes.unchanged", equalTo(120))
        .body("changes.updated", equalTo(0));
    upload(PLANNER, xlsx, "ke-hoach.xlsx", false)
        .statusCode(200)
        .body("outcome", equalTo("unchanged"));
    assertEquals(before, treeJson());
  }

  @Test
  void shouldApplyAnEditMadeInExcelAndReportIt() throws Exception {
    byte[] edited = editCell(export(), "I-4.1", 2, "2.600");
    upload(PLANNER, edited, "sua.xlsx", true).statusCode(200).body("changes.updated", equalTo(1));
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .get(PLAN + "/items/I-4.1")
        .then()
        .body("years[0].raw", equalTo("2.500"));
    upload(PLANNER, edited, "sua.xlsx", false)
        .statusCode(200)
        .body("outcome", equalTo("updated"))
        .body("changes.updated", equalTo(1));
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .get(PLAN + "/items/I-4.1")
        .then()
        .body("years[0].raw", equalTo("2.600"))
        .body("years[0].value", equalTo(2600));
    upload(PLANNER, seed(), "ke-hoach.txt", false)
        .statusCode(200)
        .body("changes.updated", equalTo(1));
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .get(PLAN + "/items/I-4.1")
        .then()
        .body("years[0].raw", equalTo("2.500"));
  }

  @Test
  void shouldRefuseImportsFromAnyoneButAProvincePlanner() throws Exception {
    upload("huyen.daitu", seed(), "ke-hoach.txt", true)
        .statusCode(403)
        .contentType("application/problem+json");
    upload("tinh.lanhdao", seed(), "ke-hoach.txt", true).statusCode(403);
  }

  @Test
  void shouldRefuseBadFilesAndChangeNothing() throws Exception {
    String before = treeJson();
    upload(
            PLANNER,
            "Đây không phải kế hoạch.\nChỉ là văn bản.".getBytes(StandardCharsets.UTF_8),
            "note.txt",
            false)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:kehoach:problem:invalid-file"))
        .body("detail", containsString("No plan table found"));

    String text = new String(seed(), StandardCharsets.UTF_8);
    int cut = text.indexOf("Ban GĐXH- KT\tCác huyện/thành/thị");
    upload(PLANNER, text.substring(0, cut).getBytes(StandardCharsets.UTF_8), "cut.txt", false)
        .statusCode(422)
        .body("detail", containsString("truncated"))
        .body("errors[0].field", equalTo("file:36"));

    byte[] noKind = renameHeader(export(), "Loại (section/group/leaf/breakdown)", "Ghi chú");
    upload(PLANNER, noKind, "cot.xlsx", false)
        .statusCode(422)
        .body("detail", containsString("Missing columns"))
        .body("detail", containsString("Loại"));

    byte[] zipJunk = new byte[4096];
    new Random(7).nextBytes(zipJunk);
    zipJunk[0] = 'P';
    zipJunk[1] = 'K';
    zipJunk[2] = 3;
    zipJunk[3] = 4;
    upload(PLANNER, zipJunk, "hong.xlsx", false)
        .statusCode(422)
        .body("detail", containsString("Cannot open the .xlsx"));

    byte[] binary = new byte[2048];
    new Random(3).nextBytes(binary);
    upload(PLANNER, binary, "rac.bin", false)
        .statusCode(422)
        .body("type", equalTo("urn:kehoach:problem:invalid-file"));

    // over the file limit but under the HTTP one: the upload's own check says so
    byte[] large = new byte[(int) Uploads.MAX_BYTES + 1024];
    new Random(11).nextBytes(large);
    upload(PLANNER, large, "rac.txt", false)
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:kehoach:problem:payload-too-large"));
    // 20 MB: refused from its declared length, before its body is sent (#29); a client that
    // asks first (Expect: 100-continue) reads the 413 and never sends the 20 MB
    HttpResponse<String> huge = hugeUpload(20 * 1024 * 1024);
    assertEquals(413, huge.statusCode(), huge.body());

    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .contentType("multipart/form-data")
        .multiPart("other", "x")
        .post("/api/v1/plans/imports")
        .then()
        .statusCode(400)
        .body("errors.field", contains("file"));

    assertEquals(before, treeJson());
  }

  static byte[] editCell(byte[] xlsx, String key, int column, String value) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.getSheet("Kế hoạch");
      int keyColumn = sheet.getRow(4).getLastCellNum() - 1;
      for (Row row : sheet) {
        if (row.getCell(keyColumn) != null
            && key.equals(row.getCell(keyColumn).getStringCellValue())) {
          row.getCell(column).setCellValue(value);
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  static byte[] renameHeader(byte[] xlsx, String from, String to) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (var cell : wb.getSheet("Kế hoạch").getRow(4)) {
        if (from.equals(cell.getStringCellValue())) {
          cell.setCellValue(to);
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }
}
