package vn.lhpn.kehoach.me;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.ProblemDetail;

@Path("/api/v1/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "The logged-in user")
public class MeResource {
  private final MeService service;

  MeResource(MeService service) {
    this.service = service;
  }

  @GET
  @Operation(operationId = "getMe", summary = "Who is calling: username, roles and org unit")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = MeDtos.Me.class)))
  @APIResponse(
      responseCode = "401",
      description = "No valid token",
      content =
          @Content(
              mediaType = ProblemDetail.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  public MeDtos.Me me() {
    return service.me();
  }

  @GET
  @Path("/preferences")
  @Operation(
      operationId = "getMyPreferences",
      summary = "The caller's UI preferences, with an ETag")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = MeDtos.Preferences.class)))
  public Response preferences() {
    var current = service.preferences();
    return Response.ok(current.value()).tag(Etags.of(current.version())).build();
  }

  @PUT
  @Path("/preferences")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "putMyPreferences",
      summary = "Change the caller's UI preferences (If-Match required)")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = MeDtos.Preferences.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid or malformed body",
      content =
          @Content(
              mediaType = ProblemDetail.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @APIResponse(
      responseCode = "412",
      description = "Changed since the ETag was read",
      content =
          @Content(
              mediaType = ProblemDetail.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @APIResponse(
      responseCode = "428",
      description = "If-Match missing",
      content =
          @Content(
              mediaType = ProblemDetail.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  public Response updatePreferences(
      @Parameter(description = "The ETag from the last read", required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid @NotNull MeDtos.PreferencesUpdate update) {
    var saved = service.updatePreferences(Etags.requireVersion(ifMatch), update);
    return Response.ok(saved.value()).tag(Etags.of(saved.version())).build();
  }
}
