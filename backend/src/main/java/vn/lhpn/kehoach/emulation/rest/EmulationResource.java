package vn.lhpn.kehoach.emulation.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Idempotency;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.Params;
import vn.lhpn.kehoach.emulation.dto.EmulationDtos;
import vn.lhpn.kehoach.emulation.service.EmulationExports;
import vn.lhpn.kehoach.emulation.service.EmulationScores;
import vn.lhpn.kehoach.emulation.service.EmulationSettings;
import vn.lhpn.kehoach.plan.service.PlanPolicy;
import vn.lhpn.kehoach.security.CurrentUser;

@Path("/api/v1/emulation")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Emulation")
public class EmulationResource {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final EmulationSettings settings;
  private final EmulationScores scores;
  private final PlanPolicy plans;
  private final Idempotency idempotency;
  private final CurrentUser user;
  private final Clock clock;

  EmulationResource(
      EmulationSettings settings,
      EmulationScores scores,
      PlanPolicy plans,
      Idempotency idempotency,
      CurrentUser user,
      Clock clock) {
    this.settings = settings;
    this.scores = scores;
    this.plans = plans;
    this.idempotency = idempotency;
    this.user = user;
    this.clock = clock;
  }

  @GET
  @Path("/settings")
  @Operation(
      operationId = "getEmulationSettings",
      summary = "A plan's emulation clusters and scoring table, with their history")
  public EmulationDtos.Settings read(
      @Parameter(required = true, example = "11-KH-BCH") @QueryParam("plan") String plan) {
    return settings.read(plan);
  }

  @PUT
  @Path("/scoring")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateScoringTable",
      summary = "Change the scoring table (the province's planner; If-Match its version)")
  public EmulationDtos.Settings scoring(
      @Parameter(required = true, example = "11-KH-BCH") @QueryParam("plan") String plan,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull EmulationDtos.Scoring table) {
    return settings.changeScoring(required(plan), Etags.requireVersion(ifMatch), table);
  }

  @PUT
  @Path("/clusters")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updateEmulationClusters",
      summary =
          "Replace the clusters: which units compete together and who leads each (the"
              + " province's planner; If-Match their version)")
  public EmulationDtos.Settings clusters(
      @Parameter(required = true, example = "11-KH-BCH") @QueryParam("plan") String plan,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull EmulationDtos.Clusters clusters) {
    return settings.changeClusters(required(plan), Etags.requireVersion(ifMatch), clusters);
  }

  @GET
  @Path("/scores")
  @Operation(
      operationId = "getEmulationScores",
      summary =
          "Each unit's score by line of the table and its rank in its cluster, for a year or the"
              + " whole term (a unit reads its own cluster; the levels above, theirs)")
  public EmulationDtos.Scores scores(
      @Parameter(required = true, example = "11-KH-BCH") @QueryParam("plan") String plan,
      @Parameter(
              description = "A year of the plan; absent: the whole term so far",
              example = "2025")
          @QueryParam("year")
          String year) {
    return scores.scores(required(plan), Params.year("year", year));
  }

  @POST
  @Path("/manual-scores")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "enterManualScore",
      summary =
          "Enter the manual part of a unit's score for a year, with the reason (the cluster's"
              + " leader or the province's planner)")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = EmulationDtos.Scores.class)))
  public Response manual(
      @Parameter(required = true, example = "11-KH-BCH") @QueryParam("plan") String plan,
      @Parameter(in = ParameterIn.HEADER, description = Idempotency.HEADER_DOC)
          @HeaderParam(Idempotency.HEADER)
          String key,
      @Valid @NotNull EmulationDtos.ManualInput input,
      @Context UriInfo uri) {
    return idempotency.once(
        user.username(),
        key,
        "POST",
        uri.getPath() + "?plan=" + plan,
        input,
        () -> Response.ok(scores.enter(required(plan), input)).build());
  }

  @GET
  @Path("/scores/xlsx")
  @Produces(XLSX)
  @Operation(
      operationId = "downloadEmulationScoresXlsx",
      summary = "The scores as a workbook: a sheet per cluster, each line of the table")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response xlsx(
      @Parameter(required = true) @QueryParam("plan") String plan,
      @QueryParam("year") String year) {
    EmulationDtos.Scores s = scores.scores(required(plan), Params.year("year", year));
    return Response.ok(EmulationExports.workbook(s), XLSX)
        .header("Content-Disposition", Params.attachment(fileName(s), "xlsx"))
        .build();
  }

  @GET
  @Path("/scores/docx")
  @Produces(DOCX)
  @Operation(
      operationId = "downloadEmulationScoresDocx",
      summary = "The scores as a Word table in the administrative layout, for the council")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(mediaType = DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response docx(
      @Parameter(required = true) @QueryParam("plan") String plan,
      @QueryParam("year") String year) {
    EmulationDtos.Scores s = scores.scores(required(plan), Params.year("year", year));
    var p = plans.readable(plan);
    String union = p.issuer == null || p.issuer.isBlank() ? "HỘI LHPN" : p.issuer;
    return Response.ok(
            EmulationExports.document(s, union, place(union), LocalDate.now(clock)), DOCX)
        .header("Content-Disposition", Params.attachment(fileName(s), "docx"))
        .build();
  }

  /** "Thái Nguyên" from "Hội LHPN tỉnh Thái Nguyên". */
  static String place(String union) {
    int at = union.toLowerCase(java.util.Locale.ROOT).lastIndexOf("tỉnh ");
    return at < 0 ? "" : union.substring(at + 5).strip();
  }

  private static String fileName(EmulationDtos.Scores s) {
    return "thi-dua-" + s.planId() + "-" + (s.year() == null ? "nhiem-ky" : s.year());
  }

  private static String required(String plan) {
    if (plan == null || plan.isBlank()) {
      throw ApiException.invalid("plan", Message.of("required"));
    }
    return plan.strip();
  }
}
