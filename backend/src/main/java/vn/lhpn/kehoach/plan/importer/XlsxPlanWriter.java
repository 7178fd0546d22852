package vn.lhpn.kehoach.plan.importer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.lhpn.kehoach.plan.ItemKind;
import vn.lhpn.kehoach.plan.YearLevel;

/**
 * Writes a plan as .xlsx laid out like the document: one row per item, the five year columns,
 * level, department, coordinators, funding, footnotes; then the columns that make a round trip
 * exact (kind, measure, key). Year levels are written as printed ("2.500", "01", "0.5%", "x").
 */
public final class XlsxPlanWriter {

  public byte[] write(PlanDraft plan) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Styles styles = new Styles(wb);
      Sheet sheet = wb.createSheet(PlanSheet.ITEMS);
      int years = plan.years().size();
      int lastColumn = 2 + years + PlanSheet.AFTER_YEARS.size() - 1;

      text(sheet.createRow(0), 0, plan.title(), styles.title);
      sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 2 + years + 3));
      if (plan.subtitle() != null) {
        text(sheet.createRow(1), 0, plan.subtitle(), styles.plain);
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 2 + years + 3));
      }
      text(
          sheet.createRow(2),
          0,
          "Số: "
              + plan.number()
              + (plan.issuedOn() == null
                  ? ""
                  : " – ngày "
                      + plan.issuedOn()
                          .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")))
              + " – "
              + plan.issuer(),
          styles.plain);

      Row h1 = sheet.createRow(4);
      Row h2 = sheet.createRow(5);
      text(h1, 0, PlanSheet.CODE, styles.header);
      text(h1, 1, PlanSheet.TITLE, styles.header);
      text(h1, 2, PlanSheet.YEARS, styles.header);
      for (int y = 0; y < years; y++) {
        text(h2, 2 + y, "Năm " + plan.years().get(y), styles.header);
        if (y > 0) {
          text(h1, 2 + y, "", styles.header);
        }
      }
      text(h2, 0, "", styles.header);
      text(h2, 1, "", styles.header);
      for (int a = 0; a < PlanSheet.AFTER_YEARS.size(); a++) {
        text(h1, 2 + years + a, PlanSheet.AFTER_YEARS.get(a), styles.header);
        text(h2, 2 + years + a, "", styles.header);
        sheet.addMergedRegion(new CellRangeAddress(4, 5, 2 + years + a, 2 + years + a));
      }
      sheet.addMergedRegion(new CellRangeAddress(4, 5, 0, 0));
      sheet.addMergedRegion(new CellRangeAddress(4, 5, 1, 1));
      if (years > 1) {
        sheet.addMergedRegion(new CellRangeAddress(4, 4, 2, 1 + years));
      }

      Map<Integer, String> footnotes = new TreeMap<>();
      int r = 6;
      for (PlanDraft.Item item : plan.items()) {
        boolean strong = item.kind() == ItemKind.SECTION || item.kind() == ItemKind.GROUP;
        CellStyle style = strong ? styles.bold : styles.plain;
        Row row = sheet.createRow(r++);
        text(row, 0, item.code() == null ? "" : item.code(), style);
        text(row, 1, item.title(), style);
        for (int y = 0; y < years; y++) {
          YearLevel level = item.years().get(plan.years().get(y));
          text(row, 2 + y, level == null ? "" : level.raw(), styles.centered);
        }
        int c = 2 + years;
        text(row, c++, nz(item.implementingLevel()), styles.plain);
        text(row, c++, nz(item.lead()), styles.plain);
        text(row, c++, nz(item.coordinators()), styles.plain);
        text(row, c++, nz(item.funding()), styles.plain);
        text(
            row,
            c++,
            item.footnotes().keySet().stream()
                .map(String::valueOf)
                .collect(Collectors.joining(", ")),
            styles.centered);
        text(row, c++, item.kind().code(), styles.plain);
        text(row, c++, item.measureType() == null ? "" : item.measureType().code(), styles.plain);
        text(row, c++, nz(item.measureUnit()), styles.plain);
        text(
            row,
            c++,
            item.measureType() != null && !item.measureGuessed() ? "x" : "",
            styles.centered);
        text(row, c, item.key(), styles.plain);
        footnotes.putAll(item.footnotes());
      }
      sheet.setColumnWidth(0, 9 * 256);
      sheet.setColumnWidth(1, 70 * 256);
      for (int y = 0; y < years; y++) {
        sheet.setColumnWidth(2 + y, 10 * 256);
      }
      for (int c = 2 + years; c <= lastColumn; c++) {
        sheet.setColumnWidth(c, 22 * 256);
      }
      sheet.createFreezePane(2, 6);

      Sheet notes = wb.createSheet(PlanSheet.FOOTNOTES);
      text(notes.createRow(0), 0, "Số", styles.header);
      text(notes.getRow(0), 1, "Nội dung", styles.header);
      int n = 1;
      for (var e : footnotes.entrySet()) {
        Row row = notes.createRow(n++);
        text(row, 0, String.valueOf(e.getKey()), styles.plain);
        text(row, 1, e.getValue(), styles.plain);
      }
      notes.setColumnWidth(1, 100 * 256);

      Sheet info = wb.createSheet(PlanSheet.INFO);
      String[][] fields = {
        {PlanSheet.INFO_NUMBER, plan.number()},
        {PlanSheet.INFO_TITLE, plan.title()},
        {PlanSheet.INFO_SUBTITLE, nz(plan.subtitle())},
        {PlanSheet.INFO_ISSUER, plan.issuer()},
        {PlanSheet.INFO_DATE, plan.issuedOn() == null ? "" : plan.issuedOn().toString()},
        {PlanSheet.INFO_TERM_START, plan.termStart() == null ? "" : plan.termStart().toString()},
        {PlanSheet.INFO_TERM_END, plan.termEnd() == null ? "" : plan.termEnd().toString()},
      };
      for (int i = 0; i < fields.length; i++) {
        Row row = info.createRow(i);
        text(row, 0, fields[i][0], styles.bold);
        text(row, 1, fields[i][1], styles.plain);
      }
      info.setColumnWidth(0, 30 * 256);
      info.setColumnWidth(1, 100 * 256);

      wb.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static void text(Row row, int column, String value, CellStyle style) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  private static final class Styles {
    final CellStyle title;
    final CellStyle header;
    final CellStyle bold;
    final CellStyle plain;
    final CellStyle centered;

    Styles(XSSFWorkbook wb) {
      Font boldFont = wb.createFont();
      boldFont.setBold(true);
      Font titleFont = wb.createFont();
      titleFont.setBold(true);
      titleFont.setFontHeightInPoints((short) 14);
      title = wb.createCellStyle();
      title.setFont(titleFont);
      title.setAlignment(HorizontalAlignment.CENTER);
      plain = bordered(wb);
      centered = bordered(wb);
      centered.setAlignment(HorizontalAlignment.CENTER);
      bold = bordered(wb);
      bold.setFont(boldFont);
      header = bordered(wb);
      header.setFont(boldFont);
      header.setAlignment(HorizontalAlignment.CENTER);
    }

    private static CellStyle bordered(XSSFWorkbook wb) {
      CellStyle s = wb.createCellStyle();
      s.setWrapText(true);
      s.setVerticalAlignment(VerticalAlignment.TOP);
      s.setBorderBottom(BorderStyle.THIN);
      s.setBorderTop(BorderStyle.THIN);
      s.setBorderLeft(BorderStyle.THIN);
      s.setBorderRight(BorderStyle.THIN);
      return s;
    }
  }
}
