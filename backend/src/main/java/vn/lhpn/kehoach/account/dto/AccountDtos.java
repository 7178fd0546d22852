package vn.lhpn.kehoach.account.dto;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.lhpn.kehoach.common.CallersLanguage;
import vn.lhpn.kehoach.common.Message;

/** What the account API answers and takes (docs/adr/0007). */
public final class AccountDtos {
  private AccountDtos() {}

  @Schema(name = "Account", description = "An account of a unit, as Keycloak holds it")
  public record Account(
      String id,
      @Schema(example = "bc.05761") String username,
      @Schema(nullable = true) String firstName,
      @Schema(nullable = true) String lastName,
      @Schema(nullable = true) String email,
      @Schema(nullable = true, description = "The org_unit attribute") String unitCode,
      @Schema(nullable = true, description = "The unit's name, when it exists today")
          String unitName,
      @Schema(description = "The unit no longer exists (closed by a merge) or never did")
          boolean unitClosed,
      @Schema(example = "[\"reporter\"]") List<String> roles,
      boolean enabled,
      @Schema(nullable = true, description = "From the realm's login events (kept 90 days)")
          OffsetDateTime lastLogin,
      @Schema(nullable = true) OffsetDateTime createdAt) {}

  @Schema(name = "AccountPage")
  public record Page(List<Account> items, int page, int size, long total) {}

  @Schema(name = "AccountCreate")
  public record Create(
      @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,59}", message = "account.username-pattern")
          String username,
      @Size(max = 100) String firstName,
      @Size(max = 100) String lastName,
      @Size(max = 200) @jakarta.validation.constraints.Email String email,
      @NotBlank @Size(max = 16) String unit,
      @NotNull @Size(min = 1, max = 5) List<String> roles) {}

  @Schema(
      name = "AccountUpdate",
      description = "The whole of what may change (If-Match with the account's ETag)")
  public record Update(
      @Size(max = 100) String firstName,
      @Size(max = 100) String lastName,
      @Size(max = 200) @jakarta.validation.constraints.Email String email,
      @NotBlank @Size(max = 16) String unit,
      @NotNull @Size(max = 5) List<String> roles,
      @NotNull Boolean enabled) {}

  @Schema(
      name = "AccountWithPassword",
      description = "A new account or a reset: the temporary password is shown this once")
  public record WithPassword(
      Account account,
      @Schema(description = "To be changed at the first login; never stored, never shown again")
          String temporaryPassword) {}

  @Schema(name = "AccountBulk")
  public record Bulk(
      @NotBlank
          @Size(max = 16)
          @Schema(description = "A district (or the province): its communes get an account each")
          String unit) {}

  @Schema(name = "AccountBulkItem")
  public record BulkItem(
      String unitCode,
      String unitName,
      String username,
      @Schema(nullable = true) String temporaryPassword,
      @JsonIgnore Message said) {

    @JsonProperty
    @Schema(
        nullable = true,
        description =
            "Why it was not created, in the caller's language (Accept-Language), or in both when"
                + " it named neither")
    public String reason() {
      return CallersLanguage.write(said);
    }

    @JsonProperty
    @Schema(nullable = true, description = "Why, as a stable code", example = "bulk.name-held")
    public String reasonCode() {
      return said == null ? null : said.code();
    }
  }

  @Schema(
      name = "AccountBulkResult",
      description =
          "What a bulk run did: the accounts it created (with their temporary passwords, shown"
              + " once, and as a workbook), those that existed already, and any it could not create")
  public record BulkResult(
      List<BulkItem> created,
      List<BulkItem> existing,
      List<BulkItem> failed,
      @Schema(
              nullable = true,
              description = "The created accounts as .xlsx, base64; only when some were created")
          String workbook)
      implements CallersLanguage.Speaks {}

  @Schema(name = "AccountChange")
  public record Change(
      String action,
      String changedBy,
      OffsetDateTime changedAt,
      @Schema(nullable = true) Map<String, Object> before,
      @Schema(nullable = true) Map<String, Object> after,
      @Schema(
              description =
                  "done; pending: recorded before the account server was asked, not yet confirmed"
                      + " (settled against it within minutes)",
              enumeration = {"pending", "done"})
          String state) {}

  @Schema(
      name = "AccountSuccession",
      description =
          "An account left on a unit that no longer exists, and what following the map does with it")
  public record Succession(
      String id,
      String username,
      @Schema(description = "The closed unit the account is on") String unitCode,
      @Schema(nullable = true, description = "Its last name; absent when the code never was a unit")
          String unitName,
      @Schema(
              enumeration = {"move", "move_up", "disable", "decide"},
              description =
                  "move: to the one unit that took over (by lineage); move_up: to the nearest unit"
                      + " above that still exists (a dissolved unit, on request); disable: on"
                      + " request, for a dissolved unit; decide: an admin chooses (a split, no"
                      + " successor, the caller's own account)")
          String action,
      @Schema(nullable = true, description = "Where it goes (move, move_up)") String toCode,
      @Schema(nullable = true) String toName,
      @Schema(description = "The units a split unit went into (decide)") List<String> candidates,
      @JsonIgnore Message said,
      @Schema(description = "True once done (not a dry run)") boolean done) {

    @JsonProperty
    @Schema(
        description =
            "Why, in the caller's language (Accept-Language), or in both when it named neither")
    public String reason() {
      return CallersLanguage.write(said);
    }

    @JsonProperty
    @Schema(description = "Why, as a stable code", example = "succession.split")
    public String reasonCode() {
      return said.code();
    }
  }

  @Schema(
      name = "AccountSuccessions",
      description = "The accounts on closed units of the caller's subtree, each with its move")
  public record Successions(
      boolean dryRun, int moved, int disabled, int undecided, List<Succession> accounts)
      implements CallersLanguage.Speaks {}
}
