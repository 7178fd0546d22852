package vn.lhpn.kehoach.orgunit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.Tokens;

/**
 * An admin of the province loads a change of the map: the real GSO lineage of 01/12/2024 in a dry
 * run, the 2025 reform refused before it (a set applies in date order), broken files and other
 * callers refused with nothing changed, and a change applied for real on its date with its history.
 * Sets that would move the shared test data's map (closing districts other tests read) are planned
 * here, not applied; ChangeSetPlannerTest applies them all to the real files.
 */
@QuarkusTest
class OrgUnitChangeSetTest {
  private static final String PATH = "/api/v1/org-unit-change-sets";
  private static final String ADMIN = "admin";

  private static byte[] seed(String file) {
    try (InputStream in =
        OrgUnitChangeSetTest.class.getClassLoader().getResourceAsStream("seed/org-units/" + file)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ValidatableResponse load(
      String user, byte[] lineage, byte[] units, String effectiveDate, boolean dryRun) {
    var request =
        given().auth().oauth2(Tokens.of(user)).multiPart("lineage", "lineage.csv", lineage);
    if (units != null) {
      request = request.multiPart("units", "units.csv", units);
    }
    if (effectiveDate != null) {
      request = request.queryParam("effectiveDate", effectiveDate);
    }
    return request.queryParam("dryRun", dryRun).post(PATH).then();
  }

  private static String fingerprint() {
    return given()
            .auth()
            .oauth2(Tokens.of("tinh.canbo"))
            .get("/api/v1/org-units?size=1&validOn=2026-06-30")
            .then()
            .statusCode(200)
            .extract()
            .path("totalItems")
            .toString()
        + "/"
        + given()
            .auth()
            .oauth2(Tokens.of(ADMIN))
            .get(PATH)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("id")
            .size();
  }

  @Test
  void shouldDryRunTheMergersOfDecember2024FromTheGsoLineage() {
    load(ADMIN, seed("thai-nguyen-unit-changes.csv"), null, "2024-12-01", true)
        .statusCode(200)
        .body("dryRun", equalTo(true))
        .body("applicable", equalTo(true))
        .body("effectiveDate", equalTo("2024-12-01"))
        .body("counts.closed", equalTo(5))
        .body("counts.lineage", equalTo(10))
        .body("counts.unitsByLevel", equalTo(java.util.List.of(1, 11, 172)))
        .body(
            "steps.findAll { it.what.contains('close') }.code",
            containsInAnyOrder("05536", "05608", "05704", "05782", "05839"))
        // Thị trấn Giang Tiên: Xã Phấn Mễ's code goes on as a thị trấn
        .body("steps.find { it.code == '05644' }.what", hasItems("rename", "reclassify"))
        .body("steps.find { it.code == '05644' }.after.type", equalTo("township"))
        .body(
            "lineage.findAll { !it.confirmed }.oldCode",
            containsInAnyOrder("05704", "05707", "05782", "05779"))
        .body("lineage.onSystem", everyItem(equalTo(true)))
        .body("outside", hasSize(0))
        .body("problems", hasSize(0));
  }

  /**
   * The lineage as an .xlsx (GSO also publishes workbooks): the first sheet, dates as date cells,
   * codes as text; {@code numericCode} writes the first old code as a number instead.
   */
  private static byte[] workbook(byte[] csv, boolean numericCode) {
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
        var out = new java.io.ByteArrayOutputStream()) {
      var sheet = wb.createSheet("Danh sách");
      var dates = wb.createCellStyle();
      dates.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
      String[] lines = new String(csv, StandardCharsets.UTF_8).split("\\R");
      for (int r = 0; r < lines.length; r++) {
        String[] fields = lines[r].split(",", -1);
        var row = sheet.createRow(r);
        for (int c = 0; c < fields.length; c++) {
          var cell = row.createCell(c);
          if (r > 0 && c == 0) {
            cell.setCellValue(java.time.LocalDate.parse(fields[c]));
            cell.setCellStyle(dates);
          } else if (r == 1 && c == 1 && numericCode) {
            cell.setCellValue(Double.parseDouble(fields[c]));
          } else {
            cell.setCellValue(fields[c]);
          }
        }
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void shouldReadTheSameLineageFromAWorkbook() {
    byte[] csv = seed("thai-nguyen-unit-changes.csv");
    load(ADMIN, workbook(csv, false), null, "2024-12-01", true)
        .statusCode(200)
        .body("applicable", equalTo(true))
        .body("counts.closed", equalTo(5))
        .body("counts.lineage", equalTo(10))
        .body("counts.unitsByLevel", equalTo(java.util.List.of(1, 11, 172)))
        .body("lineage.findAll { !it.confirmed }.oldCode", hasSize(4));
    // a code typed as a number has lost its leading zero: refused, naming the cell
    load(ADMIN, workbook(csv, true), null, "2024-12-01", true)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("detail", containsString("B2"))
        .body("errors.field", hasItem("lineage"));
  }

  @Test
  void shouldRefuseThe2025ReformBeforeTheMergersOf2024() {
    // the 2025 rows start from the 9/172 map: five communes of 2024 would be left under districts
    // that no longer exist, so the dry run says what stops it and the apply changes nothing
    String before = fingerprint();
    load(
            ADMIN,
            seed("thai-nguyen-unit-changes.csv"),
            seed("thai-nguyen-units-2025.csv"),
            "2025-07-01",
            true)
        .statusCode(200)
        .body("applicable", equalTo(false))
        .body("problems.kind", everyItem(equalTo("no_parent")))
        .body("problems.code", containsInAnyOrder("05536", "05608", "05704", "05782", "05839"))
        // Bắc Kạn: its province, 8 districts and 108 communes were never on this system
        .body("outside", hasSize(117))
        .body("outside", hasItems("06", "058", "01957"))
        .body(
            "lineage.findAll { it.oldCode == '05461' }.newCode",
            containsInAnyOrder("05443", "05467"));
    load(
            ADMIN,
            seed("thai-nguyen-unit-changes.csv"),
            seed("thai-nguyen-units-2025.csv"),
            "2025-07-01",
            false)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("05536"));
    assertEquals(before, fingerprint());
  }

  @Test
  void shouldRefuseFilesAndCallersThatCannotChangeTheMap() {
    String before = fingerprint();
    byte[] lineage = seed("thai-nguyen-unit-changes.csv");
    // three dates in one file: which one?
    load(ADMIN, lineage, null, null, true)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("effectiveDate"));
    // not a lineage file
    load(ADMIN, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), null, null, true)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("errors.field", hasItem("lineage"));
    load(
            ADMIN,
            "effective_date,old_code,old_name,new_code,new_name,change\nxx,1,a,1,b,merge\n"
                .getBytes(StandardCharsets.UTF_8),
            null,
            null,
            true)
        .statusCode(422)
        .body("detail", containsString("xx"));
    // no file at all
    given()
        .auth()
        .oauth2(Tokens.of(ADMIN))
        .contentType("multipart/form-data")
        .multiPart("other", "x")
        .post(PATH)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("lineage"));
    // a planner of the province, and an admin of a district, may not change the map
    load("tinh.canbo", lineage, null, "2024-12-01", true).statusCode(403);
    load("admin.phobinh", lineage, null, "2024-12-01", true).statusCode(403);
    assertEquals(before, fingerprint());
  }

  @Test
  void shouldApplyAChangeOnItsDayWithItsHistoryAndOnlyOnce() {
    // a change no other test reads: the affiliated unit of the army renamed from 2027
    byte[] lineage =
        ("effective_date,old_code,old_name,new_code,new_name,change\n"
                + "2027-01-01,DVTT-QS,Hội Phụ nữ Quân sự tỉnh,DVTT-QS,"
                + "Hội Phụ nữ Bộ Chỉ huy Quân sự tỉnh,rename\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] units =
        "code,name,type,parent_code,level\nDVTT-QS,Hội Phụ nữ Bộ Chỉ huy Quân sự tỉnh,affiliated,19,2\n"
            .getBytes(StandardCharsets.UTF_8);
    String oldName =
        given()
            .auth()
            .oauth2(Tokens.of(ADMIN))
            .get("/api/v1/org-units/DVTT-QS?validOn=2026-12-31")
            .then()
            .statusCode(200)
            .extract()
            .path("unit.name");
    lineage =
        new String(lineage, StandardCharsets.UTF_8)
            .replace("Hội Phụ nữ Quân sự tỉnh", oldName)
            .getBytes(StandardCharsets.UTF_8);

    load(ADMIN, lineage, units, null, true)
        .statusCode(200)
        .body("steps", hasSize(1))
        .body("steps[0].what", equalTo(java.util.List.of("rename")));
    int id =
        load(ADMIN, lineage, units, null, false)
            .statusCode(201)
            .header("Location", containsString(PATH + "/"))
            .body("dryRun", equalTo(false))
            .body("counts.renamed", equalTo(1))
            .extract()
            .path("id");

    given()
        .auth()
        .oauth2(Tokens.of("tinh.canbo"))
        .get("/api/v1/org-units/DVTT-QS?validOn=2027-01-02")
        .then()
        .statusCode(200)
        .body("unit.name", equalTo("Hội Phụ nữ Bộ Chỉ huy Quân sự tỉnh"))
        .body("unit.validFrom", equalTo("2027-01-01"))
        .body("predecessors[0].change", equalTo("rename"))
        .body("predecessors[0].name", equalTo(oldName))
        .body("predecessors[0].unit.validTo", equalTo("2026-12-31"));
    given()
        .auth()
        .oauth2(Tokens.of("tinh.canbo"))
        .get("/api/v1/org-units/DVTT-QS?validOn=2026-12-31")
        .then()
        .statusCode(200)
        .body("unit.name", equalTo(oldName));
    given()
        .auth()
        .oauth2(Tokens.of(ADMIN))
        .get(PATH + "/" + id)
        .then()
        .statusCode(200)
        .body("appliedBy", equalTo(ADMIN))
        .body("effectiveDate", equalTo("2027-01-01"))
        .body("summary.renamed", equalTo(1));

    // the same set again finds its own change there, and one dated before it is refused:
    // sets apply in date order; nothing is changed either time
    load(ADMIN, lineage, units, null, false)
        .statusCode(422)
        .body("errors.field", hasItem("DVTT-QS"))
        .body("errors.message", hasItem(containsString("2027-01-01")));
    byte[] earlier =
        "code,name,type,parent_code,level\nDVTT-QS,Hội Phụ nữ Quân sự (tên khác),affiliated,19,2\n"
            .getBytes(StandardCharsets.UTF_8);
    load(
            ADMIN,
            "effective_date,old_code,old_name,new_code,new_name,change\n"
                .getBytes(StandardCharsets.UTF_8),
            earlier,
            "2026-12-01",
            true)
        .statusCode(200)
        .body("applicable", equalTo(false))
        .body("problems.kind", equalTo(java.util.List.of("out_of_order")));
  }

  @Test
  void shouldConfirmOrCorrectARowTheSourceDidNotConfirm() {
    // units no other test reads (a real commune would block the 2025 reform another test applies):
    // three affiliated units opened in 2030 from a list alone, then one merged, the source unsure
    byte[] header =
        "effective_date,old_code,old_name,new_code,new_name,change,confirmed\n"
            .getBytes(StandardCharsets.UTF_8);
    byte[] units =
        ("code,name,type,parent_code,level\n"
                + "DVTT-T1,Hội Phụ nữ thử một,affiliated,19,2\n"
                + "DVTT-T2,Hội Phụ nữ thử hai,affiliated,19,2\n"
                + "DVTT-T3,Hội Phụ nữ thử ba,affiliated,19,2\n")
            .getBytes(StandardCharsets.UTF_8);
    load(ADMIN, header, units, "2030-01-01", false).statusCode(201);
    byte[] lineage =
        ("effective_date,old_code,old_name,new_code,new_name,change,confirmed\n"
                + "2030-06-01,DVTT-T1,Hội Phụ nữ thử một,DVTT-T2,Hội Phụ nữ thử hai,merge,no\n"
                + "2030-06-01,DVTT-T2,Hội Phụ nữ thử hai,DVTT-T2,Hội Phụ nữ thử hai,merge,yes\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] merged =
        "code,name,type,parent_code,level\nDVTT-T2,Hội Phụ nữ thử hai,affiliated,19,2\n"
            .getBytes(StandardCharsets.UTF_8);
    load(ADMIN, lineage, merged, null, false).statusCode(201);
    String lineagePath = "/api/v1/org-unit-lineage";
    int id =
        given()
            .auth()
            .oauth2(Tokens.of(ADMIN))
            .get(lineagePath + "?unconfirmed=true")
            .then()
            .statusCode(200)
            .body("confirmed", everyItem(equalTo(false)))
            .extract()
            .path("find { it.fromCode == 'DVTT-T1' }.id");
    String row = lineagePath + "/" + id;
    String etag =
        given()
            .auth()
            .oauth2(Tokens.of(ADMIN))
            .get(row)
            .then()
            .statusCode(200)
            .body("toCode", equalTo("DVTT-T2"))
            .extract()
            .header("ETag");
    java.util.function.Function<String, io.restassured.specification.RequestSpecification> as =
        user -> given().auth().oauth2(Tokens.of(user)).contentType("application/json");

    // nobody but the province's admin; no If-Match, a stale one, no reason, no such unit that day
    as.apply("tinh.canbo").get(lineagePath).then().statusCode(403);
    as.apply("admin.phobinh")
        .header("If-Match", etag)
        .body(java.util.Map.of("reason", "x"))
        .put(row)
        .then()
        .statusCode(403);
    as.apply(ADMIN).body(java.util.Map.of("reason", "x")).put(row).then().statusCode(428);
    as.apply(ADMIN)
        .header("If-Match", "\"99\"")
        .body(java.util.Map.of("reason", "x"))
        .put(row)
        .then()
        .statusCode(412);
    as.apply(ADMIN)
        .header("If-Match", etag)
        .body(java.util.Map.of("reason", " "))
        .put(row)
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    as.apply(ADMIN)
        .header("If-Match", etag)
        .body(java.util.Map.of("toCode", "05764", "reason", "x"))
        .put(row)
        .then()
        .statusCode(400)
        .body("errors.field", hasItem("toCode"));

    // corrected: the third unit received the first; the unit's history follows the row
    String next =
        as.apply(ADMIN)
            .header("If-Match", etag)
            .body(java.util.Map.of("toCode", "DVTT-T3", "reason", "Nghị quyết số 9/NQ (thử)"))
            .put(row)
            .then()
            .statusCode(200)
            .body("toCode", equalTo("DVTT-T3"))
            .body("confirmed", equalTo(true))
            .extract()
            .header("ETag");
    org.junit.jupiter.api.Assertions.assertNotEquals(etag, next);
    as.apply(ADMIN)
        .header("If-Match", next)
        .body(java.util.Map.of("reason", "lại"))
        .put(row)
        .then()
        .statusCode(409);
    as.apply(ADMIN)
        .get(row + "/history")
        .then()
        .statusCode(200)
        .body("action", equalTo(java.util.List.of("correct")))
        .body("[0].before.toCode", equalTo("DVTT-T2"))
        .body("[0].after.toCode", equalTo("DVTT-T3"))
        .body("[0].reason", equalTo("Nghị quyết số 9/NQ (thử)"))
        .body("[0].changedBy", equalTo(ADMIN));
    as.apply(ADMIN)
        .get("/api/v1/org-units/DVTT-T3?validOn=2030-06-01")
        .then()
        .statusCode(200)
        .body("predecessors.code", hasItem("DVTT-T1"));
    as.apply(ADMIN)
        .get(lineagePath + "?unconfirmed=true")
        .then()
        .statusCode(200)
        .body("id", org.hamcrest.Matchers.not(hasItem(id)));
  }
}
