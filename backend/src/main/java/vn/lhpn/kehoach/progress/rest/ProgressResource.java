package vn.lhpn.kehoach.progress.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.Params;
import vn.lhpn.kehoach.progress.dto.ProgressDtos;
import vn.lhpn.kehoach.progress.service.CompletenessQueries;
import vn.lhpn.kehoach.progress.service.ProgressQueries;
import vn.lhpn.kehoach.progress.service.TermAssessments;

@Path("/api/v1/progress")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Progress",
    description =
        "Tiến độ: approved results rolled up the hierarchy, live, against targets; completeness;"
            + " the end-of-term assessment (docs/adr/0005)")
public class ProgressResource {
  private final ProgressQueries queries;
  private final CompletenessQueries completeness;
  private final TermAssessments term;

  ProgressResource(
      ProgressQueries queries, CompletenessQueries completeness, TermAssessments term) {
    this.queries = queries;
    this.completeness = completeness;
    this.term = term;
  }

  @GET
  @Operation(
      operationId = "getProgress",
      summary =
          "Every item of a unit's year: its own figure, its subtree's, what is pending, the"
              + " target, ratio and state")
  public ProgressDtos.UnitProgress unit(
      @Parameter(required = true, example = "11-KH-BCH") @QueryParam("plan") String plan,
      @Parameter(description = "Default: the caller's unit") @QueryParam("unit") String unit,
      @Parameter(required = true, example = "2025") @QueryParam("year") String year) {
    return queries.unit(plan, unit, year(year));
  }

  @GET
  @Path("/units")
  @Operation(
      operationId = "getProgressTable",
      summary = "The units just below a unit side by side: item × unit, against their targets")
  public ProgressDtos.Table table(
      @Parameter(required = true) @QueryParam("plan") String plan,
      @QueryParam("unit") String unit,
      @Parameter(required = true) @QueryParam("year") String year) {
    return queries.table(plan, unit, year(year));
  }

  @GET
  @Path("/values")
  @Operation(
      operationId = "getProgressValues",
      summary = "The figures behind a number: each unit of the subtree with its own figure")
  public ProgressDtos.Values values(
      @Parameter(required = true) @QueryParam("plan") String plan,
      @QueryParam("unit") String unit,
      @Parameter(required = true) @QueryParam("year") String year,
      @Parameter(required = true, example = "I-2.1") @QueryParam("item") String item) {
    if (item == null || item.isBlank()) {
      throw ApiException.invalid("item", Message.of("required"));
    }
    return queries.values(plan, unit, year(year), item.strip());
  }

  @GET
  @Path("/completeness")
  @Operation(
      operationId = "getCompleteness",
      summary =
          "Who reported for a period in a subtree: expected, submitted, approved, returned, late,"
              + " missing, and the list")
  public ProgressDtos.Completeness completeness(
      @Parameter(required = true) @QueryParam("plan") String plan,
      @QueryParam("unit") String unit,
      @Parameter(required = true, example = "2025-H2") @QueryParam("period") String period) {
    return completeness.completeness(plan, unit, period);
  }

  @GET
  @Path("/term")
  @Operation(
      operationId = "getTermAssessment",
      summary = "The end-of-term assessment of a unit: each leaf and each chỉ tiêu")
  public ProgressDtos.Term term(
      @Parameter(required = true) @QueryParam("plan") String plan,
      @QueryParam("unit") String unit) {
    return term.term(plan, unit);
  }

  private static int year(String year) {
    return Params.requiredYear("year", year);
  }
}
