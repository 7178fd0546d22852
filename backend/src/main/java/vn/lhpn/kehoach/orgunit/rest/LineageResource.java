package vn.lhpn.kehoach.orgunit.rest;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Params;
import vn.lhpn.kehoach.orgunit.dto.LineageDtos;
import vn.lhpn.kehoach.orgunit.service.LineageReview;

@Path("/api/v1/org-unit-lineage")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Org units",
    description =
        "Đơn vị: the province, district-level and commune-level units, with their history")
public class LineageResource {
  private final LineageReview review;

  LineageResource(LineageReview review) {
    this.review = review;
  }

  @GET
  @Operation(
      operationId = "listLineage",
      summary = "The lineage rows of the caller's province, in date order (admin of the province)")
  public List<LineageDtos.Row> list(
      @Parameter(
              description = "Only the rows the source did not confirm",
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN))
          @QueryParam("unconfirmed")
          String unconfirmed) {
    return review.list(
        Boolean.TRUE.equals(Params.parse("unconfirmed", unconfirmed, Params::bool, "true, false")));
  }

  @GET
  @Path("/{id: \\d+}")
  @Operation(operationId = "getLineageRow", summary = "One lineage row, with its ETag")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = LineageDtos.Row.class)))
  public Response get(@PathParam("id") long id) {
    LineageDtos.Row row = review.get(id);
    return Response.ok(row).tag(Etags.of(row.version())).build();
  }

  @PUT
  @Path("/{id: \\d+}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "reviewLineageRow",
      summary =
          "Confirm a lineage row, or correct the unit that received the old one, with the reason"
              + " (If-Match; kept in the row's history)")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = LineageDtos.Row.class)))
  public Response put(
      @PathParam("id") long id,
      @Parameter(description = "The ETag from the last read", required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid @NotNull LineageDtos.Review body) {
    LineageDtos.Row row = review.review(id, ifMatch, body);
    return Response.ok(row).tag(Etags.of(row.version())).build();
  }

  @GET
  @Path("/{id: \\d+}/history")
  @Operation(
      operationId = "getLineageHistory",
      summary = "Every confirmation and correction of a lineage row: who, when, why, before, after")
  public List<LineageDtos.Change> history(@PathParam("id") long id) {
    return review.history(id);
  }
}
