package vn.lhpn.kehoach.summary.rest;

import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.lhpn.kehoach.common.Etags;
import vn.lhpn.kehoach.common.Params;
import vn.lhpn.kehoach.summary.dto.SummaryDtos;
import vn.lhpn.kehoach.summary.render.DocxRenderer;
import vn.lhpn.kehoach.summary.render.PdfRenderer;
import vn.lhpn.kehoach.summary.service.SummaryReports;

@Path("/api/v1/summary-reports")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Summary reports",
    description =
        "Báo cáo sơ kết, tổng kết: a unit's written report for the first half of a year, a year or"
            + " the term, drafted from the figures, edited by the unit, as Word and PDF"
            + " (docs/adr/0006)")
public class SummaryReportResource {
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  static final String PDF = "application/pdf";

  private final SummaryReports reports;
  private final vn.lhpn.kehoach.summary.render.Renders renders;

  SummaryReportResource(SummaryReports reports, vn.lhpn.kehoach.summary.render.Renders renders) {
    this.renders = renders;
    this.reports = reports;
  }

  @GET
  @Operation(
      operationId = "getSummaryReport",
      summary =
          "A unit's written report for a period: letterhead, body drafted from the figures with the"
              + " unit's changes, results table, recipients, signature; with an ETag")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = SummaryDtos.Document.class)))
  public Response read(
      @Parameter(required = true, example = "11-KH-BCH") @QueryParam("plan") String plan,
      @Parameter(description = "Default: the caller's unit") @QueryParam("unit") String unit,
      @Parameter(
              required = true,
              description = "A year (2025), its first half (2025-H1), or 'term'",
              example = "2025")
          @QueryParam("period")
          String period) {
    SummaryDtos.Document d = reports.read(plan, unit, period);
    return Response.ok(d).tag(Etags.of(d.version())).build();
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "putSummaryReport",
      summary =
          "Save what the unit wrote (the unit's own staff; If-Match with the ETag read, \"0\" before"
              + " the first save); every change is kept in the history")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = SummaryDtos.Document.class)))
  public Response save(
      @Parameter(required = true) @QueryParam("plan") String plan,
      @QueryParam("unit") String unit,
      @Parameter(required = true) @QueryParam("period") String period,
      @Parameter(description = "The ETag from the last read", required = true)
          @HeaderParam(HttpHeaders.IF_MATCH)
          String ifMatch,
      @Valid @NotNull SummaryDtos.Edit edit) {
    long expected = Etags.requireVersion(ifMatch);
    SummaryDtos.Document d = reports.save(plan, unit, period, expected, edit);
    return Response.ok(d).tag(Etags.of(d.version())).build();
  }

  @GET
  @Path("/history")
  @Operation(
      operationId = "getSummaryReportHistory",
      summary = "Every save of the report, newest first: who, when, each part before and after")
  public List<SummaryDtos.Change> history(
      @Parameter(required = true) @QueryParam("plan") String plan,
      @QueryParam("unit") String unit,
      @Parameter(required = true) @QueryParam("period") String period) {
    return reports.history(plan, unit, period);
  }

  @GET
  @Path("/docx")
  @Produces(DOCX)
  @Operation(
      operationId = "downloadSummaryReportDocx",
      summary = "The report as Word (.docx), to adjust and sign")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(mediaType = DOCX, schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "422",
      description = "Too long to produce as a file (text saved before the paragraph limits)")
  public Response docx(
      @Parameter(required = true) @QueryParam("plan") String plan,
      @QueryParam("unit") String unit,
      @Parameter(required = true) @QueryParam("period") String period) {
    SummaryDtos.Document d = reports.read(plan, unit, period);
    return Response.ok(renders.render(d, DocxRenderer::render), DOCX)
        .header("Content-Disposition", Params.attachment(fileName(d), "docx"))
        .build();
  }

  @GET
  @Path("/pdf")
  @Produces(PDF)
  @Operation(operationId = "downloadSummaryReportPdf", summary = "The report as PDF, to send")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "422",
      description = "Too long to produce as a file (text saved before the paragraph limits)")
  public Response pdf(
      @Parameter(required = true) @QueryParam("plan") String plan,
      @QueryParam("unit") String unit,
      @Parameter(required = true) @QueryParam("period") String period) {
    SummaryDtos.Document d = reports.read(plan, unit, period);
    return Response.ok(renders.render(d, PdfRenderer::render), PDF)
        .header("Content-Disposition", Params.attachment(fileName(d), "pdf"))
        .build();
  }

  private static String fileName(SummaryDtos.Document d) {
    return "bao-cao-" + d.unit().code() + "-" + d.period();
  }
}
