package vn.lhpn.kehoach.submission.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.Uploads;
import vn.lhpn.kehoach.submission.dto.SubmissionDtos;
import vn.lhpn.kehoach.submission.service.PastReports;

@Path("/api/v1/submissions/imports")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Submissions")
public class PastReportsResource {
  private final PastReports past;

  PastReportsResource(PastReports past) {
    this.past = past;
  }

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      operationId = "importPastReports",
      summary =
          "Load figures of units from before they were on this system (a reviewer of the province)",
      description =
          "A .csv or .xlsx with the columns unit_code, period, item, value (a number, or done,"
              + " in_progress, not_done, not_applicable for an activity). Each unit and period"
              + " becomes a report checked as any report is, then approved and marked imported."
              + " Only periods that end before the unit was on the system. With dryRun=true nothing"
              + " is written; any problem and nothing is written, every problem named by its line.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = SubmissionDtos.PastImport.class)))
  @APIResponse(
      responseCode = "422",
      description = "Rows with problems: nothing was loaded",
      content =
          @Content(
              mediaType = ProblemDetail.MEDIA_TYPE,
              schema = @Schema(implementation = ProblemDetail.class)))
  public SubmissionDtos.PastImport load(
      @Parameter(required = true, example = "11-KH-BCH") @QueryParam("plan") String plan,
      @Parameter(description = "Only check the rows") @QueryParam("dryRun") boolean dryRun,
      @RestForm("file")
          @Schema(
              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
              format = "binary")
          FileUpload file) {
    if (plan == null || plan.isBlank()) {
      throw ApiException.invalid("plan", Message.of("required"));
    }
    byte[] bytes = Uploads.read(file);
    return past.load(plan.strip(), bytes, file.fileName(), dryRun);
  }
}
