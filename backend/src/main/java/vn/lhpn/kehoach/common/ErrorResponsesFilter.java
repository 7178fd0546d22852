package vn.lhpn.kehoach.common;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents on every operation the errors it can give, each as {@code application/problem+json}
 * with the {@code ProblemDetail} schema, from what the operation takes: every operation may answer
 * 401, 403 and 429 (writes); one with parameters or a body 400; one that names a resource (a path
 * or a unit, period, plan, item) 404; a body 413; an {@code If-Match} 412 and 428; an {@code
 * Idempotency-Key} or an upload 422; a write 409. Generated clients get the error type they parse.
 * Run by {@link TypedParametersFilter}, the one filter the configuration names.
 */
public class ErrorResponsesFilter implements OASFilter {
  private static final String PROBLEM = "#/components/schemas/Problem";

  private static final Map<String, String> DESCRIPTIONS =
      Map.ofEntries(
          Map.entry("400", "The request is invalid: each wrong field is named in errors[]"),
          Map.entry("401", "No valid bearer token"),
          Map.entry("403", "The caller's roles do not allow this"),
          Map.entry("404", "Not found, or outside the caller's subtree (the same answer)"),
          Map.entry("409", "Not allowed in the resource's current state (says which steps are)"),
          Map.entry("412", "Changed since the caller read it: the ETag in If-Match is stale"),
          Map.entry("413", "The body or the file is over the limit"),
          Map.entry("415", "The body is not of the media type the operation takes"),
          Map.entry("422", "Cannot be used as sent (a reused Idempotency-Key, an unreadable file)"),
          Map.entry("428", "If-Match is required"),
          Map.entry("429", "Too many writes: retry after the seconds in Retry-After"),
          Map.entry(
              "503",
              "The database is unavailable: nothing was saved; retry after Retry-After (a write"
                  + " with the same Idempotency-Key is safe to retry)"));

  @Override
  public void filterOpenAPI(OpenAPI api) {
    if (api.getPaths() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : api.getPaths().getPathItems().entrySet()) {
      for (Map.Entry<PathItem.HttpMethod, Operation> op :
          path.getValue().getOperations().entrySet()) {
        document(path.getKey(), op.getKey(), op.getValue());
      }
    }
  }

  private static void document(String path, PathItem.HttpMethod method, Operation op) {
    boolean write = method != PathItem.HttpMethod.GET;
    boolean hasParams = op.getParameters() != null && !op.getParameters().isEmpty();
    boolean body = op.getRequestBody() != null;
    boolean upload =
        body
            && op.getRequestBody().getContent() != null
            && op.getRequestBody().getContent().hasMediaType("multipart/form-data");
    boolean ifMatch = header(op, "If-Match");
    boolean idempotent = header(op, "Idempotency-Key");
    boolean names =
        body // a body names a plan, a unit, a period or reports
            || path.contains("{")
            || (hasParams
                && op.getParameters().stream()
                    .anyMatch(
                        p ->
                            p.getIn() == Parameter.In.QUERY
                                && java.util.Set.of("plan", "unit", "parent", "period", "item")
                                    .contains(p.getName())));
    Map<String, Boolean> codes = new TreeMap<>();
    codes.put("401", true);
    codes.put("403", true);
    codes.put("400", hasParams || body);
    codes.put("404", names);
    codes.put("409", write);
    codes.put("412", ifMatch);
    codes.put("428", ifMatch);
    codes.put("413", body);
    codes.put("415", body);
    codes.put("422", idempotent || upload);
    codes.put("429", write);
    codes.put("503", true);
    codes.forEach(
        (code, applies) -> {
          if (applies) {
            problem(op, code);
          }
        });
    // errors an operation declares itself (a 422 of a fill, a 412 of a bulk review): problems too
    new java.util.ArrayList<>(op.getResponses().getAPIResponses().keySet())
        .stream().filter(code -> code.startsWith("4")).forEach(code -> problem(op, code));
    // every success answer says what it is (a 201 without a description is invalid)
    op.getResponses()
        .getAPIResponses()
        .forEach(
            (code, response) -> {
              if (response.getDescription() == null || response.getDescription().isBlank()) {
                response.setDescription(code.equals("201") ? "Created" : "OK");
              }
            });
  }

  private static boolean header(Operation op, String name) {
    return op.getParameters() != null
        && op.getParameters().stream()
            .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
  }

  private static void problem(Operation op, String code) {
    APIResponse response = op.getResponses().getAPIResponse(code);
    if (response == null) {
      response = OASFactory.createAPIResponse();
      op.getResponses().addAPIResponse(code, response);
    }
    if (response.getDescription() == null || response.getDescription().isBlank()) {
      response.setDescription(DESCRIPTIONS.getOrDefault(code, "Problem"));
    }
    MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM));
    Content content = OASFactory.createContent().addMediaType("application/problem+json", media);
    response.setContent(content);
  }
}
