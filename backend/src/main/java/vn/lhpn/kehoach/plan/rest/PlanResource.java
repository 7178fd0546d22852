package vn.lhpn.kehoach.plan.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.PageResult;
import vn.lhpn.kehoach.common.Paging;
import vn.lhpn.kehoach.common.Params;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.Uploads;
import vn.lhpn.kehoach.plan.ItemKind;
import vn.lhpn.kehoach.plan.dto.PlanDtos;
import vn.lhpn.kehoach.plan.service.LevelAmendments;
import vn.lhpn.kehoach.plan.service.PlanImportService;
import vn.lhpn.kehoach.plan.service.PlanService;

@Path("/api/v1")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Plans", description = "Kế hoạch toàn khóa: the plan, its items, import and export")
public class PlanResource {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final PlanService service;
  private final PlanImportService importer;
  private final LevelAmendments amendments;

  PlanResource(PlanService service, PlanImportService importer, LevelAmendments amendments) {
    this.service = service;
    this.importer = importer;
    this.amendments = amendments;
  }

  @GET
  @Path("/plans")
  @Operation(operationId = "listPlans", summary = "Plans the caller may read")
  public PageResult<PlanDtos.Plan> list(
      @QueryParam("page") String page, @QueryParam("size") String size) {
    return service.list(Paging.of(Params.integer("page", page), Params.integer("size", size)));
  }

  @GET
  @Path("/plans/{planId}")
  @Operation(operationId = "getPlan", summary = "One plan by its code (e.g. 11-KH-BCH)")
  public PlanDtos.Plan get(@PathParam("planId") String planId) {
    return service.get(planId);
  }

  @GET
  @Path("/plans/{planId}/items")
  @Operation(
      operationId = "listPlanItems",
      summary = "The plan's items as a flat list in document order, filtered and paged")
  public PageResult<PlanDtos.Item> items(
      @PathParam("planId") String planId,
      @Parameter(schema = @Schema(enumeration = {"section", "group", "leaf", "breakdown"}))
          @QueryParam("kind")
          String kind,
      @Parameter(description = "Department code, e.g. TG-CSLP") @QueryParam("department")
          String department,
      @Parameter(description = "Implementing level: 1 province, 2 district, 3 commune")
          @QueryParam("level")
          String level,
      @Parameter(description = "Only items scheduled in this year") @QueryParam("year") String year,
      @Parameter(description = "Text in code or title; diacritics and case are ignored")
          @QueryParam("q")
          String q,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return service.items(
        planId,
        filter(kind, department, level, year, q),
        Paging.of(Params.integer("page", page), Params.integer("size", size)));
  }

  @GET
  @Path("/plans/{planId}/items/tree")
  @Operation(
      operationId = "getPlanItemTree",
      summary = "The plan's items as a tree; filtered, the matches with the groups above them")
  public List<PlanDtos.Item> tree(
      @PathParam("planId") String planId,
      @Parameter(schema = @Schema(enumeration = {"section", "group", "leaf", "breakdown"}))
          @QueryParam("kind")
          String kind,
      @QueryParam("department") String department,
      @QueryParam("level") String level,
      @QueryParam("year") String year,
      @QueryParam("q") String q) {
    return service.tree(planId, filter(kind, department, level, year, q));
  }

  @GET
  @Path("/plans/{planId}/items/{key}")
  @Operation(operationId = "getPlanItem", summary = "One item by key (e.g. I-2.1), with an ETag")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PlanDtos.Item.class)))
  public Response item(@PathParam("planId") String planId, @PathParam("key") String key) {
    PlanDtos.Item item = service.item(planId, key);
    return Response.ok(item).tag(Etags.of(item.version())).build();
  }

  @PATCH
  @Path("/plans/{planId}/items/{key}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updatePlanItemMeasure",
      summary = "Correct an item's measure (province planner; If-Match required)")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PlanDtos.Item.class)))
  @APIResponse(
      responseCode = "412",
      description = "Changed since read",
      content =
          @Content(
              mediaType = ProblemDetail.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  public Response updateMeasure(
      @PathParam("planId") String planId,
      @PathParam("key") String key,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull PlanDtos.MeasureUpdate update) {
    PlanDtos.Item item = service.updateMeasure(planId, key, Etags.requireVersion(ifMatch), update);
    return Response.ok(item).tag(Etags.of(item.version())).build();
  }

  @PUT
  @Path("/plans/{planId}/items/{key}/term-rule")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updatePlanItemTermRule",
      summary =
          "Set how a leaf is judged over the term: sum, last or each (province planner; If-Match)")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PlanDtos.Item.class)))
  public Response updateTermRule(
      @PathParam("planId") String planId,
      @PathParam("key") String key,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull PlanDtos.TermRuleUpdate update) {
    PlanDtos.Item item = service.updateTermRule(planId, key, Etags.requireVersion(ifMatch), update);
    return Response.ok(item).tag(Etags.of(item.version())).build();
  }

  @PUT
  @Path("/plans/{planId}/items/{key}/reporting-levels")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "updatePlanItemReportingLevels",
      summary =
          "Confirm or correct which levels report a leaf (province planner; If-Match required)")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PlanDtos.Item.class)))
  @APIResponse(
      responseCode = "412",
      description = "Changed since read",
      content =
          @Content(
              mediaType = ProblemDetail.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  public Response updateReportingLevels(
      @PathParam("planId") String planId,
      @PathParam("key") String key,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull PlanDtos.ReportingLevelsUpdate update) {
    PlanDtos.Item item =
        service.updateReportingLevels(planId, key, Etags.requireVersion(ifMatch), update);
    return Response.ok(item).tag(Etags.of(item.version())).build();
  }

  @PUT
  @Path("/plans/{planId}/items/{key}/levels/{year}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "amendPlanItemLevel",
      summary =
          "Điều chỉnh chỉ tiêu: a new level for one year of a count or percentage leaf, with the"
              + " decision and the reason (province planner; If-Match required). The level as"
              + " adopted is kept beside it; progress judges against the new one and says so.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = PlanDtos.Item.class)))
  @APIResponse(
      responseCode = "412",
      description = "Changed since read",
      content =
          @Content(
              mediaType = ProblemDetail.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  public Response amendLevel(
      @PathParam("planId") String planId,
      @PathParam("key") String key,
      @PathParam("year") String year,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull PlanDtos.LevelAmendment amendment) {
    PlanDtos.Item item =
        amendments.amend(
            planId,
            key,
            Params.requiredYear("year", year),
            Etags.requireVersion(ifMatch),
            amendment);
    return Response.ok(item).tag(Etags.of(item.version())).build();
  }

  @GET
  @Path("/plans/{planId}/items/{key}/amendments")
  @Operation(
      operationId = "getPlanItemAmendments",
      summary = "Every amendment of an item's yearly levels, newest first")
  public List<PlanDtos.Amendment> amendments(
      @PathParam("planId") String planId, @PathParam("key") String key) {
    return amendments.history(planId, key);
  }

  @POST
  @Path("/plans/imports")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "importPlan",
      summary =
          "Import a plan file: the text export of the Word table or the .xlsx export (province planner)",
      description =
          "Importing the same file again changes nothing. With dryRun=true nothing is written and the report says what would change. A refused file changes nothing.")
  @APIResponse(
      responseCode = "200",
      description = "Updated, unchanged, or dry run",
      content = @Content(schema = @Schema(implementation = PlanDtos.ImportReport.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = PlanDtos.ImportReport.class)))
  @APIResponse(
      responseCode = "413",
      description = "Larger than 5 MB",
      content =
          @Content(
              mediaType = ProblemDetail.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @APIResponse(
      responseCode = "422",
      description = "Not a plan file, or broken rows",
      content =
          @Content(
              mediaType = ProblemDetail.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  public Response importPlan(
      @RestForm("file")
          @Schema(
              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
              format = "binary")
          FileUpload file,
      @Parameter(description = "Only report what would change") @QueryParam("dryRun")
          boolean dryRun,
      @jakarta.ws.rs.core.Context UriInfo uri) {
    PlanDtos.ImportReport report =
        importer.importUpload(Uploads.read(file), file.fileName(), dryRun);
    if (!dryRun && "created".equals(report.outcome())) {
      return Response.created(
              uri.getBaseUriBuilder().path("api/v1/plans/{code}").build(report.planCode()))
          .entity(report)
          .build();
    }
    return Response.ok(report).build();
  }

  @GET
  @Path("/plans/{planId}/export")
  @Produces(XLSX)
  @Operation(
      operationId = "exportPlan",
      summary =
          "The plan as .xlsx, laid out like the document; importing it back gives the same plan")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = XLSX,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                      format = "binary")))
  public Response export(@PathParam("planId") String planId) {
    byte[] bytes = service.exportXlsx(planId);
    return Response.ok(bytes, XLSX)
        .header("Content-Disposition", Params.attachment("ke-hoach-" + planId, "xlsx"))
        .build();
  }

  @GET
  @Path("/departments")
  @Operation(
      operationId = "listDepartments",
      summary = "The union's departments (Ban) that lead plan items")
  public List<PlanDtos.DepartmentRef> departments() {
    return service.departments();
  }

  private static PlanService.ItemFilter filter(
      String kind, String department, String level, String year, String q) {
    return new PlanService.ItemFilter(
        Params.parse("kind", kind, ItemKind::fromCode, "section, group, leaf, breakdown"),
        department == null || department.isBlank() ? null : department.strip(),
        Params.integer("level", level),
        Params.year("year", year),
        q);
  }
}
