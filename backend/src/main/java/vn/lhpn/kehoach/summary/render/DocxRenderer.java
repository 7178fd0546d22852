package vn.lhpn.kehoach.summary.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import vn.lhpn.kehoach.summary.dto.SummaryDtos;

/**
 * The report as a Word document (.docx, Apache POI XWPF): A4, the margins of Nghị định
 * 30/2020/NĐ-CP (top and bottom 20 mm, left 30 mm, right 20 mm), Times New Roman, which every
 * official's Word has (docs/adr/0006). Officials edit and sign this one.
 */
public final class DocxRenderer {
  private static final String FONT = "Times New Roman";
  private static final int BODY = 13;
  private static final int TWIPS_PER_MM = 57;

  private DocxRenderer() {}

  public static byte[] render(SummaryDtos.Document d) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      page(doc);
      letterhead(doc, d);
      XWPFParagraph title = paragraph(doc, ParagraphAlignment.CENTER);
      title.setSpacingBefore(240);
      run(title, d.title(), 14, true, false);
      XWPFParagraph subject = paragraph(doc, ParagraphAlignment.CENTER);
      subject.setSpacingAfter(240);
      run(subject, d.subject(), 14, true, false);
      for (SummaryDtos.Block b : d.blocks()) {
        switch (b.type()) {
          case "heading" ->
              run(spaced(paragraph(doc, ParagraphAlignment.LEFT)), b.text(), BODY, true, false);
          case "subheading" ->
              run(spaced(paragraph(doc, ParagraphAlignment.LEFT)), b.text(), BODY, true, true);
          case "table" -> results(doc, d.table());
          default -> body(doc, b.text());
        }
      }
      signature(doc, d);
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void page(XWPFDocument doc) {
    CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.addNewPgSz();
    size.setW(BigInteger.valueOf(11906));
    size.setH(BigInteger.valueOf(16838));
    CTPageMar margins = sect.addNewPgMar();
    margins.setTop(BigInteger.valueOf(20L * TWIPS_PER_MM));
    margins.setBottom(BigInteger.valueOf(20L * TWIPS_PER_MM));
    margins.setLeft(BigInteger.valueOf(30L * TWIPS_PER_MM));
    margins.setRight(BigInteger.valueOf(20L * TWIPS_PER_MM));
  }

  private static void letterhead(XWPFDocument doc, SummaryDtos.Document d) {
    SummaryDtos.Letterhead h = d.letterhead();
    XWPFTable t = borderless(doc, 2, 2, new int[] {40, 60});
    XWPFParagraph union = cellParagraph(t.getRow(0).getCell(0), ParagraphAlignment.CENTER);
    run(union, h.union(), 12, false, false);
    XWPFParagraph issuer = t.getRow(0).getCell(0).addParagraph();
    issuer.setAlignment(ParagraphAlignment.CENTER);
    XWPFRun i = run(issuer, h.issuer(), BODY, true, false);
    i.setUnderline(UnderlinePatterns.SINGLE);
    XWPFParagraph nation = cellParagraph(t.getRow(0).getCell(1), ParagraphAlignment.CENTER);
    run(nation, h.nation(), 12, true, false);
    XWPFParagraph motto = t.getRow(0).getCell(1).addParagraph();
    motto.setAlignment(ParagraphAlignment.CENTER);
    run(motto, h.motto(), BODY, true, false).setUnderline(UnderlinePatterns.SINGLE);
    XWPFParagraph number = cellParagraph(t.getRow(1).getCell(0), ParagraphAlignment.CENTER);
    run(number, numberLine(h), BODY, false, false);
    XWPFParagraph date = cellParagraph(t.getRow(1).getCell(1), ParagraphAlignment.CENTER);
    run(date, h.dateLine(), BODY, false, true);
  }

  /** "Số: 12/BC-BTV", or room to write the number by hand. */
  public static String numberLine(SummaryDtos.Letterhead h) {
    return "Số: " + (h.number().isEmpty() ? "      " : h.number()) + "/" + h.symbol();
  }

  private static void body(XWPFDocument doc, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    for (String line : text.split("\n")) {
      XWPFParagraph p = paragraph(doc, ParagraphAlignment.BOTH);
      p.setIndentationFirstLine(10 * TWIPS_PER_MM);
      p.setSpacingAfter(80);
      run(p, line, BODY, false, false);
    }
  }

  private static void results(XWPFDocument doc, List<SummaryDtos.Row> rows) {
    String[] heads = {"TT", "Chỉ tiêu, nội dung", "Kế hoạch", "Thực hiện", "Tỷ lệ", "Đánh giá"};
    XWPFTable t = doc.createTable(rows.size() + 1, heads.length);
    t.setWidth("100%");
    t.setTableAlignment(TableRowAlign.CENTER);
    int[] widths = {8, 40, 14, 14, 10, 14};
    for (int c = 0; c < heads.length; c++) {
      XWPFTableCell cell = t.getRow(0).getCell(c);
      width(cell, widths[c]);
      run(cellParagraph(cell, ParagraphAlignment.CENTER), heads[c], 11, true, false);
    }
    t.getRow(0).setRepeatHeader(true);
    for (int r = 0; r < rows.size(); r++) {
      SummaryDtos.Row row = rows.get(r);
      XWPFTableRow tr = t.getRow(r + 1);
      boolean head = !row.kind().equals("item");
      String[] cells = {
        row.code() == null ? "" : row.code(),
        row.label(),
        row.targetText(),
        row.achievedText(),
        row.ratioText(),
        row.verdictText()
      };
      for (int c = 0; c < cells.length; c++) {
        XWPFTableCell cell = tr.getCell(c);
        width(cell, widths[c]);
        ParagraphAlignment align =
            c == 1
                ? ParagraphAlignment.LEFT
                : c == 0 || c == 5 ? ParagraphAlignment.CENTER : ParagraphAlignment.RIGHT;
        run(cellParagraph(cell, align), cells[c], 11, head, false);
      }
    }
  }

  private static void signature(XWPFDocument doc, SummaryDtos.Document d) {
    XWPFTable t = borderless(doc, 1, 2, new int[] {50, 50});
    XWPFTableCell left = t.getRow(0).getCell(0);
    run(cellParagraph(left, ParagraphAlignment.LEFT), "Nơi nhận:", 12, true, true);
    for (String line : d.recipients().split("\n")) {
      XWPFParagraph p = left.addParagraph();
      run(p, line, 11, false, false);
    }
    XWPFTableCell right = t.getRow(0).getCell(1);
    run(cellParagraph(right, ParagraphAlignment.CENTER), d.signerOnBehalf(), BODY, true, false);
    XWPFParagraph title = right.addParagraph();
    title.setAlignment(ParagraphAlignment.CENTER);
    run(title, d.signerTitle(), BODY, true, false);
    XWPFParagraph name = right.addParagraph();
    name.setAlignment(ParagraphAlignment.CENTER);
    name.setSpacingBefore(1600);
    run(name, d.signerName(), BODY, true, false);
  }

  public static XWPFTable borderless(XWPFDocument doc, int rows, int cols, int[] widths) {
    XWPFTable t = doc.createTable(rows, cols);
    t.setWidth("100%");
    t.removeBorders();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        width(t.getRow(r).getCell(c), widths[c]);
      }
    }
    return t;
  }

  public static void width(XWPFTableCell cell, int percent) {
    var pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
    var w = pr.isSetTcW() ? pr.getTcW() : pr.addNewTcW();
    w.setType(STTblWidth.PCT);
    w.setW(BigInteger.valueOf(percent * 50L));
  }

  public static XWPFParagraph cellParagraph(XWPFTableCell cell, ParagraphAlignment align) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    p.setAlignment(align);
    return p;
  }

  public static XWPFParagraph paragraph(XWPFDocument doc, ParagraphAlignment align) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(align);
    return p;
  }

  private static XWPFParagraph spaced(XWPFParagraph p) {
    p.setSpacingBefore(120);
    p.setSpacingAfter(60);
    return p;
  }

  public static XWPFRun run(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
    XWPFRun r = p.createRun();
    r.setFontFamily(FONT);
    r.setFontSize(size);
    r.setBold(bold);
    r.setItalic(italic);
    r.setText(text == null ? "" : text);
    return r;
  }
}
