package vn.lhpn.kehoach.export.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.lhpn.kehoach.common.Params;
import vn.lhpn.kehoach.export.ExportJob;
import vn.lhpn.kehoach.export.dto.ExportDtos;
import vn.lhpn.kehoach.export.service.ExportJobs;

@Path("/api/v1/exports")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Exports",
    description =
        "Progress as a workbook, written in the background: start it, watch how far it got, fetch"
            + " the file")
public class ExportResource {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final ExportJobs jobs;

  ExportResource(ExportJobs jobs) {
    this.jobs = jobs;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "startProgressExport",
      summary =
          "Start a progress workbook for a unit and a period (a year, its first half or the term),"
              + " optionally a sheet per unit below; answers at once")
  @APIResponse(
      responseCode = "202",
      description = "Queued; poll the Location",
      content = @Content(schema = @Schema(implementation = ExportDtos.Job.class)))
  public Response start(@Valid @NotNull ExportDtos.Request request) {
    ExportJob job = jobs.start(request);
    return Response.accepted(ExportJobs.view(job))
        .location(URI.create("/api/v1/exports/" + job.id))
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(
      operationId = "getProgressExport",
      summary = "How far an export of the caller's has got")
  public ExportDtos.Job get(@PathParam("id") String id) {
    return ExportJobs.view(jobs.of(id));
  }

  @GET
  @Path("/{id}/file")
  @Produces(XLSX)
  @Operation(operationId = "downloadProgressExport", summary = "The finished workbook (.xlsx)")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response file(@PathParam("id") String id) {
    ExportJob job = jobs.file(id);
    return Response.ok(job.content, XLSX)
        .header("Content-Disposition", Params.attachment(job.fileName, "xlsx"))
        .build();
  }
}
