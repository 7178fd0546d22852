package vn.lhpn.kehoach.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.support.ProjectRoot;
import vn.lhpn.kehoach.support.Tokens;

/**
 * Hostile input, generated from the root openapi.yaml: every parameter of every operation gets NUL
 * and control characters, CR/LF, bytes that are not UTF-8, overlong text and overflowing numbers;
 * every JSON body gets the same in each of its fields, oversized arrays, fields the client may not
 * set (mass assignment), malformed and deeply nested JSON and a body over the limit; the uploads
 * get a zip bomb and files that are not workbooks. Every answer must be a 4xx problem (400 where
 * the value itself is refused), within a second, never a 5xx and never a hang, and the database
 * must be exactly as before: not one row written.
 */
@QuarkusTest
class HostileInputTest {
  static final String PLAN = "11-KH-BCH";

  /** The caller: planner and reviewer of the province, so no role check stops a request early. */
  static final String CALLER = "tinh.canbo";

  /** Values that mean nothing and must be refused wherever they go. */
  static final List<String> ALWAYS_REFUSED =
      List.of("a\u0000b", "a\r\nb", "a\u001bb", "a\uFFFEb", "x".repeat(1000));

  /** Values that must never break anything, but may be a valid search or an empty result. */
  static final List<String> SUSPICIOUS =
      List.of(
          "2147483647",
          "-99999",
          "1e20",
          "99999999999999999999",
          "' OR 1=1 --",
          "../../etc/passwd");

  /** Fields a client may never set: the server decides them. */
  static final Map<String, Object> FORBIDDEN_FIELDS =
      Map.of(
          "state", "approved",
          "approvedBy", "tinh.canbo",
          "submittedBy", "xa.hungson",
          "id", 1,
          "version", 99,
          "createdAt", "2020-01-01T00:00:00Z");

  static final RestAssuredConfig ONE_SECOND_AND_MORE_IS_A_HANG =
      RestAssured.config()
          .httpClient(
              HttpClientConfig.httpClientConfig()
                  .setParam("http.socket.timeout", 5000)
                  .setParam("http.connection.timeout", 5000));

  /** What an answer may be. */
  enum Expect {
    /** The value itself is refused: exactly 400. */
    BAD_REQUEST,
    /** Any 4xx problem. */
    REFUSED,
    /** A read may well answer it (an empty search); it must not break anything. */
    NO_5XX
  }

  @Inject EntityManager em;

  final ObjectMapper json = new ObjectMapper();
  final List<String> wrong = new ArrayList<>();
  int calls;
  String lastPrint = "";

  /** Set to find which request wrote: a fingerprint after every write (slow). */
  static final boolean DEBUG_WRITES = Boolean.getBoolean("hostile.debug");

  @Test
  void shouldRefuseHostileInputEverywhereAndChangeNothing() throws Exception {
    JsonNode api = new YAMLMapper().readTree(ProjectRoot.get().resolve("openapi.yaml").toFile());
    folded();
    String before = fingerprint();
    int operations = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
          continue;
        }
        operations++;
        attackParameters(path.getKey(), op.getKey(), op.getValue());
        JsonNode body = op.getValue().path("requestBody").path("content");
        if (body.has("application/json")) {
          attackBody(path.getKey(), op.getKey(), op.getValue(), api, body.get("application/json"));
        }
      }
    }
    attackUploads();
    folded();
    String after = fingerprint();
    System.out.printf("HostileInputTest: %d operations, %d hostile requests%n", operations, calls);
    assertTrue(operations >= 50, "operations read from openapi.yaml: " + operations);
    assertTrue(wrong.isEmpty(), wrong.size() + " wrong answers:\n" + String.join("\n", wrong));
    assertEquals(before, after, "hostile requests changed the database");
  }

  // ---- parameters -------------------------------------------------------------------------

  private void attackParameters(String path, String method, JsonNode op) {
    List<JsonNode> params = new ArrayList<>();
    op.path("parameters").forEach(params::add);
    for (JsonNode p : params) {
      String in = p.get("in").asText();
      if (!in.equals("query") && !in.equals("path")) {
        continue;
      }
      // a value that cannot be an integer id matches no route: 404, like any unknown path
      boolean routeId =
          in.equals("path") && "integer".equals(p.path("schema").path("type").asText());
      for (String value : ALWAYS_REFUSED) {
        expect(
            path,
            method,
            op,
            params,
            p.get("name").asText(),
            value,
            routeId ? Expect.REFUSED : Expect.BAD_REQUEST);
      }
      for (String value : SUSPICIOUS) {
        expect(path, method, op, params, p.get("name").asText(), value, Expect.NO_5XX);
      }
    }
    // Invalid UTF-8 (%FF) in the first query parameter, raw on the wire.
    params.stream()
        .filter(p -> p.get("in").asText().equals("query"))
        .findFirst()
        .ifPresent(
            p -> {
              String base = url(path, params, null, null);
              String url =
                  base + (base.contains("?") ? "&" : "?") + p.get("name").asText() + "=%FF%FE";
              check(
                  method,
                  path,
                  p.get("name").asText() + "=%FF%FE",
                  request(op),
                  url,
                  Expect.BAD_REQUEST);
            });
  }

  private void expect(
      String path,
      String method,
      JsonNode op,
      List<JsonNode> params,
      String name,
      String value,
      Expect expect) {
    String url = url(path, params, name, value);
    check(method, path, name + "=" + printable(value), request(op), url, expect);
  }

  /** The URL with good values for every parameter but one. */
  private static String url(String path, List<JsonNode> params, String hostile, String value) {
    String p = path;
    StringBuilder query = new StringBuilder("?");
    for (JsonNode param : params) {
      String name = param.get("name").asText();
      String in = param.get("in").asText();
      String v = name.equals(hostile) ? value : good(path, name);
      if (v == null) {
        continue;
      }
      String encoded = java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8);
      if (in.equals("path")) {
        p = p.replace("{" + name + "}", encoded.replace("+", "%20"));
      } else if (in.equals("query")) {
        query.append(name).append('=').append(encoded).append('&');
      }
    }
    String q = query.toString().replaceAll("[?&]$", "");
    return p + q;
  }

  /** A value each parameter takes when it is not the one attacked. */
  private static String good(String path, String name) {
    return switch (name) {
      case "plan", "planId" -> PLAN;
      case "unit", "parent" -> "171";
      case "code" -> path.contains("/periods/") ? "2025-Q2" : "171";
      case "year" -> "2025";
      case "period" -> "2025-Q2";
      case "item" -> "I-2.1";
      case "key" -> "I-2.1";
      case "id" -> "1";
      case "method" -> "equal";
      default -> null;
    };
  }

  // ---- bodies -----------------------------------------------------------------------------

  private void attackBody(String path, String method, JsonNode op, JsonNode api, JsonNode media) {
    List<JsonNode> params = new ArrayList<>();
    op.path("parameters").forEach(params::add);
    String url = url(path, params, null, null);
    JsonNode schema = resolve(api, media.path("schema"));
    JsonNode valid = sample(api, schema, 0);
    List<Map.Entry<String, String>> bodies = new ArrayList<>();
    bodies.add(Map.entry("malformed", "{\"a\":"));
    bodies.add(Map.entry("not an object", "[]"));
    bodies.add(Map.entry("nested 500 deep", "[".repeat(500) + "]".repeat(500)));
    bodies.add(Map.entry("unknown field", "{\"noSuchField\": 1}"));
    bodies.add(Map.entry("over 1 MB", "{\"a\":\"" + "x".repeat(1_100_000) + "\"}"));
    if (valid instanceof ObjectNode object) {
      // every field the server decides that the operation's own schema does not take
      ObjectNode mass = object.deepCopy();
      FORBIDDEN_FIELDS.forEach(
          (k, v) -> {
            if (!schema.path("properties").has(k)) {
              mass.set(k, json.valueToTree(v));
            }
          });
      if (mass.size() > object.size()) {
        bodies.add(Map.entry("mass assignment", mass.toString()));
      }
      for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
        String field = names.next();
        JsonNode fieldSchema = resolve(api, schema.path("properties").path(field));
        for (Map.Entry<String, JsonNode> variant : hostile(api, fieldSchema, object.get(field))) {
          ObjectNode copy = object.deepCopy();
          copy.set(field, variant.getValue());
          bodies.add(Map.entry(field + " " + variant.getKey(), copy.toString()));
        }
      }
    }
    for (Map.Entry<String, String> body : bodies) {
      // a lone surrogate goes on the wire as the JSON escape it would be: \ud800
      String text = body.getValue().replace("\uD800", "\\ud800");
      RequestSpecification r =
          request(op).contentType("application/json").body(text.getBytes(UTF8));
      check(method, path, "body " + body.getKey(), r, url, Expect.REFUSED);
    }
  }

  static final java.nio.charset.Charset UTF8 = java.nio.charset.StandardCharsets.UTF_8;

  /** Hostile replacements for one field, by its type. */
  private List<Map.Entry<String, JsonNode>> hostile(
      JsonNode api, JsonNode schema, JsonNode validValue) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
    String type = schema.path("type").asText("");
    switch (type) {
      case "string" -> {
        out.add(Map.entry("NUL", f.textNode("a\u0000b")));
        out.add(Map.entry("ESC", f.textNode("a\u001bb")));
        out.add(Map.entry("20 000 chars", f.textNode("x".repeat(20_000))));
        out.add(Map.entry("lone surrogate", f.textNode("a\uD800b")));
        // no character: XML cannot hold it, so a PDF or Word file could not either (#29)
        out.add(Map.entry("U+FFFE", f.textNode("a\uFFFEb")));
        out.add(Map.entry("a number", f.numberNode(1)));
      }
      case "integer", "number" -> {
        out.add(Map.entry("1e20", f.numberNode(new java.math.BigDecimal("1e20"))));
        out.add(Map.entry("-1e20", f.numberNode(new java.math.BigDecimal("-1e20"))));
        out.add(Map.entry("1e400", f.numberNode(new java.math.BigDecimal("1e400"))));
        out.add(Map.entry("text", f.textNode("mười")));
      }
      case "boolean" -> out.add(Map.entry("text", f.textNode("có")));
      case "array" -> {
        ArrayNode huge = f.arrayNode();
        JsonNode item =
            validValue != null && validValue.size() > 0
                ? validValue.get(0)
                : sample(api, resolve(api, schema.path("items")), 1);
        for (int i = 0; i < 10_001; i++) {
          huge.add(item);
        }
        out.add(Map.entry("10 001 items", huge));
        out.add(Map.entry("an object", f.objectNode()));
        // the items' own fields, hostile one by one
        if (item instanceof ObjectNode obj) {
          JsonNode itemSchema = resolve(api, schema.path("items"));
          for (Iterator<String> names = obj.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            JsonNode fs = resolve(api, itemSchema.path("properties").path(field));
            for (Map.Entry<String, JsonNode> v : hostile(api, fs, obj.get(field))) {
              if (v.getValue().isArray() && v.getValue().size() > 100) {
                continue;
              }
              ObjectNode copy = obj.deepCopy();
              copy.set(field, v.getValue());
              out.add(Map.entry("[0]." + field + " " + v.getKey(), f.arrayNode().add(copy)));
            }
          }
        }
      }
      default -> out.add(Map.entry("a string", f.textNode("a\u0000b")));
    }
    return out;
  }

  /** A body of the schema's shape with plausible values (it need not be accepted). */
  private JsonNode sample(JsonNode api, JsonNode schema, int depth) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    schema = resolve(api, schema);
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
    return switch (type) {
      case "object" -> {
        ObjectNode o = f.objectNode();
        if (depth < 4) {
          schema
              .path("properties")
              .fields()
              .forEachRemaining(e -> o.set(e.getKey(), sample(api, e.getValue(), depth + 1)));
        }
        yield o;
      }
      case "array" ->
          depth < 4
              ? f.arrayNode().add(sample(api, schema.path("items"), depth + 1))
              : f.arrayNode();
      case "integer" -> f.numberNode(1);
      case "number" -> f.numberNode(1);
      case "boolean" -> f.booleanNode(true);
      default -> f.textNode("171");
    };
  }

  private static JsonNode resolve(JsonNode api, JsonNode schema) {
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText().replace("#/components/schemas/", "");
      return api.path("components").path("schemas").path(ref);
    }
    if (schema.has("allOf") && schema.get("allOf").size() == 1) {
      return resolve(api, schema.get("allOf").get(0));
    }
    return schema;
  }

  // ---- uploads ----------------------------------------------------------------------------

  private void attackUploads() throws Exception {
    byte[] bomb = zipBomb();
    byte[] notAWorkbook = "PK\u0003\u0004 this is not a workbook".getBytes(UTF8);
    byte[] random = new byte[4096];
    new java.util.Random(7).nextBytes(random);
    for (String url : List.of("/api/v1/targets/sheet?dryRun=true", "/api/v1/plans/imports")) {
      for (Map.Entry<String, byte[]> file :
          List.of(
              Map.entry("zip bomb", bomb),
              Map.entry("not a workbook", notAWorkbook),
              Map.entry("random bytes", random))) {
        RequestSpecification r =
            given()
                .config(ONE_SECOND_AND_MORE_IS_A_HANG)
                .auth()
                .oauth2(Tokens.of(CALLER))
                .multiPart("file", "tep.xlsx", file.getValue());
        check("post", url, "file " + file.getKey(), r, url, Expect.REFUSED);
      }
    }
  }

  /** An .xlsx-looking zip whose sheet inflates from about 100 KB to 100 MB of zeros. */
  private static byte[] zipBomb() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
      zip.write(
          "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"
              .getBytes(UTF8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
      byte[] zeros = new byte[1024 * 1024];
      for (int i = 0; i < 100; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  // ---- checking ---------------------------------------------------------------------------

  private RequestSpecification request(JsonNode op) {
    RequestSpecification r =
        given().config(ONE_SECOND_AND_MORE_IS_A_HANG).auth().oauth2(Tokens.of(CALLER));
    if (op.path("requestBody").path("content").has("multipart/form-data")) {
      // an upload: the parameters are attacked beside a (harmless, unreadable) file
      r.multiPart("file", "tep.xlsx", "not a workbook".getBytes(UTF8));
    }
    op.path("parameters")
        .forEach(
            p -> {
              if (p.get("in").asText().equals("header")) {
                String name = p.get("name").asText();
                r.header(name, name.equals("If-Match") ? "\"0\"" : "hostile-" + calls);
              }
            });
    return r.urlEncodingEnabled(false);
  }

  private void check(
      String method, String path, String what, RequestSpecification r, String url, Expect expect) {
    calls++;
    long start = System.nanoTime();
    Response response;
    try {
      response = r.request(method.toUpperCase(), url);
    } catch (Exception e) {
      wrong.add(method + " " + path + " " + what + ": no answer (" + e + ")");
      return;
    }
    long ms = (System.nanoTime() - start) / 1_000_000;
    int status = response.statusCode();
    if (DEBUG_WRITES && !method.equalsIgnoreCase("get")) {
      String now = fingerprint();
      if (!lastPrint.isEmpty() && !now.equals(lastPrint)) {
        wrong.add(
            "changed the database: "
                + method
                + " "
                + path
                + " "
                + what
                + " -> "
                + status
                + " "
                + abbreviate(response.asString()));
      }
      lastPrint = now;
    }
    String where = method.toUpperCase() + " " + path + " [" + what + "]";
    if (status >= 500) {
      wrong.add(where + ": " + status + " " + abbreviate(response.asString()));
    } else if (status < 400 && expect != Expect.NO_5XX) {
      wrong.add(where + ": accepted with " + status);
    } else if (expect == Expect.BAD_REQUEST && status != 400) {
      wrong.add(where + ": " + status + " where 400 was due");
    } else if (status >= 400
        && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
      wrong.add(where + ": " + status + " as " + response.contentType());
    }
    if (ms > 1000) {
      wrong.add(where + ": took " + ms + " ms");
    }
  }

  private static String printable(String value) {
    String shown =
        value.length() > 20 ? value.substring(0, 8) + "…(" + value.length() + ")" : value;
    StringBuilder sb = new StringBuilder();
    shown.chars().forEach(c -> sb.append(c < 0x20 ? String.format("\\u%04x", c) : (char) c));
    return sb.toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  /**
   * Every table of the schema, by row count and the sum of the rows' transaction ids: an insert, an
   * update or a delete anywhere changes it. The tables are read from the catalogue, so a table a
   * later migration adds is covered without a word here.
   */
  private String fingerprint() {
    return vn.lhpn.kehoach.support.DatabaseFingerprint.of(em);
  }

  @Inject vn.lhpn.kehoach.progress.service.RollupFold rollupFold;

  /**
   * The rollup deltas of earlier tests folded into their base rows now, so that the background fold
   * (same totals, other rows) does not move the fingerprint while this test runs. No hostile
   * request may write a delta: one left after the attacks changes the fingerprint.
   */
  private void folded() {
    org.awaitility.Awaitility.await("rollup deltas folded")
        .atMost(java.time.Duration.ofSeconds(30))
        .until(() -> rollupFold.fold() >= 0);
  }
}
