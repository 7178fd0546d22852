package vn.lhpn.kehoach.reminder.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.lhpn.kehoach.reminder.dto.ReminderDtos;
import vn.lhpn.kehoach.reminder.service.Notices;

@Path("/api/v1/notices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reminders", description = "Reminders: the app's bell, the mails and their log")
public class NoticeResource {
  private final Notices notices;

  NoticeResource(Notices notices) {
    this.notices = notices;
  }

  @GET
  @Operation(
      operationId = "listMyNotices",
      summary = "The caller's newest notices (at most 30) and how many are unread")
  @APIResponse(
      responseCode = "200",
      content = @Content(schema = @Schema(implementation = ReminderDtos.Notices.class)))
  public ReminderDtos.Notices mine() {
    return notices.mine();
  }

  @POST
  @Path("/{id}/read")
  @Operation(operationId = "readNotice", summary = "Mark one of the caller's notices read")
  @APIResponse(responseCode = "204", description = "Read (also when it was read before)")
  public Response read(@PathParam("id") long id) {
    notices.read(id);
    return Response.noContent().build();
  }

  @POST
  @Path("/read")
  @Operation(operationId = "readAllNotices", summary = "Mark every notice of the caller read")
  @APIResponse(responseCode = "204", description = "All read")
  public Response readAll() {
    notices.readAll();
    return Response.noContent().build();
  }
}
