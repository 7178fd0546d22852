package vn.lhpn.kehoach.orgunit.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
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
import vn.lhpn.kehoach.common.Csv;
import vn.lhpn.kehoach.common.Workbooks;
import vn.lhpn.kehoach.orgunit.OrgUnitLineage.Change;
import vn.lhpn.kehoach.orgunit.OrgUnitType;

/**
 * The two files of a change set in the GSO shape (UTF-8 CSV with a header row, or the first sheet
 * of an .xlsx with the same header row): the units of a state ({@code
 * code,name,type,parent_code,level}) and the lineage of a change ({@code
 * effective_date,old_code,old_name,new_code,new_name,change[,confirmed]}; {@code confirmed=no}
 * marks a row inferred, not read from the resolution).
 */
public final class ChangeSetFiles {
  static final List<String> UNIT_COLUMNS = List.of("code", "name", "type", "parent_code", "level");
  static final List<String> CHANGE_COLUMNS =
      List.of("effective_date", "old_code", "old_name", "new_code", "new_name", "change");

  private ChangeSetFiles() {}

  /** The units of a state, in file order. */
  public static List<ChangeSetPlanner.Unit> units(InputStream in, String source) {
    return units(Csv.read(in, source, UNIT_COLUMNS));
  }

  /** The units of a state from an uploaded file: CSV, or .xlsx. */
  public static List<ChangeSetPlanner.Unit> units(byte[] file, String source) {
    return units(rows(file, source, UNIT_COLUMNS));
  }

  /** The lineage rows, in file order. */
  public static List<OrgUnitChange> changes(InputStream in, String source) {
    return changes(Csv.read(in, source, CHANGE_COLUMNS));
  }

  /** The lineage rows from an uploaded file: CSV, or .xlsx. */
  public static List<OrgUnitChange> changes(byte[] file, String source) {
    return changes(rows(file, source, CHANGE_COLUMNS));
  }

  private static List<ChangeSetPlanner.Unit> units(List<Csv.Row> rows) {
    return rows.stream()
        .map(
            r ->
                new ChangeSetPlanner.Unit(
                    r.get("code").strip(),
                    r.get("name").strip(),
                    OrgUnitType.fromCode(r.get("type").strip()),
                    r.get("parent_code").isBlank() ? null : r.get("parent_code").strip(),
                    Integer.parseInt(r.get("level").strip())))
        .toList();
  }

  private static List<OrgUnitChange> changes(List<Csv.Row> rows) {
    return rows.stream()
        .map(
            r ->
                new OrgUnitChange(
                    LocalDate.parse(r.get("effective_date").strip()),
                    r.get("old_code").strip(),
                    r.get("old_name").strip(),
                    r.get("new_code").strip(),
                    r.get("new_name").strip(),
                    Change.fromCode(r.get("change").strip()),
                    !"no".equalsIgnoreCase(r.fields().getOrDefault("confirmed", "yes").strip())))
        .toList();
  }

  /** A zip (an .xlsx) is read as a workbook; anything else as UTF-8 CSV. */
  private static List<Csv.Row> rows(byte[] file, String source, List<String> required) {
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
            throw new IllegalStateException(
                source
                    + ": ô "
                    + cell.getAddress()
                    + " là số, mã phải là văn bản (05536, không phải 5536) / cell "
                    + cell.getAddress()
                    + " is a number: codes must be text");
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
