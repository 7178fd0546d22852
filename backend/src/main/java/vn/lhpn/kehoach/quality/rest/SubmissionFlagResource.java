package vn.lhpn.kehoach.quality.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Idempotency;
import vn.lhpn.kehoach.quality.dto.FigureDtos;
import vn.lhpn.kehoach.quality.service.FigureReview;
import vn.lhpn.kehoach.security.CurrentUser;

@Path("/api/v1/submissions/{id: \\d+}/flags")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Submissions")
public class SubmissionFlagResource {
  private final FigureReview review;
  private final Idempotency idempotency;
  private final CurrentUser user;

  SubmissionFlagResource(FigureReview review, Idempotency idempotency, CurrentUser user) {
    this.review = review;
    this.idempotency = idempotency;
    this.user = user;
  }

  @GET
  @Operation(
      operationId = "getSubmissionFlags",
      summary = "The values of a report that look wrong, why, and whether they were checked",
      description =
          "Computed from the figures as they are now (docs/adr/0014): each number against the"
              + " unit's value of the same period last year, its target of the year and similar"
              + " units (same level, same province, same period), with the plan's thresholds.")
  public FigureDtos.SubmissionFlags flags(@PathParam("id") long id) {
    return review.of(id);
  }

  @POST
  @Path("/{item}/check")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "checkFlaggedValue",
      summary =
          "Mark a flagged value as checked, with a note (a reviewer of the unit above; If-Match"
              + " the report's version)",
      description =
          "The check holds for the value it was made on: if the unit changes the value later,"
              + " the flag is open again. The unit sees the note.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = FigureDtos.SubmissionFlags.class)))
  public Response check(
      @PathParam("id") long id,
      @Parameter(example = "I-1.1") @PathParam("item") String item,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Parameter(in = ParameterIn.HEADER, description = Idempotency.HEADER_DOC)
          @HeaderParam(Idempotency.HEADER)
          String key,
      @Valid @NotNull FigureDtos.CheckInput input,
      @Context UriInfo uri) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ifMatch", ifMatch);
    body.put("note", input.note());
    return idempotency.once(
        user.username(),
        key,
        "POST",
        uri.getPath(),
        body,
        () -> {
          FigureDtos.SubmissionFlags flags =
              review.check(id, item, Etags.requireVersion(ifMatch), input.note());
          return Response.ok(flags).tag(Etags.of(flags.version())).build();
        });
  }
}
