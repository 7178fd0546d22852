package vn.lhpn.kehoach.me;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;

/** What {@code /api/v1/me} reads and writes. */
public final class MeDtos {
  private MeDtos() {}

  @Schema(name = "Me", description = "The caller: who they are, their roles and their unit")
  public record Me(
      @Schema(example = "xa.hungson") String username,
      @Schema(description = "Full name from the identity provider") String displayName,
      @Schema(
              description =
                  "Application roles (reporter, reviewer, planner, viewer, admin, integration)")
          List<String> roles,
      @Schema(description = "Org unit code from the token claim org_unit", example = "05761")
          String orgUnitCode,
      @Schema(description = "The unit that code names; absent when the code is unknown")
          OrgUnitSummary orgUnit,
      @Schema(
              description =
                  "What the caller may do at their unit: report (its report), review (the reports of the units below), allocate (their targets)")
          List<String> allowed) {}

  @Schema(name = "Preferences")
  public record Preferences(
      @Schema(
              description = "UI language",
              enumeration = {"vi", "en"})
          String language,
      @Schema(
              description =
                  "Whether reminders (due, late, waiting for review) also come by e-mail; the bell of the app has them either way")
          boolean emailReminders,
      @Schema(
              description =
                  "The address reminders go to: the e-mail of the account (changed by an admin or in the account console); absent when the account has none")
          String email) {}

  /** The only client-writable preference fields. */
  @Schema(name = "PreferencesUpdate")
  public record PreferencesUpdate(
      @NotNull
          @Pattern(regexp = "vi|en", message = "value.one-of")
          @Schema(
              enumeration = {"vi", "en"},
              required = true)
          String language,
      @Schema(description = "Reminders by e-mail on or off; absent: unchanged")
          Boolean emailReminders) {}
}
