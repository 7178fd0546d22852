package vn.lhpn.kehoach.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every answer the backend tests receive from the API is checked against the root openapi.yaml, as
 * a strict client would: its status must be documented for the operation, and a JSON body must
 * match the documented schema for that status and media type (JSON Schema 2020-12, as OpenAPI 3.1
 * says). A mismatch fails the test that made the request. Installed for the whole run by {@link
 * RealServicesResource}; the number of answers checked is printed at the end.
 */
public final class ContractValidation implements Filter {
  static final AtomicInteger CHECKED = new AtomicInteger();

  private record Operation(String method, Pattern path, String template, JsonNode node) {}

  private final List<Operation> operations = new ArrayList<>();
  private final JsonNode defs;
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final ObjectMapper json = new ObjectMapper();

  public ContractValidation() {
    try {
      JsonNode api = new YAMLMapper().readTree(ProjectRoot.get().resolve("openapi.yaml").toFile());
      // the components as $defs of one schema document: "#/components/schemas/X" → "#/$defs/X"
      String components =
          json.writeValueAsString(api.path("components").path("schemas"))
              .replace("#/components/schemas/", "#/$defs/");
      defs = json.readTree(components);
      for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields();
          paths.hasNext(); ) {
        Map.Entry<String, JsonNode> path = paths.next();
        Pattern pattern =
            Pattern.compile(
                path.getKey().replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\.") + "/?");
        path.getValue()
            .fields()
            .forEachRemaining(
                op ->
                    operations.add(
                        new Operation(op.getKey(), pattern, path.getKey(), op.getValue())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification responseSpec,
      FilterContext ctx) {
    Response response = ctx.next(request, responseSpec);
    URI uri = URI.create(request.getURI());
    if (!uri.getPath().startsWith("/api/") || uri.getPort() == RealServicesResource.KEYCLOAK_PORT) {
      return response;
    }
    String method = request.getMethod().toLowerCase(java.util.Locale.ROOT);
    Operation op =
        operations.stream()
            .filter(o -> o.method().equals(method) && o.path().matcher(uri.getPath()).matches())
            // the most specific template wins (/submissions/review over /submissions/{id})
            .min(java.util.Comparator.comparingInt(o -> o.template().split("\\{").length))
            .orElse(null);
    if (op == null) {
      return response; // no such operation: 404/405 from the router, not part of the contract
    }
    String status = String.valueOf(response.statusCode());
    JsonNode documented = op.node().path("responses").path(status);
    String where = request.getMethod() + " " + op.template() + " → " + status;
    if (documented.isMissingNode()) {
      throw new AssertionError(
          "contract: "
              + where
              + " is not documented (documented: "
              + iterable(op.node().path("responses").fieldNames())
              + ")");
    }
    String type = String.valueOf(response.contentType()).split(";")[0].strip();
    String body = response.asString();
    if (body.isEmpty() || !(type.endsWith("json"))) {
      CHECKED.incrementAndGet();
      return response;
    }
    JsonNode media = documented.path("content").path(type);
    if (media.isMissingNode()) {
      throw new AssertionError(
          "contract: "
              + where
              + " answered "
              + type
              + ", documented: "
              + iterable(documented.path("content").fieldNames()));
    }
    JsonSchema schema =
        schemas.computeIfAbsent(
            op.template() + " " + method + " " + status + " " + type,
            k -> compile(media.path("schema")));
    try {
      Set<ValidationMessage> errors = schema.validate(json.readTree(body));
      if (!errors.isEmpty()) {
        throw new AssertionError(
            "contract: "
                + where
                + " does not match its schema: "
                + errors.stream()
                    .map(ValidationMessage::getMessage)
                    .limit(5)
                    .collect(Collectors.joining("; ")));
      }
    } catch (IOException e) {
      throw new AssertionError("contract: " + where + " is not JSON: " + e.getMessage());
    }
    CHECKED.incrementAndGet();
    return response;
  }

  private JsonSchema compile(JsonNode schema) {
    try {
      ObjectNode root =
          (ObjectNode)
              json.readTree(
                  json.writeValueAsString(schema).replace("#/components/schemas/", "#/$defs/"));
      root.set("$defs", defs);
      root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
      return factory.getSchema(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String iterable(Iterator<String> names) {
    List<String> out = new ArrayList<>();
    names.forEachRemaining(out::add);
    return String.join(", ", out);
  }
}
