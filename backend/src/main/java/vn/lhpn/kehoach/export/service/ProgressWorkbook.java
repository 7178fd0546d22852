package vn.lhpn.kehoach.export.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import vn.lhpn.kehoach.summary.dto.SummaryDtos;

/**
 * Progress as a workbook in the plan's layout: TT, item, unit of measure, target, achieved, ratio,
 * verdict; numbers as numbers with formats Excel shows in the reader's locale (1.500 and 104,6 % in
 * Vietnamese Excel), header rows frozen, widths that fit. One sheet per unit, streamed to disk as
 * it is written.
 */
public final class ProgressWorkbook {
  /**
   * Streamed (#29): each sheet's rows go to a compressed temporary file once it is written, so a
   * workbook of a thousand sheets holds a sheet's rows in memory, not the workbook's.
   */
  private final SXSSFWorkbook wb = streaming();

  private static SXSSFWorkbook streaming() {
    SXSSFWorkbook out = new SXSSFWorkbook(200);
    out.setCompressTempFiles(true);
    return out;
  }

  private final Set<String> names = new HashSet<>();
  private final CellStyle title;
  private final CellStyle head;
  private final CellStyle text;
  private final CellStyle bold;
  private final CellStyle number;
  private final CellStyle percent;

  public static final String[] COLUMNS = {
    "TT", "Chỉ tiêu, nội dung", "Đơn vị tính", "Kế hoạch", "Thực hiện", "Tỷ lệ", "Đánh giá"
  };

  /** Rows above the table: title, subtitle, a blank row; then the header. */
  public static final int HEADER_ROW = 3;

  public ProgressWorkbook() {
    Font boldFont = wb.createFont();
    boldFont.setBold(true);
    title = wb.createCellStyle();
    Font titleFont = wb.createFont();
    titleFont.setBold(true);
    titleFont.setFontHeightInPoints((short) 13);
    title.setFont(titleFont);
    head = bordered();
    head.setFont(boldFont);
    head.setAlignment(HorizontalAlignment.CENTER);
    head.setWrapText(true);
    text = bordered();
    text.setWrapText(true);
    bold = bordered();
    bold.setWrapText(true);
    bold.setFont(boldFont);
    number = bordered();
    number.setDataFormat(wb.createDataFormat().getFormat("#,##0.##"));
    percent = bordered();
    percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
  }

  private CellStyle bordered() {
    CellStyle s = wb.createCellStyle();
    s.setBorderTop(BorderStyle.THIN);
    s.setBorderBottom(BorderStyle.THIN);
    s.setBorderLeft(BorderStyle.THIN);
    s.setBorderRight(BorderStyle.THIN);
    s.setVerticalAlignment(VerticalAlignment.TOP);
    return s;
  }

  /** A sheet for one unit's report figures. */
  public void sheet(String name, String heading, String subheading, List<SummaryDtos.Row> rows) {
    Sheet sheet = wb.createSheet(unique(name));
    Row r0 = sheet.createRow(0);
    r0.createCell(0).setCellValue(heading);
    r0.getCell(0).setCellStyle(title);
    sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS.length - 1));
    sheet.createRow(1).createCell(0).setCellValue(subheading);
    sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, COLUMNS.length - 1));
    Row h = sheet.createRow(HEADER_ROW);
    for (int c = 0; c < COLUMNS.length; c++) {
      h.createCell(c).setCellValue(COLUMNS[c]);
      h.getCell(c).setCellStyle(head);
    }
    int i = HEADER_ROW + 1;
    for (SummaryDtos.Row row : rows) {
      Row r = sheet.createRow(i++);
      boolean item = row.kind().equals("item");
      r.createCell(0).setCellValue(row.code() == null ? "" : row.code());
      r.createCell(1).setCellValue(row.label());
      CellStyle words = item ? text : bold;
      r.getCell(0).setCellStyle(words);
      r.getCell(1).setCellStyle(words);
      r.createCell(2).setCellValue(row.unitWord() == null ? "" : row.unitWord());
      r.getCell(2).setCellStyle(words);
      numberOrText(r, 3, row.target(), row.targetText(), words);
      numberOrText(r, 4, row.achieved(), row.achievedText(), words);
      if (row.ratio() != null) {
        r.createCell(5).setCellValue(row.ratio().doubleValue());
        r.getCell(5).setCellStyle(percent);
      } else {
        r.createCell(5).setCellStyle(words);
      }
      r.createCell(6).setCellValue(row.verdictText());
      r.getCell(6).setCellStyle(words);
    }
    sheet.createFreezePane(2, HEADER_ROW + 1);
    int[] widths = {9, 70, 12, 14, 14, 10, 16};
    for (int c = 0; c < widths.length; c++) {
      sheet.setColumnWidth(c, widths[c] * 256);
    }
    sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, i - 1, 0, COLUMNS.length - 1));
    try {
      ((SXSSFSheet) sheet).flushRows();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A count as a number (its unit in its own column); a single unit's activity as words. */
  private void numberOrText(Row r, int column, BigDecimal value, String printed, CellStyle words) {
    var cell = r.createCell(column);
    boolean numeric = value != null && !printed.isEmpty() && Character.isDigit(printed.charAt(0));
    if (numeric) {
      cell.setCellValue(value.doubleValue());
      cell.setCellStyle(number);
    } else {
      cell.setCellValue(printed);
      cell.setCellStyle(words);
    }
  }

  private String unique(String name) {
    String base = WorkbookUtil.createSafeSheetName(name);
    String n = base;
    for (int k = 2; !names.add(n.toLowerCase(Locale.ROOT)); k++) {
      String suffix = " (" + k + ")";
      n = base.substring(0, Math.min(base.length(), 31 - suffix.length())) + suffix;
    }
    return n;
  }

  public byte[] bytes() {
    try (wb;
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
