package vn.lhpn.kehoach.submission.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Idempotency;
import vn.lhpn.kehoach.common.PageResult;
import vn.lhpn.kehoach.common.Paging;
import vn.lhpn.kehoach.common.Params;
import vn.lhpn.kehoach.security.CurrentUser;
import vn.lhpn.kehoach.submission.dto.SubmissionDtos;
import vn.lhpn.kehoach.submission.service.ReviewQueue;
import vn.lhpn.kehoach.submission.service.SubmissionCommands;
import vn.lhpn.kehoach.submission.service.SubmissionQueries;
import vn.lhpn.kehoach.submission.service.Workflow.Action;

@Path("/api/v1/submissions")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Submissions",
    description =
        "Báo cáo kết quả: a unit's values for a period; draft → submitted → approved, or returned")
public class SubmissionResource {
  private final SubmissionQueries queries;
  private final SubmissionCommands commands;
  private final ReviewQueue reviewQueue;
  private final Idempotency idempotency;
  private final CurrentUser user;

  SubmissionResource(
      SubmissionQueries queries,
      SubmissionCommands commands,
      ReviewQueue reviewQueue,
      Idempotency idempotency,
      CurrentUser user) {
    this.queries = queries;
    this.commands = commands;
    this.reviewQueue = reviewQueue;
    this.idempotency = idempotency;
    this.user = user;
  }

  @GET
  @Operation(
      operationId = "listSubmissions",
      summary = "Submissions of the caller's units; updatedSince for clients that sync")
  public PageResult<SubmissionDtos.Submission> list(
      @Parameter(required = true, example = "11-KH-BCH") @QueryParam("plan") String plan,
      @Parameter(example = "2026-H1") @QueryParam("period") String period,
      @QueryParam("unit") String unit,
      @Parameter(schema = @Schema(enumeration = {"draft", "returned", "submitted", "approved"}))
          @QueryParam("state")
          String state,
      @Parameter(description = "ISO 8601 with offset; only submissions changed after it")
          @QueryParam("updatedSince")
          String updatedSince,
      @Parameter(description = "true: each submission with its values (for a client that syncs)")
          @QueryParam("withValues")
          String withValues,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    OffsetDateTime since = Params.time("updatedSince", updatedSince);
    Boolean values = Params.parse("withValues", withValues, Params::bool, "true, false");
    return queries.list(
        new SubmissionQueries.Filter(
            plan,
            blankToNull(period),
            blankToNull(unit),
            blankToNull(state),
            since,
            Boolean.TRUE.equals(values)),
        Paging.of(Params.integer("page", page), Params.integer("size", size)));
  }

  @GET
  @Path("/form")
  @Operation(
      operationId = "getSubmissionForm",
      summary =
          "What a unit reports for a period: each applicable leaf with its target and value, and"
              + " the submission if it exists")
  public SubmissionDtos.Form form(
      @Parameter(required = true, example = "11-KH-BCH") @QueryParam("plan") String plan,
      @Parameter(required = true, example = "2026-H1") @QueryParam("period") String period,
      @Parameter(description = "Defaults to the caller's unit") @QueryParam("unit") String unit) {
    return queries.form(plan, period, unit);
  }

  @GET
  @Path("/review-queue")
  @Operation(
      operationId = "getReviewQueue",
      summary =
          "A reviewer's queue: per period, how the units they review stand; the units of one"
              + " period (the first with reports waiting, unless chosen)")
  public SubmissionDtos.Queue queue(
      @Parameter(required = true, example = "11-KH-BCH") @QueryParam("plan") String plan,
      @QueryParam("period") String period) {
    return reviewQueue.queue(plan, blankToNull(period));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "createSubmission",
      summary = "First save of a unit's report for a period (reporter of the unit)")
  @APIResponse(
      responseCode = "201",
      content = @Content(schema = @Schema(implementation = SubmissionDtos.Submission.class)))
  public Response create(
      @Parameter(in = ParameterIn.HEADER, description = Idempotency.HEADER_DOC)
          @HeaderParam(Idempotency.HEADER)
          String key,
      @Valid @NotNull SubmissionDtos.Create create,
      @Context UriInfo uri) {
    return once(
        key,
        uri,
        create,
        () -> {
          SubmissionDtos.Submission s = commands.create(create);
          return Response.created(
                  uri.getBaseUriBuilder().path("api/v1/submissions/{id}").build(s.id()))
              .entity(s)
              .tag(Etags.of(s.version()))
              .build();
        });
  }

  @POST
  @Path("/review")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "reviewSubmissions",
      summary = "Approve or return several submissions at once: all of them or none")
  @APIResponse(
      responseCode = "412",
      description = "A submission changed since the version given for it")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = SubmissionDtos.BulkResult.class)))
  public Response bulkReview(
      @Parameter(in = ParameterIn.HEADER, description = Idempotency.HEADER_DOC)
          @HeaderParam(Idempotency.HEADER)
          String key,
      @Valid @NotNull SubmissionDtos.BulkReview bulk,
      @Context UriInfo uri) {
    return once(key, uri, bulk, () -> Response.ok(commands.bulkReview(bulk)).build());
  }

  @GET
  @Path("/{id: \\d+}")
  @Operation(operationId = "getSubmission", summary = "One submission with its values and ETag")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = SubmissionDtos.Submission.class)))
  public Response get(@PathParam("id") long id) {
    return withEtag(queries.get(id));
  }

  @PUT
  @Path("/{id: \\d+}/values")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "saveSubmissionValues",
      summary =
          "Save values in one request (If-Match required); listed items are replaced, others kept")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = SubmissionDtos.Submission.class)))
  public Response saveValues(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Parameter(in = ParameterIn.HEADER, description = Idempotency.HEADER_DOC)
          @HeaderParam(Idempotency.HEADER)
          String key,
      @Valid @NotNull SubmissionDtos.Values values,
      @Context UriInfo uri) {
    return idempotency.once(
        user.username(),
        key,
        "PUT",
        uri.getPath(),
        request(ifMatch, values),
        () -> withEtag(commands.saveValues(id, Etags.requireVersion(ifMatch), values.values())));
  }

  @POST
  @Path("/{id: \\d+}/submit")
  @Operation(
      operationId = "submitSubmission",
      summary = "Submit for review (reporter of the unit; If-Match required)")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = SubmissionDtos.Submission.class)))
  public Response submit(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Parameter(in = ParameterIn.HEADER, description = Idempotency.HEADER_DOC)
          @HeaderParam(Idempotency.HEADER)
          String key,
      @Context UriInfo uri) {
    return transition(id, ifMatch, key, uri, Action.SUBMIT, null);
  }

  @POST
  @Path("/{id: \\d+}/approve")
  @Operation(
      operationId = "approveSubmission",
      summary = "Approve (reviewer of the unit above; If-Match required); it is then locked")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = SubmissionDtos.Submission.class)))
  public Response approve(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Parameter(in = ParameterIn.HEADER, description = Idempotency.HEADER_DOC)
          @HeaderParam(Idempotency.HEADER)
          String key,
      @Context UriInfo uri) {
    return transition(id, ifMatch, key, uri, Action.APPROVE, null);
  }

  @POST
  @Path("/{id: \\d+}/return")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "returnSubmission",
      summary = "Return to the unit with a reason (reviewer of the unit above; If-Match required)")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = SubmissionDtos.Submission.class)))
  public Response returnIt(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Parameter(in = ParameterIn.HEADER, description = Idempotency.HEADER_DOC)
          @HeaderParam(Idempotency.HEADER)
          String key,
      @Valid @NotNull SubmissionDtos.Reason reason,
      @Context UriInfo uri) {
    return transition(id, ifMatch, key, uri, Action.RETURN, reason.reason());
  }

  @POST
  @Path("/{id: \\d+}/reopen")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "reopenSubmission",
      summary =
          "Reopen an approved submission with a reason (reviewer of the unit above; If-Match"
              + " required); it needs approval again")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = SubmissionDtos.Submission.class)))
  public Response reopen(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Parameter(in = ParameterIn.HEADER, description = Idempotency.HEADER_DOC)
          @HeaderParam(Idempotency.HEADER)
          String key,
      @Valid @NotNull SubmissionDtos.Reason reason,
      @Context UriInfo uri) {
    return transition(id, ifMatch, key, uri, Action.REOPEN, reason.reason());
  }

  @GET
  @Path("/{id: \\d+}/history")
  @Operation(
      operationId = "getSubmissionHistory",
      summary = "Every value change and transition: who, when, before, after (read-only)")
  public List<SubmissionDtos.Event> history(
      @PathParam("id") long id,
      @Parameter(description = "Only this plan item's changes", example = "I-2.1")
          @QueryParam("item")
          String item) {
    return queries.history(id, blankToNull(item));
  }

  @GET
  @Path("/{id: \\d+}/diff")
  @Operation(operationId = "getSubmissionDiff", summary = "What changed since the last approval")
  public SubmissionDtos.Diff diff(@PathParam("id") long id) {
    return queries.diff(id);
  }

  private Response transition(
      long id, String ifMatch, String key, UriInfo uri, Action action, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reason", reason);
    return once(
        key,
        uri,
        request(ifMatch, body),
        () -> withEtag(commands.transition(id, Etags.requireVersion(ifMatch), action, reason)));
  }

  private Response once(String key, UriInfo uri, Object body, Supplier<Response> action) {
    return idempotency.once(user.username(), key, "POST", uri.getPath(), body, action);
  }

  private static Map<String, Object> request(String ifMatch, Object body) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ifMatch", ifMatch);
    m.put("body", body);
    return m;
  }

  private static Response withEtag(SubmissionDtos.Submission s) {
    return Response.ok(s).tag(Etags.of(s.version())).build();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
