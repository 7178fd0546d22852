package vn.lhpn.kehoach.common;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A table uploaded as GSO and officials keep them: a UTF-8 CSV or the first sheet of an .xlsx, its
 * first row the header. Every row keeps its line (or sheet row) so a problem can name it.
 */
public final class TableFiles {
  private TableFiles() {}

  /** A zip (an .xlsx) is read as a workbook; anything else as UTF-8 CSV. */
  public static List<Csv.Row> rows(byte[] file, String source, List<String> required) {
    if (file.length >= 2 && file[0] == 'P' && file[1] == 'K') {
      return sheetRows(file, source, required);
    }
    return Csv.read(new ByteArrayInputStream(file), source, required);
  }

  /**
   * The first sheet, its first row the header. Dates may be date cells (read as YYYY-MM-DD); codes
   * must be text: a number cell has lost the code's leading zero (05536 read as 5536), so it is
   * refused, naming the cell.
   */
  private static List<Csv.Row> sheetRows(byte[] file, String source, List<String> required) {
    DataFormatter text = new DataFormatter(java.util.Locale.ROOT);
    try (XSSFWorkbook wb = Workbooks.open(file)) {
      Sheet sheet = wb.getSheetAt(0);
      Row first = sheet.getRow(sheet.getFirstRowNum());
      if (first == null) {
        throw new IllegalStateException(source + ": empty sheet");
      }
      List<String> header = new ArrayList<>();
      for (int c = 0; c < first.getLastCellNum(); c++) {
        header.add(
            text.formatCellValue(first.getCell(c)).strip().toLowerCase(java.util.Locale.ROOT));
      }
      if (!header.containsAll(required)) {
        throw new IllegalStateException(
            source + ": expected columns " + required + ", got " + header);
      }
      List<Csv.Row> rows = new ArrayList<>();
      for (int r = first.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        boolean blank = true;
        for (int c = 0; c < header.size(); c++) {
          Cell cell = row.getCell(c);
          String value;
          if (cell != null
              && cell.getCellType() == CellType.NUMERIC
              && DateUtil.isCellDateFormatted(cell)) {
            value = cell.getLocalDateTimeCellValue().toLocalDate().toString();
          } else if (cell != null
              && cell.getCellType() == CellType.NUMERIC
              && header.get(c).endsWith("code")) {
            throw new Unreadable(
                Message.of(
                    "file.code-is-number", "source", source, "cell", cell.getAddress().toString()));
          } else {
            value = text.formatCellValue(cell).strip();
          }
          blank &= value.isEmpty();
          fields.put(header.get(c), value);
        }
        if (!blank) {
          rows.add(new Csv.Row(r + 1, fields));
        }
      }
      return rows;
    } catch (IOException | org.apache.poi.ooxml.POIXMLException e) {
      throw new IllegalStateException(source + ": not a readable .xlsx (" + e.getMessage() + ")");
    }
  }
}
