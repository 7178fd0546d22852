package vn.lhpn.kehoach.orgunit.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Lineage rows as an admin reviews them: confirm what the source left unconfirmed, or correct. */
public final class LineageDtos {
  private LineageDtos() {}

  @Schema(name = "LineageRow", description = "One row of the history of the map")
  public record Row(
      long id,
      LocalDate effectiveDate,
      @Schema(enumeration = {"merge", "reclassify", "move", "dissolve", "split", "rename"})
          String change,
      String fromCode,
      String fromName,
      @Schema(description = "False for an old unit that never was on this system")
          boolean fromOnSystem,
      @Schema(nullable = true, description = "Absent for a dissolved unit") String toCode,
      @Schema(nullable = true) String toName,
      @Schema(description = "False where the source did not confirm the receiving unit")
          boolean confirmed,
      long version) {}

  @Schema(
      name = "LineageReview",
      description =
          "Confirm a row as it is (no toCode, or the same), or correct the unit that received the"
              + " old one (another unit valid on the row's date); either way with the reason (the"
              + " decision or the source that settles it)")
  public record Review(
      @Size(max = 16) @Schema(nullable = true, example = "05707") String toCode,
      @NotBlank @Size(max = 500) @Schema(example = "Nghị quyết 1232/NQ-UBTVQH15, Điều 1, khoản 3")
          String reason) {}

  @Schema(name = "LineageChange")
  public record Change(
      @Schema(enumeration = {"confirm", "correct"}) String action,
      String reason,
      String changedBy,
      OffsetDateTime changedAt,
      Map<String, Object> before,
      Map<String, Object> after) {}
}
