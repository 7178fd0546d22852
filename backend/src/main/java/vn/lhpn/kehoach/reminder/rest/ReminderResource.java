package vn.lhpn.kehoach.reminder.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.lhpn.kehoach.common.PageResult;
import vn.lhpn.kehoach.common.Paging;
import vn.lhpn.kehoach.common.Params;
import vn.lhpn.kehoach.reminder.dto.ReminderDtos;
import vn.lhpn.kehoach.reminder.service.ReminderJob;
import vn.lhpn.kehoach.reminder.service.ReminderLog;

@Path("/api/v1/reminders")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reminders")
public class ReminderResource {
  private final ReminderLog log;
  private final ReminderJob job;
  private final Clock clock;

  ReminderResource(ReminderLog log, ReminderJob job, Clock clock) {
    this.log = log;
    this.job = job;
    this.clock = clock;
  }

  @GET
  @Path("/mails")
  @Operation(
      operationId = "listReminderMails",
      summary = "The reminder mails to the accounts of the caller's subtree, newest first (admin)")
  public PageResult<ReminderDtos.Mail> mails(
      @Parameter(
              description = "Only mails in this state",
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                      enumeration = {"pending", "sent", "failed"}))
          @QueryParam("state")
          String state,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return log.mails(
        state == null || state.isBlank() ? null : state.strip(),
        Paging.of(Params.integer("page", page), Params.integer("size", size)));
  }

  @POST
  @Path("/mails/{id}/retry")
  @Operation(
      operationId = "retryReminderMail",
      summary = "Send a given-up mail again at the next run (admin)")
  @APIResponse(responseCode = "204", description = "Waiting to be sent again")
  public Response retry(@PathParam("id") long id) {
    log.retry(id);
    return Response.noContent().build();
  }

  @GET
  @Path("/runs")
  @Operation(
      operationId = "listReminderRuns",
      summary = "The latest runs of the reminders by every backend instance (admin)")
  @APIResponse(
      responseCode = "200",
      content =
          @Content(
              schema =
                  @Schema(
                      type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                      implementation = ReminderDtos.Run.class)))
  public List<ReminderDtos.Run> runs() {
    return log.runs();
  }

  @POST
  @Path("/runs")
  @Operation(
      operationId = "runReminders",
      summary = "Run the reminders of today now, on this instance (a province admin)",
      description =
          "What the scheduler does every 15 minutes: the notices whose day has come, made once per"
              + " event and user whichever instance makes them, then the mails that are due.")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = ReminderDtos.Run.class)))
  public ReminderDtos.Run run() {
    log.requireRunner();
    ReminderJob.Outcome outcome = job.run(LocalDate.now(clock));
    return log.run(outcome.runId());
  }
}
