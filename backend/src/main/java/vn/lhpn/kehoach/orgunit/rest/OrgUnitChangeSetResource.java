package vn.lhpn.kehoach.orgunit.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.Uploads;
import vn.lhpn.kehoach.orgunit.dto.ChangeSetDtos;
import vn.lhpn.kehoach.orgunit.service.LeftData;
import vn.lhpn.kehoach.orgunit.service.OrgUnitChangeSets;

@Path("/api/v1/org-unit-change-sets")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Org units",
    description =
        "Đơn vị: the province, district-level and commune-level units, with their history")
public class OrgUnitChangeSetResource {
  private final OrgUnitChangeSets changeSets;
  private final LeftData leftData;

  OrgUnitChangeSetResource(OrgUnitChangeSets changeSets, LeftData leftData) {
    this.changeSets = changeSets;
    this.leftData = leftData;
  }

  @GET
  @Path("/left-data")
  @Operation(
      operationId = "listDataLeftOnClosedUnits",
      summary =
          "Reports and targets that closed units still hold for periods after they closed (a split"
              + " or dissolved unit's), with where each may go (admin of the province)")
  public List<ChangeSetDtos.Left> leftData() {
    return leftData.list();
  }

  @POST
  @Path("/left-data/{code}/decisions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "decideDataLeftOnClosedUnit",
      summary =
          "Decide on one kind of data left on a closed unit (admin of the province): move it to a"
              + " unit it went into (each move kept in the data's history with the reason; what"
              + " the receiving unit already has for a period stays), or keep it where it is")
  public ChangeSetDtos.LeftDecided decideLeftData(
      @jakarta.ws.rs.PathParam("code") String code, ChangeSetDtos.LeftDecision decision) {
    return leftData.decide(code, decision);
  }

  @GET
  @Operation(
      operationId = "listUnitChangeSets",
      summary = "The change sets of the map applied so far, in date order")
  public List<ChangeSetDtos.Applied> list() {
    return changeSets.list();
  }

  @GET
  @Path("/{id: \\d+}")
  @Operation(operationId = "getUnitChangeSet", summary = "One applied change set")
  public ChangeSetDtos.Applied get(@jakarta.ws.rs.PathParam("id") long id) {
    return changeSets.get(id);
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "loadUnitChangeSet",
      summary =
          "Load a change of the map (đợt sắp xếp đơn vị hành chính): GSO-style lineage, with the"
              + " list of units of the new state where the lineage cannot place a new unit (admin"
              + " of the province)",
      description =
          "lineage: CSV (or the first sheet of an .xlsx, codes as text) with the columns"
              + " effective_date,old_code,old_name,new_code,new_name,change[,confirmed]"
              + " (merge, split, move, reclassify, rename, dissolve; confirmed=no for a row the"
              + " source did not confirm). units: CSV or .xlsx code,name,type,parent_code,level of the new"
              + " state. With dryRun=true nothing is written and the report lists every unit that"
              + " closes, opens, is renamed, reclassified or moved, every lineage row, the codes"
              + " never on this system, the data closing units hold after the day, and every"
              + " problem. Without it the set is applied on its date, in one transaction, or"
              + " refused with nothing changed. Sets are applied in date order.")
  @APIResponse(
      responseCode = "200",
      description = "Dry run",
      content = @Content(schema = @Schema(implementation = ChangeSetDtos.Report.class)))
  @APIResponse(
      responseCode = "201",
      description = "Applied",
      content = @Content(schema = @Schema(implementation = ChangeSetDtos.Report.class)))
  @APIResponse(
      responseCode = "413",
      description = "Larger than 5 MB",
      content =
          @Content(
              mediaType = ProblemDetail.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  @APIResponse(
      responseCode = "422",
      description = "A file that cannot be read, or a set with problems (nothing changed)",
      content =
          @Content(
              mediaType = ProblemDetail.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  public Response load(
      @RestForm("lineage") @Schema(type = SchemaType.STRING, format = "binary") FileUpload lineage,
      @RestForm("units") @Schema(type = SchemaType.STRING, format = "binary") FileUpload units,
      @Parameter(
              description =
                  "The date whose rows to apply, when the lineage file has several (YYYY-MM-DD)")
          @QueryParam("effectiveDate")
          LocalDate effectiveDate,
      @Parameter(description = "Only report what would change") @QueryParam("dryRun")
          boolean dryRun,
      @Context UriInfo uri) {
    byte[] unitsFile = units == null || units.uploadedFile() == null ? null : Uploads.read(units);
    ChangeSetDtos.Report report =
        changeSets.load(
            Uploads.read(lineage, "lineage"),
            lineage.fileName(),
            unitsFile,
            units == null ? null : units.fileName(),
            effectiveDate,
            dryRun);
    if (dryRun) {
      return Response.ok(report).build();
    }
    return Response.created(
            uri.getBaseUriBuilder().path("api/v1/org-unit-change-sets/{id}").build(report.id()))
        .entity(report)
        .build();
  }
}
