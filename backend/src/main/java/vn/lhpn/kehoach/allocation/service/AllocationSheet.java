package vn.lhpn.kehoach.allocation.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.ProblemType;

/**
 * The allocation sheet of a unit and year: one row per item, one column per child unit. Counts and
 * percentages are numbers; an activity is "x" where the unit must carry it out. The sheet carries
 * each row's column version, so an upload never overwrites a change made since download.
 */
public final class AllocationSheet {
  static final String SHEET = "Giao chỉ tiêu";
  static final String INFO = "Thông tin";
  static final int HEADER_ROW = 3;
  static final int CODES_ROW = 4;
  static final int FIRST_ITEM_ROW = 5;
  static final int FIRST_UNIT_COLUMN = 6;

  /** What the sheet is about. */
  public record Header(String plan, int year, String parent, String parentName) {}

  /**
   * One item row: its key, measure, the version of its column at download, and the units' cells.
   */
  public record ItemRow(
      int row,
      String key,
      String code,
      String title,
      String measure,
      String parentTarget,
      String version,
      Map<String, String> cells) {}

  private AllocationSheet() {}

  public static byte[] write(
      Header header, List<String> unitCodes, List<String> unitNames, List<ItemRow> rows) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Font bold = wb.createFont();
      bold.setBold(true);
      CellStyle strong = wb.createCellStyle();
      strong.setFont(bold);
      strong.setWrapText(true);
      CellStyle wrap = wb.createCellStyle();
      wrap.setWrapText(true);
      Sheet sheet = wb.createSheet(SHEET);
      cell(
          sheet.createRow(0),
          0,
          "Giao chỉ tiêu năm " + header.year() + " – " + header.parentName(),
          strong);
      cell(
          sheet.createRow(1),
          0,
          "Điền số (chỉ tiêu số lượng, tỷ lệ %) hoặc x (hoạt động phải thực hiện) vào ô của từng đơn vị; để trống để bỏ chỉ tiêu. Không sửa cột Khóa, Phiên bản và dòng Mã đơn vị.",
          wrap);
      Row h = sheet.createRow(HEADER_ROW);
      Row codes = sheet.createRow(CODES_ROW);
      String[] fixed = {
        "Khóa",
        "Phiên bản",
        "TT",
        "Chỉ tiêu / hoạt động",
        "Đo lường",
        "Chỉ tiêu của " + header.parentName()
      };
      for (int c = 0; c < fixed.length; c++) {
        cell(h, c, fixed[c], strong);
        cell(codes, c, c == 0 ? "Mã đơn vị →" : "", strong);
      }
      for (int u = 0; u < unitCodes.size(); u++) {
        cell(h, FIRST_UNIT_COLUMN + u, unitNames.get(u), strong);
        cell(codes, FIRST_UNIT_COLUMN + u, unitCodes.get(u), strong);
      }
      int r = FIRST_ITEM_ROW;
      for (ItemRow item : rows) {
        Row row = sheet.createRow(r++);
        cell(row, 0, item.key(), null);
        cell(row, 1, item.version(), null);
        cell(row, 2, item.code() == null ? "" : item.code(), null);
        cell(row, 3, item.title(), wrap);
        cell(row, 4, item.measure(), null);
        cell(row, 5, item.parentTarget(), null);
        for (int u = 0; u < unitCodes.size(); u++) {
          String value = item.cells().get(unitCodes.get(u));
          if (value != null && !value.isEmpty()) {
            Cell c = row.createCell(FIRST_UNIT_COLUMN + u);
            if (value.equals("x")) {
              c.setCellValue("x");
            } else {
              c.setCellValue(new BigDecimal(value).doubleValue());
            }
          }
        }
      }
      sheet.setColumnWidth(0, 12 * 256);
      sheet.setColumnWidth(1, 4 * 256);
      sheet.setColumnWidth(3, 60 * 256);
      sheet.setColumnWidth(5, 14 * 256);
      sheet.createFreezePane(FIRST_UNIT_COLUMN, FIRST_ITEM_ROW);
      Sheet info = wb.createSheet(INFO);
      String[][] fields = {
        {"plan", header.plan()},
        {"year", String.valueOf(header.year())},
        {"parent", header.parent()}
      };
      for (int i = 0; i < fields.length; i++) {
        cell(info.createRow(i), 0, fields[i][0], null);
        cell(info.getRow(i), 1, fields[i][1], null);
      }
      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sheet as uploaded: its header, the unit codes of its columns, and its item rows. */
  public record Parsed(Header header, List<String> unitCodes, List<ItemRow> rows) {}

  public static Parsed read(byte[] bytes) {
    Workbook wb;
    try {
      wb = vn.lhpn.kehoach.common.Workbooks.open(bytes);
    } catch (Exception | LinkageError e) {
      throw invalid(Message.of("sheet.cannot-open"));
    }
    DataFormatter fmt = new DataFormatter(Locale.ROOT);
    try (wb) {
      Sheet info = wb.getSheet(INFO);
      Sheet sheet = wb.getSheet(SHEET);
      if (info == null || sheet == null) {
        throw invalid(Message.of("sheet.not-allocation", "sheet", SHEET, "info", INFO));
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (Row row : info) {
        fields.put(text(fmt, row, 0), text(fmt, row, 1));
      }
      int year;
      try {
        year = Integer.parseInt(fields.getOrDefault("year", ""));
      } catch (NumberFormatException e) {
        throw invalid(Message.of("sheet.no-year", "info", INFO));
      }
      Header header = new Header(fields.get("plan"), year, fields.get("parent"), null);
      if (header.plan() == null || header.parent() == null) {
        throw invalid(Message.of("sheet.no-plan-or-unit", "info", INFO));
      }
      Row codesRow = sheet.getRow(CODES_ROW);
      if (codesRow == null || !"Khóa".equals(text(fmt, sheet.getRow(HEADER_ROW), 0))) {
        throw invalid(Message.of("sheet.header-changed"));
      }
      List<String> units = new ArrayList<>();
      for (int c = FIRST_UNIT_COLUMN; c < codesRow.getLastCellNum(); c++) {
        String code = text(fmt, codesRow, c);
        if (!code.isEmpty()) {
          units.add(code);
        }
      }
      List<ItemRow> rows = new ArrayList<>();
      for (int r = FIRST_ITEM_ROW; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        String key = text(fmt, row, 0);
        if (key.isEmpty()) {
          continue;
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int u = 0; u < units.size(); u++) {
          cells.put(units.get(u), text(fmt, row, FIRST_UNIT_COLUMN + u));
        }
        rows.add(
            new ItemRow(
                r + 1,
                key,
                text(fmt, row, 2),
                text(fmt, row, 3),
                text(fmt, row, 4),
                text(fmt, row, 5),
                text(fmt, row, 1),
                cells));
      }
      return new Parsed(header, units, rows);
    } catch (IOException e) {
      throw invalid(Message.of("sheet.cannot-read"));
    }
  }

  static ApiException invalid(Message why) {
    return new ApiException(
        ProblemType.INVALID_FILE, why, List.of(new ProblemDetail.FieldError("file", why)));
  }

  private static String text(DataFormatter fmt, Row row, int column) {
    if (row == null) {
      return "";
    }
    Cell cell = row.getCell(column);
    return cell == null ? "" : fmt.formatCellValue(cell).strip();
  }

  private static void cell(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    if (style != null) {
      cell.setCellStyle(style);
    }
  }
}
