package vn.lhpn.kehoach.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.keycloak.admin.client.Keycloak;
import vn.lhpn.kehoach.support.DatabaseFingerprint;
import vn.lhpn.kehoach.support.ProjectRoot;
import vn.lhpn.kehoach.support.RealmUsers;
import vn.lhpn.kehoach.support.Tokens;
import vn.lhpn.kehoach.support.TwoProvinces;

/**
 * Two provinces on one system (#29): Thái Nguyên (19) owns the seed plan 11/KH-BCH; Hà Nội (01) has
 * its planner, reviewer, viewer and admin. Hà Nội reaches no plan of Thái Nguyên through any
 * operation of openapi.yaml that names a plan, by its code or by its qualified id, and changes
 * nothing; importing a plan of the same number makes Hà Nội's own, tells it nothing about the other
 * one, and leaves that one as it was.
 */
@QuarkusTest
@TestProfile(TwoProvinces.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoProvincesTest {
  static final String PLAN = "11-KH-BCH";
  static final String THAI_NGUYEN_PLAN = PLAN + "@19";
  static final String THAI_NGUYEN = "tinh.canbo";
  static final String PLANNER = "hn.kehoach";
  static final List<String> HA_NOI = List.of(PLANNER, "hn.duyet", "hn.xem", "hn.quantri");

  /**
   * Operations refused to a caller without their role before anything is read (403, the same for
   * its own plan): the review queue to non-reviewers, the allocation sheet upload to non-planners.
   */
  static final Map<String, Set<String>> ROLE_FIRST =
      Map.of(
          "getReviewQueue", Set.of(PLANNER, "hn.xem", "hn.quantri"),
          "uploadAllocationSheet", Set.of("hn.duyet", "hn.xem", "hn.quantri"));

  /** Operations that take a plan but name it in a file, tested with the file below. */
  static final Set<String> PLAN_IN_A_FILE = Set.of("uploadAllocationSheet");

  @Inject Keycloak keycloak;
  @Inject EntityManager em;

  @BeforeEach
  void users() {
    RealmUsers.ensure(keycloak, PLANNER, TwoProvinces.PROVINCE, "planner", "viewer");
    RealmUsers.ensure(keycloak, "hn.duyet", TwoProvinces.PROVINCE, "reviewer", "viewer");
    RealmUsers.ensure(keycloak, "hn.xem", TwoProvinces.PROVINCE, "viewer");
    RealmUsers.ensure(keycloak, "hn.quantri", TwoProvinces.PROVINCE, "admin");
  }

  static RequestSpecification as(String user) {
    return given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON);
  }

  static byte[] seed(String... replacements) throws Exception {
    try (InputStream in =
        TwoProvincesTest.class
            .getClassLoader()
            .getResourceAsStream("seed/plans/ke-hoach-toan-khoa-2021-2026.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (int i = 0; i < replacements.length; i += 2) {
        text = text.replace(replacements[i], replacements[i + 1]);
      }
      return text.getBytes(StandardCharsets.UTF_8);
    }
  }

  /** Thái Nguyên's plan as stored: the plan row and every item, level and target of it. */
  String thaiNguyenPlan() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                (String)
                    em.createNativeQuery(
                            """
                            SELECT p.version || ':' || p.updated_at || ':' || p.xmin
                                || ':' || (SELECT count(*) || ':' || coalesce(sum(i.xmin::text::bigint), 0)
                                           FROM plan_item i WHERE i.plan_id = p.id)
                                || ':' || (SELECT count(*) || ':' || coalesce(sum(t.xmin::text::bigint), 0)
                                           FROM target t JOIN plan_item i ON i.id = t.plan_item_id
                                           WHERE i.plan_id = p.id)
                            FROM plan p WHERE p.owner_unit_code = '19' AND p.code = ?1
                            """)
                        .setParameter(1, PLAN)
                        .getSingleResult());
  }

  @Test
  @Order(1)
  void shouldGiveTheOtherProvinceNothingOfThisOnesPlan() throws Exception {
    JsonNode api = new YAMLMapper().readTree(ProjectRoot.get().resolve("openapi.yaml").toFile());
    String before = DatabaseFingerprint.of(em);
    List<String> wrong = new ArrayList<>();
    int operations = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!namesAPlan(op.getValue(), api)
            || PLAN_IN_A_FILE.contains(op.getValue().path("operationId").asText())) {
          continue;
        }
        operations++;
        for (String user : HA_NOI) {
          for (String id : List.of(PLAN, THAI_NGUYEN_PLAN)) {
            Response r = call(user, path.getKey(), op.getKey(), op.getValue(), api, id);
            String detail = r.getContentType().contains("json") ? r.asString() : "";
            String operation = op.getValue().path("operationId").asText();
            boolean roleFirst =
                ROLE_FIRST.getOrDefault(operation, Set.of()).contains(user)
                    && r.statusCode() == 403;
            if (!roleFirst && (r.statusCode() != 404 || !detail.contains("kế hoạch"))) {
              wrong.add(
                  op.getValue().path("operationId").asText()
                      + " as "
                      + user
                      + " with "
                      + id
                      + ": "
                      + r.statusCode()
                      + " "
                      + detail);
            }
          }
        }
      }
    }
    // the allocation sheet names its plan inside: Thái Nguyên's own sheet, sent by Hà Nội
    byte[] sheet =
        given()
            .auth()
            .oauth2(Tokens.of(THAI_NGUYEN))
            .get("/api/v1/targets/sheet?plan=" + PLAN + "&year=2024&parent=19")
            .then()
            .statusCode(200)
            .extract()
            .asByteArray();
    for (String user : HA_NOI) {
      for (boolean dryRun : List.of(true, false)) {
        int status =
            given()
                .auth()
                .oauth2(Tokens.of(user))
                .multiPart("file", "giao.xlsx", sheet)
                .queryParam("dryRun", dryRun)
                .post("/api/v1/targets/sheet")
                .statusCode();
        boolean roleFirst = ROLE_FIRST.get("uploadAllocationSheet").contains(user) && status == 403;
        if (status != 404 && !roleFirst) {
          wrong.add("uploadAllocationSheet as " + user + ": " + status);
        }
      }
    }
    assertTrue(operations >= 50, "operations naming a plan in openapi.yaml: " + operations);
    assertTrue(wrong.isEmpty(), wrong.size() + " wrong answers:\n" + String.join("\n", wrong));
    assertEquals(before, DatabaseFingerprint.of(em), "the other province changed the database");
    // and its plan list holds none of them
    for (String user : HA_NOI) {
      as(user).get("/api/v1/plans").then().statusCode(200).body("totalItems", equalTo(0));
    }
  }

  @Test
  @Order(2)
  void shouldImportAPlanOfTheSameNumberAsTheProvincesOwn() throws Exception {
    String before = thaiNguyenPlan();
    Map<String, Integer> counts = as(THAI_NGUYEN).get("/api/v1/plans/" + PLAN).path("counts");
    int items = counts.values().stream().mapToInt(Integer::intValue).sum();

    // the dry run reads as on an empty system: everything created, nothing of the other province
    byte[] file =
        seed(
            "HỘI LHPN TỈNH THÁI NGUYÊN",
            "HỘI LHPN THÀNH PHỐ HÀ NỘI",
            "Thái Nguyên, ngày",
            "Hà Nội, ngày");
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .multiPart("file", "ke-hoach-ha-noi.txt", file)
        .queryParam("dryRun", true)
        .post("/api/v1/plans/imports")
        .then()
        .statusCode(200)
        .body("outcome", equalTo("created"))
        .body("changes.created", equalTo(items))
        .body("changes.updated", equalTo(0))
        .body("changes.removed", equalTo(0))
        .body("changes.unchanged", equalTo(0));
    assertEquals(before, thaiNguyenPlan());

    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .multiPart("file", "ke-hoach-ha-noi.txt", file)
        .post("/api/v1/plans/imports")
        .then()
        .statusCode(201)
        .body("outcome", equalTo("created"))
        .body("planCode", equalTo(PLAN));
    assertEquals(before, thaiNguyenPlan(), "Thái Nguyên's plan changed by Hà Nội's import");

    // each province reads its own under the same code; neither reaches the other by its full id
    as(PLANNER)
        .get("/api/v1/plans/" + PLAN)
        .then()
        .statusCode(200)
        .body("ownerUnitCode", equalTo("01"));
    as(THAI_NGUYEN)
        .get("/api/v1/plans/" + PLAN)
        .then()
        .statusCode(200)
        .body("ownerUnitCode", equalTo("19"))
        .body("code", equalTo(PLAN));
    as(THAI_NGUYEN).get("/api/v1/plans/" + THAI_NGUYEN_PLAN).then().statusCode(200);
    as(THAI_NGUYEN).get("/api/v1/plans/" + PLAN + "@01").then().statusCode(404);
    as(PLANNER).get("/api/v1/plans/" + PLAN + "@01").then().statusCode(200);
    as(PLANNER).get("/api/v1/plans/" + THAI_NGUYEN_PLAN).then().statusCode(404);
    as(PLANNER)
        .get("/api/v1/plans")
        .then()
        .body("totalItems", equalTo(1))
        .body("items.ownerUnitCode", everyItem(equalTo("01")));

    // Hà Nội's own periods, made by its import; Thái Nguyên's list is its own
    as(PLANNER)
        .get("/api/v1/periods?plan=" + PLAN + "&size=50")
        .then()
        .statusCode(200)
        .body("totalItems", equalTo(15))
        .body("items.state", everyItem(equalTo("closed")));
    as(THAI_NGUYEN)
        .get("/api/v1/periods?plan=" + PLAN + "&state=open")
        .then()
        .statusCode(200)
        .body("totalItems", org.hamcrest.Matchers.greaterThan(0));

    // a second import by Hà Nội (a new date) changes its own plan only
    byte[] changed =
        seed(
            "HỘI LHPN TỈNH THÁI NGUYÊN",
            "HỘI LHPN THÀNH PHỐ HÀ NỘI",
            "Thái Nguyên, ngày *31* tháng *12* năm 2021",
            "Hà Nội, ngày *15* tháng *1* năm 2022");
    given()
        .auth()
        .oauth2(Tokens.of(PLANNER))
        .multiPart("file", "ke-hoach-ha-noi-2.txt", changed)
        .post("/api/v1/plans/imports")
        .then()
        .statusCode(200)
        .body("outcome", equalTo("updated"));
    assertEquals(before, thaiNguyenPlan(), "Thái Nguyên's plan changed by Hà Nội's second import");
  }

  /**
   * An export of more sheets than a workbook may hold (1,000 in production; 20 in this profile, so
   * a province's units reach it) is refused with the reason and what to do instead; nothing queued.
   */
  @Test
  @Order(3)
  void shouldRefuseAnExportOfMoreSheetsThanAWorkbookHolds() {
    long before =
        QuarkusTransaction.requiringNew().call(() -> vn.lhpn.kehoach.export.ExportJob.count());
    as(THAI_NGUYEN)
        .body(Map.of("plan", PLAN, "unit", "19", "period", "2024", "units", "all"))
        .post("/api/v1/exports")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("units"))
        .body("errors[0].message", org.hamcrest.Matchers.containsString("trực thuộc"));
    assertEquals(
        before,
        QuarkusTransaction.requiringNew().call(() -> vn.lhpn.kehoach.export.ExportJob.count()));
    // the units directly below fit
    as(THAI_NGUYEN)
        .body(Map.of("plan", PLAN, "unit", "19", "period", "2024", "units", "children"))
        .post("/api/v1/exports")
        .then()
        .statusCode(202);
  }

  // ---- the operations of openapi.yaml that name a plan -----------------------------------------

  /** A plan in the path ({planId}), in the query (plan) or in the JSON body (planId, plan). */
  static boolean namesAPlan(JsonNode op, JsonNode api) {
    for (JsonNode p : op.path("parameters")) {
      String name = p.path("name").asText();
      if (name.equals("planId") || name.equals("plan")) {
        return true;
      }
    }
    JsonNode props = bodySchema(op, api).path("properties");
    return props.has("planId") || props.has("plan");
  }

  static JsonNode bodySchema(JsonNode op, JsonNode api) {
    JsonNode schema =
        op.path("requestBody").path("content").path("application/json").path("schema");
    String ref = schema.path("$ref").asText("");
    return ref.isEmpty()
        ? schema
        : api.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
  }

  /**
   * The operation as Hà Nội would send it about its own units (01, 001, 00001), so that only the
   * plan is not theirs: every other value is one it could use.
   */
  static Response call(
      String user, String path, String method, JsonNode op, JsonNode api, String plan) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("planId", plan);
    values.put("plan", plan);
    values.put("code", "2024-H1");
    values.put("period", "2024-H1");
    values.put("key", "I-2.1");
    values.put("item", "I-2.1");
    values.put("year", 2024);
    values.put("unit", TwoProvinces.PROVINCE);
    values.put("parent", TwoProvinces.PROVINCE);
    values.put("method", "equal");
    values.put("dryRun", true);
    RequestSpecification request = given().auth().oauth2(Tokens.of(user));
    String url = path;
    for (JsonNode p : op.path("parameters")) {
      String name = p.path("name").asText();
      Object value = values.get(name);
      if (p.path("in").asText().equals("path")) {
        url = url.replace("{" + name + "}", String.valueOf(value));
      } else if (p.path("in").asText().equals("query") && value != null) {
        request.queryParam(name, value);
      }
    }
    if (!method.equals("get")) {
      request.header("If-Match", "\"0\"").header("Idempotency-Key", UUID.randomUUID().toString());
    }
    JsonNode content = op.path("requestBody").path("content");
    if (content.has("application/json")) {
      Map<String, Object> body = new LinkedHashMap<>();
      bodySchema(op, api)
          .path("properties")
          .fields()
          .forEachRemaining(
              f -> body.put(f.getKey(), bodyValue(f.getKey(), f.getValue(), api, values)));
      request.contentType(ContentType.JSON).body(body);
    } else if (content.has("multipart/form-data")) {
      request.multiPart("file", "bao-cao.xlsx", new byte[] {'P', 'K', 3, 4});
    }
    return request.request(method.toUpperCase(java.util.Locale.ROOT), url);
  }

  /** A value the field takes: by its name where that matters, else by its type in the schema. */
  static Object bodyValue(String name, JsonNode schema, JsonNode api, Map<String, Object> values) {
    switch (name) {
      case "planId", "plan", "period", "year" -> {
        return values.get(name);
      }
      case "unitCode", "parentUnit" -> {
        return TwoProvinces.WARD;
      }
      case "units" -> {
        return "children";
      }
      case "dueOn" -> {
        return "2024-06-30";
      }
      case "fromYear" -> {
        return 2024;
      }
      case "toYears" -> {
        return List.of(2025);
      }
      case "levels" -> {
        return List.of(3);
      }
      case "department" -> {
        return "TG-CSLP";
      }
      default -> {
        // fall through to the type
      }
    }
    String ref = schema.path("$ref").asText("");
    JsonNode s =
        ref.isEmpty()
            ? schema
            : api.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    if (s.has("enum")) {
      return s.get("enum").get(0).asText();
    }
    if (s.path("format").asText().equals("date")) {
      return "2024-07-01";
    }
    return switch (s.path("type").asText()) {
      case "integer" -> 1;
      case "number" -> 1.5;
      case "boolean" -> true;
      case "array" -> List.of();
      case "object" -> Map.of();
      default -> "Thử";
    };
  }
}
