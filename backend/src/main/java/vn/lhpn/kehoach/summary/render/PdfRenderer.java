package vn.lhpn.kehoach.summary.render;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import vn.lhpn.kehoach.summary.dto.SummaryDtos;

/**
 * The report as PDF for sending: the same layout as the .docx, written as XHTML and rendered by
 * openhtmltopdf (PDFBox) with Liberation Serif embedded (metric-compatible with Times New Roman,
 * every Vietnamese diacritic; shipped in resources/fonts under the SIL OFL; docs/adr/0006).
 */
public final class PdfRenderer {
  private static final String FONT = "Liberation Serif";

  private PdfRenderer() {}

  public static byte[] render(SummaryDtos.Document d) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      font(builder, "Regular", 400, FontStyle.NORMAL);
      font(builder, "Bold", 700, FontStyle.NORMAL);
      font(builder, "Italic", 400, FontStyle.ITALIC);
      font(builder, "BoldItalic", 700, FontStyle.ITALIC);
      builder.withHtmlContent(html(d), null);
      builder.useDefaultPageSize(210, 297, PdfRendererBuilder.PageSizeUnits.MM);
      builder.withProducer("Kế hoạch toàn khóa");
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void font(PdfRendererBuilder b, String face, int weight, FontStyle style) {
    b.useFont(
        () -> {
          InputStream in =
              PdfRenderer.class.getResourceAsStream("/fonts/LiberationSerif-" + face + ".ttf");
          if (in == null) {
            throw new IllegalStateException("font missing: LiberationSerif-" + face);
          }
          return in;
        },
        FONT,
        weight,
        style,
        true);
  }

  static String html(SummaryDtos.Document d) {
    SummaryDtos.Letterhead h = d.letterhead();
    StringBuilder s = new StringBuilder(16_000);
    s.append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"/><title>")
        .append(esc(d.subject()))
        .append("</title><style>")
        .append(CSS)
        .append("</style></head><body>");
    s.append("<table class=\"head\"><tr><td class=\"l\">")
        .append(esc(h.union()))
        .append("<br/><b class=\"u\">")
        .append(esc(h.issuer()))
        .append("</b></td><td class=\"r\"><b class=\"nation\">")
        .append(esc(h.nation()))
        .append("</b><br/><b class=\"u\">")
        .append(esc(h.motto()))
        .append("</b></td></tr><tr><td class=\"l\">")
        .append(esc(DocxRenderer.numberLine(h)))
        .append("</td><td class=\"r\"><i>")
        .append(esc(h.dateLine()))
        .append("</i></td></tr></table>");
    s.append("<p class=\"title\">")
        .append(esc(d.title()))
        .append("<br/>")
        .append(esc(d.subject()))
        .append("</p>");
    for (SummaryDtos.Block b : d.blocks()) {
      switch (b.type()) {
        case "heading" -> s.append("<h1>").append(esc(b.text())).append("</h1>");
        case "subheading" -> s.append("<h2>").append(esc(b.text())).append("</h2>");
        case "table" -> results(s, d.table());
        default -> {
          if (b.text() != null) {
            for (String line : b.text().split("\n")) {
              s.append("<p class=\"body\">").append(esc(line)).append("</p>");
            }
          }
        }
      }
    }
    s.append("<table class=\"sign\"><tr><td class=\"to\"><b><i>Nơi nhận:</i></b>");
    for (String line : d.recipients().split("\n")) {
      s.append("<br/>").append(esc(line));
    }
    s.append("</td><td class=\"by\"><b>")
        .append(esc(d.signerOnBehalf()))
        .append("<br/>")
        .append(esc(d.signerTitle()))
        .append("</b><div class=\"name\"><b>")
        .append(esc(d.signerName()))
        .append("</b></div></td></tr></table></body></html>");
    return s.toString();
  }

  private static void results(StringBuilder s, List<SummaryDtos.Row> rows) {
    s.append(
        "<table class=\"results\"><thead><tr><th class=\"tt\">TT</th><th>Chỉ tiêu, nội dung</th>"
            + "<th class=\"n\">Kế hoạch</th><th class=\"n\">Thực hiện</th><th class=\"p\">Tỷ lệ</th>"
            + "<th class=\"v\">Đánh giá</th></tr></thead><tbody>");
    for (SummaryDtos.Row r : rows) {
      if (!r.kind().equals("item")) {
        s.append("<tr class=\"group\"><td class=\"tt\">")
            .append(esc(r.code()))
            .append("</td><td colspan=\"5\">")
            .append(esc(r.label()))
            .append("</td></tr>");
        continue;
      }
      s.append("<tr><td class=\"tt\">")
          .append(esc(r.code()))
          .append("</td><td>")
          .append(esc(r.label()))
          .append("</td><td class=\"n\">")
          .append(esc(r.targetText()))
          .append("</td><td class=\"n\">")
          .append(esc(r.achievedText()))
          .append("</td><td class=\"n\">")
          .append(esc(r.ratioText()))
          .append("</td><td class=\"v\">")
          .append(esc(r.verdictText()))
          .append("</td></tr>");
    }
    s.append("</tbody></table>");
  }

  /** Text as XHTML: the five markup characters escaped, control characters dropped. */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static final String CSS =
      """
      @page { size: A4; margin: 20mm 20mm 20mm 30mm;
              @bottom-center { content: counter(page); font-family: 'Liberation Serif'; font-size: 11pt; } }
      body { font-family: 'Liberation Serif'; font-size: 13pt; line-height: 1.3; }
      table.head { width: 100%; border-collapse: collapse; }
      table.head td { vertical-align: top; text-align: center; padding: 0 0 6pt 0; }
      table.head td.l { width: 40%; font-size: 12pt; }
      table.head td.r { width: 60%; }
      .nation { font-size: 12pt; }
      .u { text-decoration: underline; }
      p.title { text-align: center; font-weight: bold; font-size: 14pt; margin: 14pt 0 12pt 0; }
      h1 { font-size: 13pt; font-weight: bold; margin: 10pt 0 4pt 0; }
      h2 { font-size: 13pt; font-weight: bold; font-style: italic; margin: 8pt 0 4pt 0; }
      p.body { text-align: justify; text-indent: 10mm; margin: 0 0 4pt 0; }
      table.results { width: 100%; border-collapse: collapse; font-size: 11pt; margin: 6pt 0; -fs-table-paginate: paginate; }
      table.results th, table.results td { border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; }
      table.results th { font-weight: bold; text-align: center; }
      table.results td.n { text-align: right; white-space: nowrap; }
      table.results .tt { width: 9%; text-align: center; }
      table.results .p { width: 10%; }
      table.results .v { width: 13%; }
      table.results td.v { text-align: center; }
      table.results tr.group td { font-weight: bold; }
      tr { page-break-inside: avoid; }
      table.sign { width: 100%; margin-top: 14pt; page-break-inside: avoid; }
      table.sign td { vertical-align: top; width: 50%; }
      td.to { font-size: 11pt; }
      td.by { text-align: center; }
      div.name { margin-top: 60pt; }
      """;
}
