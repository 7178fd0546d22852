package vn.lhpn.kehoach.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.RealServicesResource;
import vn.lhpn.kehoach.support.Tokens;

/**
 * Accounts through the real Keycloak: who may do what at each level, a new account's temporary
 * password (it logs in only to be made to change it), moving and re-roling with If-Match, disabling
 * (no more tokens), the bulk run for a district's communes and its rerun, the history, and accounts
 * left on a unit closed by a merge.
 */
@QuarkusTest
class AccountResourceTest {
  static final String PROVINCE_ADMIN = "admin";
  static final String PHU_BINH_ADMIN = "admin.phobinh";
  static final String ADMIN_API =
      "http://localhost:" + RealServicesResource.KEYCLOAK_PORT + "/admin/realms/lhpn";

  static RequestSpecification as(String user) {
    return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
  }

  static RequestSpecification keycloak() {
    return given().auth().oauth2(Tokens.accountAdmin()).contentType(ContentType.JSON);
  }

  static String unique(String prefix) {
    return prefix + "." + Long.toString(System.nanoTime(), 36);
  }

  static Map<String, Object> account(String username, String unit, List<String> roles) {
    Map<String, Object> body = new HashMap<>();
    body.put("username", username);
    body.put("unit", unit);
    body.put("roles", roles);
    body.put("firstName", "Nguyễn Thị");
    body.put("lastName", "Hoa");
    return body;
  }

  /** Straight to Keycloak (as the test): a permanent password, as after a first login. */
  static void settle(String id, String password) {
    keycloak()
        .body(Map.of("type", "password", "value", password, "temporary", false))
        .put(ADMIN_API + "/users/" + id + "/reset-password")
        .then()
        .statusCode(204);
  }

  /**
   * An account made straight in Keycloak on a unit code (as one made before its unit closed: the
   * API refuses closed units); returns its id.
   */
  static String onUnitStraightInKeycloak(String username, String unit) {
    String location =
        keycloak()
            .body(
                Map.of(
                    "username",
                    username,
                    "enabled",
                    true,
                    "attributes",
                    Map.of("org_unit", List.of(unit))))
            .post(ADMIN_API + "/users")
            .then()
            .statusCode(201)
            .extract()
            .header("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  @Test
  void shouldLetEachAdminWorkInItsOwnSubtreeOnly() {
    // a reporter is no admin
    as("xa.hungson").get("/api/v1/accounts").then().statusCode(403);
    // the district admin sees Phú Bình's accounts and nobody else's
    JsonPath mine =
        as(PHU_BINH_ADMIN)
            .get("/api/v1/accounts?size=200")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<String> names = mine.getList("items.username");
    assertTrue(names.contains("huyen.phobinh") && names.contains("xa.huongson"), names.toString());
    assertFalse(names.contains("xa.hungson") || names.contains("tinh.canbo"), names.toString());
    assertFalse(names.stream().anyMatch(n -> n.startsWith("service-account-")));
    // the province admin sees them all, with units and roles
    JsonPath all =
        as(PROVINCE_ADMIN)
            .get("/api/v1/accounts?q=hung son")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals("05761", all.getString("items.find { it.username == 'xa.hungson' }.unitCode"));
    assertEquals(
        List.of("reporter"), all.getList("items.find { it.username == 'xa.hungson' }.roles"));
    String hungSon = all.getString("items.find { it.username == 'xa.hungson' }.id");
    as(PHU_BINH_ADMIN).get("/api/v1/accounts/" + hungSon).then().statusCode(404);

    // out of powers: another district, the province, a role nobody grants, a closed unit
    as(PHU_BINH_ADMIN)
        .body(account(unique("x"), "171", List.of("reporter")))
        .post("/api/v1/accounts")
        .then()
        .statusCode(404)
        .body("errors[0].field", equalTo("unit"));
    as(PHU_BINH_ADMIN)
        .body(account(unique("x"), "19", List.of("planner")))
        .post("/api/v1/accounts")
        .then()
        .statusCode(404);
    as(PHU_BINH_ADMIN)
        .body(account(unique("x"), "05908", List.of("reporter", "integration")))
        .post("/api/v1/accounts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("roles[1]"));
    as(PROVINCE_ADMIN)
        .body(account(unique("x"), "05764", List.of("reporter")))
        .post("/api/v1/accounts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("unit"));
    as(PROVINCE_ADMIN)
        .body(account(unique("x"), "99999", List.of("reporter")))
        .post("/api/v1/accounts")
        .then()
        .statusCode(404);
    as(PROVINCE_ADMIN)
        .body(account("xa.hungson", "05761", List.of("reporter")))
        .post("/api/v1/accounts")
        .then()
        .statusCode(409);
    as(PHU_BINH_ADMIN)
        .body(account("Bad Name!", "05908", List.of("reporter")))
        .post("/api/v1/accounts")
        .then()
        .statusCode(400);

    // nobody disables their own account or changes their own roles
    JsonPath self =
        as(PHU_BINH_ADMIN)
            .get("/api/v1/accounts?q=admin.phobinh")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String selfId = self.getString("items[0].id");
    var current =
        as(PHU_BINH_ADMIN).get("/api/v1/accounts/" + selfId).then().statusCode(200).extract();
    Map<String, Object> off = new HashMap<>();
    off.put("unit", "173");
    off.put("roles", List.of("admin"));
    off.put("enabled", false);
    as(PHU_BINH_ADMIN)
        .header("If-Match", current.header("ETag"))
        .body(off)
        .put("/api/v1/accounts/" + selfId)
        .then()
        .statusCode(403);
    off.put("enabled", true);
    off.put("roles", List.of("admin", "planner"));
    as(PHU_BINH_ADMIN)
        .header("If-Match", current.header("ETag"))
        .body(off)
        .put("/api/v1/accounts/" + selfId)
        .then()
        .statusCode(403);
  }

  @Test
  void shouldCreateMoveDisableAndResetWithHistory() {
    String username = unique("hoa");
    JsonPath created =
        as(PHU_BINH_ADMIN)
            .body(account(username, "05908", List.of("reporter")))
            .post("/api/v1/accounts")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/accounts/"))
            .extract()
            .jsonPath();
    String id = created.getString("account.id");
    String temporary = created.getString("temporaryPassword");
    assertEquals(16, temporary.length());
    assertEquals("05908", created.getString("account.unitCode"));
    assertEquals("Thị trấn Hương Sơn", created.getString("account.unitName"));
    // the temporary password logs in only to be made to change it
    Tokens.tryPassword(username, temporary)
        .then()
        .statusCode(400)
        .body("error_description", containsString("not fully set up"));

    // moved to another commune of the district and made a reviewer too, against its ETag
    var read = as(PHU_BINH_ADMIN).get("/api/v1/accounts/" + id).then().statusCode(200).extract();
    Map<String, Object> change = new HashMap<>();
    change.put("unit", "05911");
    change.put("roles", List.of("reporter", "viewer"));
    change.put("enabled", true);
    change.put("firstName", "Nguyễn Thị");
    change.put("lastName", "Hoa");
    as(PHU_BINH_ADMIN).body(change).put("/api/v1/accounts/" + id).then().statusCode(428);
    as(PHU_BINH_ADMIN)
        .header("If-Match", "\"stale\"")
        .body(change)
        .put("/api/v1/accounts/" + id)
        .then()
        .statusCode(412);
    var moved =
        as(PHU_BINH_ADMIN)
            .header("If-Match", read.header("ETag"))
            .body(change)
            .put("/api/v1/accounts/" + id)
            .then()
            .statusCode(200)
            .body("unitCode", equalTo("05911"))
            .body("roles", equalTo(List.of("reporter", "viewer")))
            .extract();
    // the same ETag again: someone changed it since
    as(PHU_BINH_ADMIN)
        .header("If-Match", read.header("ETag"))
        .body(change)
        .put("/api/v1/accounts/" + id)
        .then()
        .statusCode(412);

    // with a permanent password it gets tokens; disabled, it gets none; enabled, again
    settle(id, "Hoa@Phu-Binh-2026");
    Tokens.tryPassword(username, "Hoa@Phu-Binh-2026").then().statusCode(200);
    change.put("enabled", false);
    var disabled =
        as(PHU_BINH_ADMIN)
            .header("If-Match", moved.header("ETag"))
            .body(change)
            .put("/api/v1/accounts/" + id)
            .then()
            .statusCode(200)
            .body("enabled", equalTo(false))
            .extract();
    Tokens.tryPassword(username, "Hoa@Phu-Binh-2026")
        .then()
        .statusCode(400)
        .body("error_description", containsString("disabled"));
    change.put("enabled", true);
    as(PHU_BINH_ADMIN)
        .header("If-Match", disabled.header("ETag"))
        .body(change)
        .put("/api/v1/accounts/" + id)
        .then()
        .statusCode(200);
    Tokens.tryPassword(username, "Hoa@Phu-Binh-2026").then().statusCode(200);

    // a reset: a new temporary password, the old one no longer works
    String fresh =
        as(PHU_BINH_ADMIN)
            .post("/api/v1/accounts/" + id + "/password-reset")
            .then()
            .statusCode(200)
            .extract()
            .path("temporaryPassword");
    Tokens.tryPassword(username, "Hoa@Phu-Binh-2026").then().statusCode(anyOf(is(400), is(401)));
    Tokens.tryPassword(username, fresh)
        .then()
        .statusCode(400)
        .body("error_description", containsString("not fully set up"));

    JsonPath history =
        as(PROVINCE_ADMIN)
            .get("/api/v1/accounts/" + id + "/history")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(
        List.of("reset-password", "enable", "disable", "update", "create"),
        history.getList("action"));
    assertEquals("admin.phobinh", history.getString("[4].changedBy"));
    assertEquals("05908", history.getString("[3].before.unit"));
    assertEquals("05911", history.getString("[3].after.unit"));
    assertEquals(List.of("reporter", "viewer"), history.getList("[3].after.roles"));
  }

  @Test
  void shouldCreateEveryCommunesReporterOnceAndHandThePasswordsOver() throws Exception {
    JsonPath first =
        as(PHU_BINH_ADMIN)
            .body(Map.of("unit", "173"))
            .post("/api/v1/accounts/bulk")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    int communes = first.getList("created").size() + first.getList("existing").size();
    assertEquals(20, communes, "Phú Bình's communes today");
    assertEquals(List.of(), first.getList("failed"));
    if (!first.getList("created").isEmpty()) {
      assertEquals("bc.05908", first.getString("created.find { it.unitCode == '05908' }.username"));
      try (XSSFWorkbook wb =
          new XSSFWorkbook(
              new ByteArrayInputStream(Base64.getDecoder().decode(first.getString("workbook"))))) {
        var sheet = wb.getSheetAt(0);
        assertEquals("Mật khẩu tạm thời", sheet.getRow(3).getCell(3).getStringCellValue());
        assertEquals(first.getList("created").size(), sheet.getLastRowNum() - 3);
        String user = sheet.getRow(4).getCell(2).getStringCellValue();
        String password = sheet.getRow(4).getCell(3).getStringCellValue();
        Tokens.tryPassword(user, password)
            .then()
            .statusCode(400)
            .body("error_description", containsString("not fully set up"));
      }
    }
    if (first.getString("created.find { it.unitCode == '05908' }.username") != null) {
      String id =
          as(PHU_BINH_ADMIN)
              .get("/api/v1/accounts?q=bc.05908")
              .then()
              .statusCode(200)
              .extract()
              .path("items[0].id");
      as(PHU_BINH_ADMIN)
          .get("/api/v1/accounts/" + id + "/history")
          .then()
          .statusCode(200)
          .body("[0].action", equalTo("bulk-create"))
          .body("[0].after.roles", equalTo(List.of("reporter")));
    }
    // a rerun creates nothing and says what existed
    JsonPath again =
        as(PHU_BINH_ADMIN)
            .body(Map.of("unit", "173"))
            .post("/api/v1/accounts/bulk")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(List.of(), again.getList("created"));
    assertEquals(communes, again.getList("existing").size());
    assertEquals(null, again.getString("workbook"));
    // another district's communes are not the district admin's to make
    as(PHU_BINH_ADMIN)
        .body(Map.of("unit", "171"))
        .post("/api/v1/accounts/bulk")
        .then()
        .statusCode(404);
  }

  @Test
  void shouldShowAccountsLeftOnAUnitClosedByTheMerge() {
    // an account made before 2023 for the old Thị trấn Quân Chu (05764), merged in April 2023
    String username = unique("quanchu");
    onUnitStraightInKeycloak(username, "05764");
    JsonPath closed =
        as(PROVINCE_ADMIN)
            .get("/api/v1/accounts?closed=true&size=200")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertEquals(
        "05764", closed.getString("items.find { it.username == '" + username + "' }.unitCode"));
    assertTrue(closed.getBoolean("items.find { it.username == '" + username + "' }.unitClosed"));
    assertTrue(closed.getList("items.unitClosed").stream().allMatch(Boolean.TRUE::equals));
  }

  @Test
  void shouldMoveTheAccountsLeftOnClosedUnitsToTheUnitThatTookOver() {
    // an account made for the old Thị trấn Quân Chu (05764) before it merged into 05851 (2023)
    String username = unique("quanchu");
    String id = onUnitStraightInKeycloak(username, "05764");
    String mine = "accounts.find { it.username == '" + username + "' }";

    // the dry run says where it goes, and changes nothing
    as(PROVINCE_ADMIN)
        .post("/api/v1/accounts/successions?dryRun=true")
        .then()
        .statusCode(200)
        .body("dryRun", is(true))
        .body(mine + ".action", equalTo("move"))
        .body(mine + ".toCode", equalTo("05851"))
        .body(mine + ".toName", equalTo("Thị trấn Quân Chu"))
        .body(mine + ".done", is(false))
        // only accounts of closed units are listed (Hùng Sơn's reporter is on a living one)
        .body(
            "accounts.unitCode", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("05761")));
    as(PROVINCE_ADMIN)
        .get("/api/v1/accounts/" + id)
        .then()
        .statusCode(200)
        .body("unitCode", equalTo("05764"));

    // outside Đại Từ the account is nobody's business; a reporter moves nothing; a wrong choice
    as(PHU_BINH_ADMIN)
        .post("/api/v1/accounts/successions?dryRun=true")
        .then()
        .statusCode(200)
        .body(
            "accounts.username",
            org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(username)));
    as("xa.hungson").post("/api/v1/accounts/successions").then().statusCode(403);
    as(PROVINCE_ADMIN)
        .post("/api/v1/accounts/successions?dissolved=delete")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("dissolved"));
    as(PROVINCE_ADMIN)
        .get("/api/v1/accounts/" + id)
        .then()
        .statusCode(200)
        .body("unitCode", equalTo("05764"));

    // done: the account is on the merged unit, and its history says so
    as(PROVINCE_ADMIN)
        .post("/api/v1/accounts/successions")
        .then()
        .statusCode(200)
        .body("dryRun", is(false))
        .body(mine + ".done", is(true));
    as(PROVINCE_ADMIN)
        .get("/api/v1/accounts/" + id)
        .then()
        .statusCode(200)
        .body("unitCode", equalTo("05851"))
        .body("unitClosed", is(false));
    as(PROVINCE_ADMIN)
        .get("/api/v1/accounts/" + id + "/history")
        .then()
        .statusCode(200)
        .body("[-1].action", equalTo("follow-map"))
        .body("[-1].before.unit", equalTo("05764"))
        .body("[-1].after.unit", equalTo("05851"));
    // once is enough: a second run finds it on a living unit
    as(PROVINCE_ADMIN)
        .post("/api/v1/accounts/successions?dryRun=true")
        .then()
        .statusCode(200)
        .body(
            "accounts.username",
            org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(username)));
  }
}
