package vn.lhpn.kehoach.summary.dto;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;

/** What the written-report API answers and takes (docs/adr/0006). */
public final class SummaryDtos {
  private SummaryDtos() {}

  @Schema(name = "SummaryLetterhead", description = "The heading of the document, as printed")
  public record Letterhead(
      @Schema(example = "HỘI LHPN TỈNH THÁI NGUYÊN") String union,
      @Schema(example = "BAN THƯỜNG VỤ") String issuer,
      @Schema(example = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM") String nation,
      @Schema(example = "Độc lập - Tự do - Hạnh phúc") String motto,
      @Schema(description = "The number, filled in by hand when empty", example = "") String number,
      @Schema(example = "BC-BTV") String symbol,
      @Schema(example = "Thái Nguyên") String place,
      LocalDate issuedOn,
      @Schema(example = "Thái Nguyên, ngày 05 tháng 01 năm 2026") String dateLine) {}

  @Schema(
      name = "SummaryBlock",
      description =
          "A block of the body in order: a heading, a paragraph (editable, under its key), or the"
              + " place of the results table")
  public record Block(
      @Schema(enumeration = {"heading", "subheading", "paragraph", "table"}) String type,
      @Schema(nullable = true, example = "group:I.-2") String key,
      @Schema(nullable = true, description = "What the document says: the unit's text or the draft")
          String text,
      @Schema(nullable = true, description = "The draft made from today's figures") String draft,
      @Schema(description = "The unit changed the draft") boolean edited) {}

  @Schema(name = "SummaryRow", description = "A row of the results table, in the plan's order")
  public record Row(
      @Schema(enumeration = {"section", "group", "item"}) String kind,
      @Schema(nullable = true) String code,
      String label,
      @Schema(nullable = true, description = "What target and achieved count", example = "hộ")
          String unitWord,
      @Schema(nullable = true) BigDecimal target,
      @Schema(nullable = true) BigDecimal achieved,
      @Schema(nullable = true) BigDecimal ratio,
      @Schema(description = "As printed", example = "500 hộ") String targetText,
      @Schema(example = "523 hộ") String achievedText,
      @Schema(example = "104,6 %") String ratioText,
      @Schema(
              nullable = true,
              enumeration = {"exceeded", "met", "not-met", "no-target", "no-data"})
          String verdict,
      @Schema(example = "Vượt") String verdictText) {}

  @Schema(
      name = "SummaryReport",
      description =
          "A unit's written report for a period (sơ kết 6 tháng, tổng kết năm, tổng kết nhiệm kỳ):"
              + " drafted from the figures, with what the unit changed")
  public record Document(
      String planId,
      OrgUnitSummary unit,
      @Schema(example = "2025") String period,
      @Schema(enumeration = {"half", "year", "term"}) String kind,
      @Schema(example = "BÁO CÁO") String title,
      String subject,
      Letterhead letterhead,
      List<Block> blocks,
      List<Row> table,
      @Schema(description = "Nơi nhận, a line each") String recipients,
      @Schema(example = "TM. BAN THƯỜNG VỤ") String signerOnBehalf,
      @Schema(example = "CHỦ TỊCH") String signerTitle,
      @Schema(example = "") String signerName,
      @Schema(description = "Some approved figure stands behind the report") boolean hasData,
      @Schema(description = "The caller may change it") boolean editable,
      @Schema(description = "0 until first saved") long version,
      @Schema(nullable = true) String updatedBy,
      @Schema(nullable = true) OffsetDateTime updatedAt) {}

  @Schema(
      name = "SummaryReportEdit",
      description =
          "The whole of what the unit sets: an empty or missing field takes the default; a"
              + " paragraph missing or equal to its draft follows the figures")
  public record Edit(
      @Size(max = 40) String number,
      @Size(max = 120) String issuer,
      @Size(max = 120) String place,
      LocalDate issuedOn,
      @Size(max = 4000) String recipients,
      @Size(max = 120) String signerTitle,
      @Size(max = 120) String signerName,
      @Schema(description = "Paragraph key → text") Map<String, String> paragraphs) {}

  @Schema(name = "SummaryReportPart")
  public record Part(
      @Schema(example = "paragraph:group:I.-2") String part,
      @Schema(nullable = true, description = "Null: the default or the draft") String before,
      @Schema(nullable = true) String after) {}

  @Schema(name = "SummaryReportChange", description = "One save: who, when, each part changed")
  public record Change(
      long version, String changedBy, OffsetDateTime changedAt, List<Part> changes) {}
}
