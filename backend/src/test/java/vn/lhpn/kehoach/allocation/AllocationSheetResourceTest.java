package vn.lhpn.kehoach.allocation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.Tokens;

/** Download the allocation sheet, fill it in "Excel", upload it back: dry run first. */
@QuarkusTest
class AllocationSheetResourceTest {
  static final String PROVINCE = "tinh.canbo";
  static final String COLUMN =
      "/api/v1/targets/allocation?plan=11-KH-BCH&item=I-2.1&year=2022&parent=19";

  static byte[] download(String user) {
    return given()
        .auth()
        .oauth2(Tokens.of(user))
        .get("/api/v1/targets/sheet?plan=11-KH-BCH&year=2022&parent=19")
        .then()
        .statusCode(200)
        .header("Content-Disposition", containsString("giao-chi-tieu-19-2022.xlsx"))
        .extract()
        .asByteArray();
  }

  static ValidatableResponse upload(String user, byte[] bytes, boolean dryRun) {
    return given()
        .auth()
        .oauth2(Tokens.of(user))
        .multiPart("file", "giao.xlsx", bytes)
        .queryParam("dryRun", dryRun)
        .post("/api/v1/targets/sheet")
        .then();
  }

  /** Edits the row of an item: the consumer gets the row and the unit codes' column numbers. */
  static byte[] edit(byte[] xlsx, String key, Consumer<Map.Entry<Row, Map<String, Integer>>> change)
      throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = wb.getSheet("Giao chỉ tiêu");
      Row codes = sheet.getRow(4);
      Map<String, Integer> columns = new java.util.LinkedHashMap<>();
      for (int c = 6; c < codes.getLastCellNum(); c++) {
        columns.put(codes.getCell(c).getStringCellValue(), c);
      }
      for (Row row : sheet) {
        if (row.getRowNum() >= 5
            && row.getCell(0) != null
            && key.equals(row.getCell(0).getStringCellValue())) {
          change.accept(Map.entry(row, columns));
        }
      }
      wb.write(out);
      return out.toByteArray();
    }
  }

  @Test
  void shouldRoundTripAFilledSheetAfterADryRun() throws Exception {
    byte[] sheet = download(PROVINCE);
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(sheet))) {
      Row codes = wb.getSheet("Giao chỉ tiêu").getRow(4);
      assertEquals(6 + 11, codes.getLastCellNum());
      assertEquals("164", codes.getCell(6).getStringCellValue());
    }
    // Unchanged, the sheet changes nothing.
    upload(PROVINCE, sheet, true).statusCode(200).body("targetsSet", equalTo(0));

    byte[] filled =
        edit(
            sheet,
            "I-2.1",
            e ->
                e.getValue()
                    .forEach(
                        (unit, c) ->
                            e.getKey()
                                .createCell(c)
                                .setCellValue(unit.startsWith("DVTT") ? 25 : 50)));
    upload(PROVINCE, filled, true).statusCode(200).body("targetsSet", equalTo(11));
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .get(COLUMN)
        .then()
        .body("status", equalTo("unallocated"));

    upload(PROVINCE, filled, false).statusCode(200).body("targetsSet", equalTo(11));
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .get(COLUMN)
        .then()
        .body("sum", equalTo(500))
        .body("status", equalTo("exact"))
        .body("rows.method", hasItem("sheet"));
    // The same file again: the rows now carry an old version, but nothing differs, so nothing is
    // refused.
    upload(PROVINCE, filled, false).statusCode(200).body("targetsSet", equalTo(0));
  }

  @Test
  void shouldRefuseABadSheetNamingRowAndUnitAndSaveNothing() throws Exception {
    byte[] sheet = download(PROVINCE);
    byte[] bad =
        edit(
            sheet,
            "I-2.2",
            e -> {
              e.getKey().createCell(e.getValue().get("164")).setCellValue("nhiều");
              e.getKey().createCell(e.getValue().get("165")).setCellValue(-3);
            });
    bad =
        edit(bad, "I-1.2", e -> e.getKey().createCell(e.getValue().get("171")).setCellValue("có"));
    upload(PROVINCE, bad, false)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem(containsString(", 164")))
        .body("errors.field", hasItem(containsString(", 165")))
        .body("errors.field", hasItem(containsString(", 171")))
        .body("errors.message", hasItem(containsString("not a number")))
        .body("errors.message", hasItem(containsString("negative")));
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .get("/api/v1/targets/allocation?plan=11-KH-BCH&item=I-2.2&year=2022&parent=19")
        .then()
        .body("status", equalTo("unallocated"));
  }

  @Test
  void shouldRefuseRowsChangedInTheSystemSinceDownload() throws Exception {
    byte[] sheet = download(PROVINCE);
    String etag =
        given()
            .auth()
            .oauth2(Tokens.of(PROVINCE))
            .get("/api/v1/targets/allocation?plan=11-KH-BCH&item=I-7.2&year=2022&parent=19")
            .then()
            .extract()
            .header("ETag");
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .header("If-Match", etag)
        .contentType(ContentType.JSON)
        .body(Map.of("rows", List.of(Map.of("unitCode", "164", "value", 1))))
        .put("/api/v1/targets/allocation?plan=11-KH-BCH&item=I-7.2&year=2022&parent=19")
        .then()
        .statusCode(200);
    byte[] stale =
        edit(sheet, "I-7.2", e -> e.getKey().createCell(e.getValue().get("164")).setCellValue(2));
    upload(PROVINCE, stale, false)
        .statusCode(422)
        .body("errors[0].message", containsString("since the sheet was downloaded"));
    given()
        .auth()
        .oauth2(Tokens.of(PROVINCE))
        .get("/api/v1/targets/allocation?plan=11-KH-BCH&item=I-7.2&year=2022&parent=19")
        .then()
        .body("rows.find { it.unit.code == '164' }.value", equalTo(1));
  }

  @Test
  void shouldRefuseSheetsFromOthersAndFilesThatAreNotSheets() throws Exception {
    byte[] sheet = download(PROVINCE);
    upload("huyen.daitu", sheet, true).statusCode(404).contentType("application/problem+json");
    upload("tinh.lanhdao", sheet, true).statusCode(403);
    byte[] plan =
        given()
            .auth()
            .oauth2(Tokens.of(PROVINCE))
            .get("/api/v1/plans/11-KH-BCH/export")
            .then()
            .extract()
            .asByteArray();
    upload(PROVINCE, plan, true)
        .statusCode(422)
        .body("detail", containsString("Not an allocation sheet"));
    upload(PROVINCE, "not a spreadsheet".getBytes(), true)
        .statusCode(422)
        .body("detail", containsString("Cannot open"));
  }
}
