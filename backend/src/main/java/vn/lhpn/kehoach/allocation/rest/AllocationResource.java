package vn.lhpn.kehoach.allocation.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.lhpn.kehoach.allocation.dto.AllocationDtos;
import vn.lhpn.kehoach.allocation.service.AllocationColumns;
import vn.lhpn.kehoach.allocation.service.AllocationOverview;
import vn.lhpn.kehoach.allocation.service.AllocationSheets;
import vn.lhpn.kehoach.allocation.service.BatchAllocation;
import vn.lhpn.kehoach.allocation.service.FillProposals;
import vn.lhpn.kehoach.allocation.service.UnitWeights;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.Params;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.Uploads;

@Path("/api/v1/targets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Targets",
    description = "Giao chỉ tiêu: the plan's yearly levels allocated down the hierarchy")
public class AllocationResource {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  private final AllocationColumns columns;
  private final FillProposals fills;
  private final BatchAllocation batch;
  private final AllocationOverview overview;
  private final AllocationSheets sheets;
  private final UnitWeights weights;

  AllocationResource(
      AllocationColumns columns,
      FillProposals fills,
      BatchAllocation batch,
      AllocationOverview overview,
      AllocationSheets sheets,
      UnitWeights weights) {
    this.columns = columns;
    this.fills = fills;
    this.batch = batch;
    this.overview = overview;
    this.sheets = sheets;
    this.weights = weights;
  }

  @GET
  @Path("/allocation")
  @Operation(
      operationId = "getAllocation",
      summary =
          "One item and year: the parent unit's target and its children's, with sum and mismatch")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = AllocationDtos.Column.class)))
  public Response column(
      @Parameter(required = true, example = "11-KH-BCH") @QueryParam("plan") String plan,
      @Parameter(required = true, example = "I-2.1") @QueryParam("item") String item,
      @Parameter(required = true, example = "2024") @QueryParam("year") String year,
      @Parameter(
              required = true,
              description = "The unit whose children are allocated",
              example = "19")
          @QueryParam("parent")
          String parent) {
    AllocationDtos.Column column =
        columns.column(
            required("plan", plan), required("item", item), year(year), required("parent", parent));
    return Response.ok(column).tag(Etags.ofDigest(column.etag())).build();
  }

  @PUT
  @Path("/allocation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "saveAllocation",
      summary =
          "Set the children's targets of one item and year (planner of the parent unit; If-Match required)")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = AllocationDtos.Column.class)))
  @APIResponse(
      responseCode = "412",
      description = "Changed since read",
      content =
          @Content(
              mediaType = ProblemDetail.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  public Response save(
      @QueryParam("plan") String plan,
      @QueryParam("item") String item,
      @QueryParam("year") String year,
      @QueryParam("parent") String parent,
      @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
      @Valid @NotNull AllocationDtos.Update update) {
    String tag = Etags.requireTag(ifMatch);
    AllocationDtos.Column column =
        columns.save(
            required("plan", plan),
            required("item", item),
            year(year),
            required("parent", parent),
            tag,
            update);
    return Response.ok(column).tag(Etags.ofDigest(column.etag())).build();
  }

  @GET
  @Path("/allocation/fill")
  @Operation(
      operationId = "proposeAllocation",
      summary = "How a fill method would set the column (nothing is saved)")
  @APIResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = AllocationDtos.Fill.class)))
  @APIResponse(responseCode = "422", description = "The parent has no target to split")
  public AllocationDtos.Fill fill(
      @QueryParam("plan") String plan,
      @QueryParam("item") String item,
      @QueryParam("year") String year,
      @QueryParam("parent") String parent,
      @Parameter(
              required = true,
              description =
                  "predecessors: each unit's former units' targets of the year (or the latest"
                      + " earlier one), added up; a split unit's shared equally",
              schema =
                  @Schema(
                      enumeration = {
                        "equal",
                        "each",
                        "per-commune",
                        "proportional",
                        "predecessors"
                      }))
          @QueryParam("method")
          String method,
      @Parameter(description = "For each and per-commune: the value per unit or per commune")
          @QueryParam("value")
          String value,
      @Parameter(
              description = "For equal: where the units left over go",
              schema = @Schema(enumeration = {"first", "last", "none"}))
          @QueryParam("remainder")
          String remainder,
      @Parameter(description = "Comma-separated unit codes to fill; all children when absent")
          @QueryParam("units")
          String units,
      @Parameter(
              description =
                  "For proportional: 'communes' (default) or the name of a figure kept per unit (see /weights)")
          @QueryParam("weight")
          String weight) {
    BigDecimal v;
    try {
      v = value == null || value.isBlank() ? null : new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw ApiException.invalid("value", Message.of("param.number"));
    }
    List<String> codes =
        units == null || units.isBlank()
            ? null
            : Arrays.stream(units.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    return fills.fill(
        required("plan", plan),
        required("item", item),
        year(year),
        required("parent", parent),
        method,
        v,
        remainder,
        codes,
        weight);
  }

  @GET
  @Path("/allocation/history")
  @Operation(
      operationId = "getAllocationHistory",
      summary = "Every change of a column's targets: who, when, before, after, why")
  public List<AllocationDtos.Change> history(
      @QueryParam("plan") String plan,
      @QueryParam("item") String item,
      @QueryParam("year") String year,
      @QueryParam("parent") String parent) {
    return columns.history(
        required("plan", plan), required("item", item), year(year), required("parent", parent));
  }

  @GET
  @Path("/overview")
  @Operation(
      operationId = "getTargetOverview",
      summary = "All items of a unit's year: its target and the state of its allocation below")
  public List<AllocationDtos.OverviewRow> overview(
      @QueryParam("plan") String plan,
      @QueryParam("year") String year,
      @QueryParam("unit") String unit) {
    return overview.overview(required("plan", plan), year(year), required("unit", unit));
  }

  @POST
  @Path("/copy")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "copyAllocation",
      summary = "Copy a year's allocation of a parent unit to later years")
  public AllocationDtos.BatchResult copy(@Valid @NotNull AllocationDtos.Copy copy) {
    return batch.copy(copy);
  }

  @POST
  @Path("/bulk")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "allocateDepartment",
      summary = "Allocate a whole year for all items a department leads")
  public AllocationDtos.BatchResult bulk(@Valid @NotNull AllocationDtos.Bulk bulk) {
    return batch.allocateDepartment(bulk);
  }

  @GET
  @Path("/sheet")
  @Produces(XLSX)
  @Operation(
      operationId = "downloadAllocationSheet",
      summary =
          "The allocation sheet of a unit and year as .xlsx: an item per row, a child unit per column")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(
              mediaType = XLSX,
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                      format = "binary")))
  public Response sheet(
      @QueryParam("plan") String plan,
      @QueryParam("year") String year,
      @QueryParam("parent") String parent) {
    int y = year(year);
    byte[] bytes = sheets.sheet(required("plan", plan), y, required("parent", parent));
    return Response.ok(bytes, XLSX)
        .header(
            "Content-Disposition", Params.attachment("giao-chi-tieu-" + parent + "-" + y, "xlsx"))
        .build();
  }

  @POST
  @Path("/sheet")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "uploadAllocationSheet",
      summary =
          "Upload a filled allocation sheet (planner of its unit); dryRun reports without saving; every error names its row and unit")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = AllocationDtos.BatchResult.class)))
  @APIResponse(
      responseCode = "422",
      description = "Errors, with row and unit; nothing saved",
      content =
          @Content(
              mediaType = ProblemDetail.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  public AllocationDtos.BatchResult uploadSheet(
      @RestForm("file")
          @Schema(
              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
              format = "binary")
          FileUpload file,
      @QueryParam("dryRun") boolean dryRun) {
    return sheets.upload(Uploads.read(file), dryRun);
  }

  @GET
  @Path("/weights")
  @Operation(
      operationId = "getUnitWeights",
      summary =
          "Figures kept per child unit for a year (members, women 18+…), and the communes below each")
  public AllocationDtos.Weights weights(
      @QueryParam("year") String year, @QueryParam("parent") String parent) {
    return weights.weights(year(year), required("parent", parent));
  }

  @PUT
  @Path("/weights")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "saveUnitWeights",
      summary = "Set one named figure for the child units (planner of the parent unit)")
  public AllocationDtos.Weights saveWeights(
      @QueryParam("year") String year,
      @QueryParam("parent") String parent,
      @Valid @NotNull AllocationDtos.WeightUpdate update) {
    return weights.save(year(year), required("parent", parent), update);
  }

  private static String required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.invalid(name, Message.of("required"));
    }
    return value.strip();
  }

  private static int year(String year) {
    return Params.requiredYear("year", year);
  }
}
