package vn.lhpn.kehoach.plan.importer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.lhpn.kehoach.common.CallersLanguage;
import vn.lhpn.kehoach.common.Message;

/** Something the importer noticed: where (line or row, item code) and what. */
@Schema(name = "ImportIssue")
public record ImportIssue(
    @Schema(description = "Line of the text file, or row of the sheet") Integer line,
    @Schema(description = "Code of the item as printed, when the issue is about an item")
        String code,
    @JsonIgnore Message said) {

  @JsonProperty
  @Schema(
      description =
          "What was noticed, in the caller's language (Accept-Language), or in both when it named"
              + " neither")
  public String message() {
    return CallersLanguage.write(said);
  }

  @JsonProperty
  @Schema(description = "What was noticed as a stable code", example = "plan-import.duplicate-code")
  public String messageCode() {
    return said.code();
  }

  @JsonProperty
  @Schema(description = "The values the message names")
  public Map<String, Object> messageParams() {
    return said.params();
  }
}
