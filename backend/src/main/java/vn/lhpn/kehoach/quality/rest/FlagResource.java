package vn.lhpn.kehoach.quality.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.lhpn.kehoach.common.Paging;
import vn.lhpn.kehoach.common.Params;
import vn.lhpn.kehoach.quality.dto.FigureDtos;
import vn.lhpn.kehoach.quality.service.FigureReview;

@Path("/api/v1/flags")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Submissions")
public class FlagResource {
  private final FigureReview review;

  FlagResource(FigureReview review) {
    this.review = review;
  }

  @GET
  @Operation(
      operationId = "listFlaggedValues",
      summary =
          "Every flagged value of a plan's year in a unit's subtree, with its unit, period and"
              + " state: the figures to clean before the term is locked")
  public FigureDtos.Listing list(
      @Parameter(required = true, example = "11-KH-BCH") @QueryParam("plan") String plan,
      @Parameter(required = true, example = "2025") @QueryParam("year") String year,
      @Parameter(description = "The subtree's unit (default: the caller's); a province or below")
          @QueryParam("unit")
          String unit,
      @Parameter(description = "Only the values not checked, or changed since they were")
          @QueryParam("open")
          String open,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return review.list(
        plan,
        Params.requiredYear("year", year),
        unit,
        Boolean.TRUE.equals(Params.parse("open", open, Params::bool, "true, false")),
        Paging.of(Params.integer("page", page), Params.integer("size", size)));
  }
}
