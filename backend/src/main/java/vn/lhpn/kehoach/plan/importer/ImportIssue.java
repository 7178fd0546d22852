package vn.lhpn.kehoach.plan.importer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Something the importer noticed: where (line or row, item code) and what. */
@Schema(name = "ImportIssue")
public record ImportIssue(
    @Schema(description = "Line of the text file, or row of the sheet") Integer line,
    @Schema(description = "Code of the item as printed, when the issue is about an item")
        String code,
    @Schema(description = "What was noticed") String message) {}
