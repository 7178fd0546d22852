package vn.lhpn.kehoach.reminder.dto;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the notices (the bell) and the reminders' log read. */
public final class ReminderDtos {
  private ReminderDtos() {}

  @Schema(name = "Notice", description = "A reminder in the app's bell")
  public record Notice(
      long id,
      @Schema(
              description =
                  "due: a report is due soon; late: it is late; review: reports wait for the caller's review or units below are late",
              enumeration = {"due", "late", "review"})
          String kind,
      String title,
      String body,
      @Schema(
              description = "Where in the app it leads (a path of the SPA)",
              example = "/bao-cao?plan=11-KH-BCH&period=2026-Q4&unit=05908")
          String link,
      String planId,
      String periodCode,
      @Schema(description = "The unit it is about") String unitCode,
      OffsetDateTime createdAt,
      @Schema(description = "When the caller marked it read; absent while unread")
          OffsetDateTime readAt) {}

  @Schema(name = "Notices", description = "The caller's newest notices and how many are unread")
  public record Notices(List<Notice> items, int unread) {}

  @Schema(name = "ReminderMail", description = "A reminder sent (or to send) by e-mail")
  public record Mail(
      long id,
      @Schema(description = "The account it is for") String username,
      String address,
      String subject,
      @Schema(enumeration = {"pending", "sent", "failed"}) String state,
      int attempts,
      OffsetDateTime createdAt,
      @Schema(description = "When it is tried next, while pending") OffsetDateTime nextAttemptAt,
      OffsetDateTime sentAt,
      @Schema(description = "The instance that sent it") String sentBy,
      @Schema(description = "Why the last attempt failed") String lastError,
      @Schema(enumeration = {"due", "late", "review"}) String kind,
      String periodCode,
      String unitCode) {}

  @Schema(name = "ReminderRun", description = "A run of the reminders by one backend instance")
  public record Run(
      long id,
      String instance,
      LocalDate day,
      OffsetDateTime startedAt,
      @Schema(description = "Absent while it runs") OffsetDateTime finishedAt,
      @Schema(description = "Notices made (each with its mail, for those who take mail)")
          int notices,
      int mailsSent,
      int mailsFailed,
      @Schema(description = "Why the run stopped early (for example: Keycloak unreachable)")
          String error) {}
}
