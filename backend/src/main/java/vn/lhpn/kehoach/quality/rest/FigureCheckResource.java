package vn.lhpn.kehoach.quality.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.quality.dto.FigureDtos;
import vn.lhpn.kehoach.quality.service.FigureSettings;

@Path("/api/v1/plans/{planId}/figure-checks")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans")
public class FigureCheckResource {
  private final FigureSettings settings;

  FigureCheckResource(FigureSettings settings) {
    this.settings = settings;
  }

  @GET
  @Operation(
      operationId = "getFigureChecks",
      summary = "When a reported number of the plan is flagged: the thresholds and their history")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = FigureDtos.Settings.class)))
  public Response read(@PathParam("planId") String planId) {
    FigureDtos.Settings s = settings.read(planId);
    return Response.ok(s).tag(Etags.of(s.version())).build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateFigureChecks",
      summary = "Change the thresholds (a planner of the plan's province; If-Match required)")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = FigureDtos.Settings.class)))
  public Response change(
      @PathParam("planId") String planId,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull FigureDtos.Thresholds thresholds) {
    FigureDtos.Settings s = settings.change(planId, Etags.requireVersion(ifMatch), thresholds);
    return Response.ok(s).tag(Etags.of(s.version())).build();
  }
}
