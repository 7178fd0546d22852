package vn.lhpn.kehoach.emulation.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import vn.lhpn.kehoach.emulation.dto.EmulationDtos;
import vn.lhpn.kehoach.summary.render.DocxRenderer;

/**
 * The scores for the emulation council: a workbook with a sheet per cluster (rank, unit, each line
 * of the table, on time, manual, total, ties) and a Word table in the administrative layout
 * (letterhead, title, a table per cluster, the place for the signature).
 */
public final class EmulationExports {
  private EmulationExports() {}

  static final String[] TOTALS = {
    "Điểm chỉ tiêu, nhiệm vụ", "Điểm báo cáo đúng hạn", "Điểm chấm thêm", "Tổng điểm"
  };

  public static String period(EmulationDtos.Scores s) {
    return s.year() != null
        ? "năm " + s.year()
        : "nhiệm kỳ " + s.years().get(0) + "–" + s.years().get(s.years().size() - 1);
  }

  public static byte[] workbook(EmulationDtos.Scores s) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      bold.setWrapText(true);
      CellStyle number = wb.createCellStyle();
      number.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
      for (EmulationDtos.ClusterScores c : s.clusters()) {
        Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(c.code() + " " + c.name()));
        text(sheet.createRow(0), 0, "Điểm thi đua " + period(s) + " · " + c.name(), bold);
        List<EmulationDtos.LineScore> lines =
            c.units().isEmpty() ? List.of() : c.units().get(0).lines();
        Row head = sheet.createRow(2);
        text(head, 0, "Xếp hạng", bold);
        text(head, 1, "Mã đơn vị", bold);
        text(head, 2, "Đơn vị", bold);
        for (int i = 0; i < lines.size(); i++) {
          EmulationDtos.LineScore l = lines.get(i);
          text(head, 3 + i, (l.code() == null ? l.item() : l.code()) + " " + l.title(), bold);
        }
        int col = 3 + lines.size();
        for (int i = 0; i < TOTALS.length; i++) {
          text(head, col + i, TOTALS[i], bold);
        }
        text(head, col + TOTALS.length, "Ghi chú", bold);
        int r = 3;
        for (EmulationDtos.UnitScore u : c.units()) {
          Row row = sheet.createRow(r++);
          row.createCell(0).setCellValue(u.rank());
          text(row, 1, u.unitCode(), null);
          text(row, 2, u.unitName(), null);
          for (int i = 0; i < u.lines().size(); i++) {
            num(row, 3 + i, u.lines().get(i).score(), number);
          }
          num(row, col, u.linesTotal(), number);
          num(row, col + 1, u.onTimeTotal(), number);
          num(row, col + 2, u.manualTotal(), number);
          num(row, col + 3, u.total(), number);
          text(row, col + 4, note(u), null);
        }
        sheet.createFreezePane(3, 3);
        sheet.setColumnWidth(2, 32 * 256);
      }
      if (s.clusters().isEmpty()) {
        text(wb.createSheet("Thi đua").createRow(0), 0, "Chưa có cụm thi đua", null);
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** "Đồng hạng với Xã A, Xã B", or nothing. */
  public static String note(EmulationDtos.UnitScore u) {
    return u.tiedWith().isEmpty() ? "" : "Đồng hạng với " + String.join(", ", u.tiedWith());
  }

  public static byte[] document(EmulationDtos.Scores s, String union, String place, LocalDate day) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      DocxRenderer.page(doc);
      XWPFTable head = DocxRenderer.borderless(doc, 2, 2, new int[] {40, 60});
      center(head.getRow(0).getCell(0), union.toUpperCase(java.util.Locale.ROOT), 12, false);
      XWPFParagraph council = head.getRow(0).getCell(0).addParagraph();
      council.setAlignment(ParagraphAlignment.CENTER);
      DocxRenderer.run(council, "HỘI ĐỒNG THI ĐUA, KHEN THƯỞNG", 13, true, false)
          .setUnderline(UnderlinePatterns.SINGLE);
      center(head.getRow(0).getCell(1), "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true);
      XWPFParagraph motto = head.getRow(0).getCell(1).addParagraph();
      motto.setAlignment(ParagraphAlignment.CENTER);
      DocxRenderer.run(motto, "Độc lập - Tự do - Hạnh phúc", 13, true, false)
          .setUnderline(UnderlinePatterns.SINGLE);
      center(head.getRow(1).getCell(0), "", 13, false);
      XWPFParagraph date =
          DocxRenderer.cellParagraph(head.getRow(1).getCell(1), ParagraphAlignment.CENTER);
      DocxRenderer.run(
          date,
          String.format(
              "%s, ngày %02d tháng %02d năm %d",
              place, day.getDayOfMonth(), day.getMonthValue(), day.getYear()),
          13,
          false,
          true);
      XWPFParagraph title = DocxRenderer.paragraph(doc, ParagraphAlignment.CENTER);
      title.setSpacingBefore(240);
      DocxRenderer.run(title, "BẢNG TỔNG HỢP ĐIỂM THI ĐUA", 14, true, false);
      XWPFParagraph subject = DocxRenderer.paragraph(doc, ParagraphAlignment.CENTER);
      subject.setSpacingAfter(240);
      DocxRenderer.run(subject, "Các cụm thi đua, " + period(s), 14, true, false);
      for (EmulationDtos.ClusterScores c : s.clusters()) {
        XWPFParagraph name = DocxRenderer.paragraph(doc, ParagraphAlignment.LEFT);
        name.setSpacingBefore(160);
        DocxRenderer.run(
            name,
            "Cụm " + c.name() + (c.leaderUnit() == null ? "" : " (cụm trưởng: " + leader(c) + ")"),
            13,
            true,
            false);
        table(doc, c);
      }
      XWPFTable sign = DocxRenderer.borderless(doc, 1, 2, new int[] {50, 50});
      center(sign.getRow(0).getCell(1), "TM. HỘI ĐỒNG THI ĐUA, KHEN THƯỞNG", 13, true);
      XWPFParagraph chair = sign.getRow(0).getCell(1).addParagraph();
      chair.setAlignment(ParagraphAlignment.CENTER);
      DocxRenderer.run(chair, "CHỦ TỊCH", 13, true, false);
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void table(XWPFDocument doc, EmulationDtos.ClusterScores c) {
    String[] heads = {"Xếp hạng", "Đơn vị", TOTALS[0], TOTALS[1], TOTALS[2], TOTALS[3], "Ghi chú"};
    int[] widths = {9, 27, 13, 13, 11, 11, 16};
    XWPFTable t = doc.createTable(c.units().size() + 1, heads.length);
    t.setWidth("100%");
    t.setTableAlignment(TableRowAlign.CENTER);
    for (int i = 0; i < heads.length; i++) {
      XWPFTableCell cell = t.getRow(0).getCell(i);
      DocxRenderer.width(cell, widths[i]);
      center(cell, heads[i], 11, true);
    }
    t.getRow(0).setRepeatHeader(true);
    for (int r = 0; r < c.units().size(); r++) {
      EmulationDtos.UnitScore u = c.units().get(r);
      String[] cells = {
        String.valueOf(u.rank()),
        u.unitName(),
        vi(u.linesTotal()),
        vi(u.onTimeTotal()),
        vi(u.manualTotal()),
        vi(u.total()),
        note(u)
      };
      for (int i = 0; i < cells.length; i++) {
        XWPFTableCell cell = t.getRow(r + 1).getCell(i);
        DocxRenderer.width(cell, widths[i]);
        DocxRenderer.run(
            DocxRenderer.cellParagraph(
                cell,
                i == 1 || i == 6
                    ? ParagraphAlignment.LEFT
                    : i == 0 ? ParagraphAlignment.CENTER : ParagraphAlignment.RIGHT),
            cells[i],
            11,
            i == 5,
            false);
      }
    }
  }

  private static String leader(EmulationDtos.ClusterScores c) {
    return c.units().stream()
        .filter(u -> u.unitCode().equals(c.leaderUnit()))
        .map(EmulationDtos.UnitScore::unitName)
        .findFirst()
        .orElse(c.leaderUnit());
  }

  /** 85,5 as a Vietnamese official writes it. */
  public static String vi(BigDecimal b) {
    return new java.text.DecimalFormat(
            "#,##0.##",
            java.text.DecimalFormatSymbols.getInstance(new java.util.Locale("vi", "VN")))
        .format(b);
  }

  private static void center(XWPFTableCell cell, String text, int size, boolean bold) {
    DocxRenderer.run(
        DocxRenderer.cellParagraph(cell, ParagraphAlignment.CENTER), text, size, bold, false);
  }

  private static void text(Row row, int col, String value, CellStyle style) {
    Cell cell = row.createCell(col);
    cell.setCellValue(value);
    if (style != null) {
      cell.setCellStyle(style);
    }
  }

  private static void num(Row row, int col, BigDecimal value, CellStyle style) {
    Cell cell = row.createCell(col);
    cell.setCellValue(value.doubleValue());
    cell.setCellStyle(style);
  }
}
