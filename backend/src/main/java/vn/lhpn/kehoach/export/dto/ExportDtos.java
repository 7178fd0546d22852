package vn.lhpn.kehoach.export.dto;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.lhpn.kehoach.common.CallersLanguage;
import vn.lhpn.kehoach.common.Message;

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
      @Pattern(regexp = "none|children|all", message = "value.one-of")
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
      @JsonIgnore Message said,
      OffsetDateTime createdAt)
      implements CallersLanguage.Speaks {

    @JsonProperty
    @Schema(
        nullable = true,
        description =
            "Why it failed, in the caller's language (Accept-Language), or in both when it named"
                + " neither")
    public String error() {
      return CallersLanguage.write(said);
    }

    @JsonProperty
    @Schema(
        nullable = true,
        description = "Why it failed, as a stable code",
        example = "export.job-failed")
    public String errorCode() {
      return said == null ? null : said.code();
    }
  }
}
