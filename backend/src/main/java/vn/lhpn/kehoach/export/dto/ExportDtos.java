package vn.lhpn.kehoach.export.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the export API takes and answers. */
public final class ExportDtos {
  private ExportDtos() {}

  @Schema(
      name = "ProgressExportRequest",
      description =
          "Progress as a workbook: the plan's layout with target, achieved, ratio and verdict for a"
              + " unit and a period; optionally a sheet for each unit below")
  public record Request(
      @NotBlank @Size(max = 40) @Schema(example = "11-KH-BCH") String plan,
      @Size(max = 16) @Schema(description = "Default: the caller's unit") String unit,
      @NotBlank
          @Size(max = 16)
          @Schema(
              description = "A year (2025), its first half (2025-H1), or 'term'",
              example = "2025")
          String period,
      @Pattern(
              regexp = "none|children|all",
              message = "none, children hoặc all / none, children or all")
          @Schema(
              description =
                  "A sheet for no unit below (default), for the units just below, or for every unit"
                      + " of the subtree",
              enumeration = {"none", "children", "all"})
          String units) {}

  @Schema(name = "ProgressExport", description = "A workbook export and how far it has got")
  public record Job(
      String id,
      @Schema(enumeration = {"queued", "running", "done", "failed"}) String state,
      @Schema(description = "Sheets written") int done,
      @Schema(description = "Sheets to write") int total,
      @Schema(nullable = true) String fileName,
      @Schema(nullable = true) String error,
      OffsetDateTime createdAt) {}
}
