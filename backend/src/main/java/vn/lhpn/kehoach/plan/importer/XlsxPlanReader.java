package vn.lhpn.kehoach.plan.importer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.plan.ItemKind;
import vn.lhpn.kehoach.plan.MeasureType;

/**
 * Reads a plan back from the .xlsx that {@link XlsxPlanWriter} writes (and a planner may have
 * edited in Excel). Columns are found by their headings, so their order may change; a missing
 * required column, an unknown kind or measure, or a broken workbook is refused with the row.
 */
public final class XlsxPlanReader {
  private static final Pattern YEAR = Pattern.compile("Năm\\s+(\\d{4})");
  private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

  public PlanSource read(byte[] bytes) {
    Workbook wb;
    try {
      wb = vn.lhpn.kehoach.common.Workbooks.open(bytes);
    } catch (Exception | LinkageError e) {
      throw PlanFileException.of(Message.of("plan-file.xlsx-unopenable"));
    }
    try (wb) {
      Sheet sheet = wb.getSheet(PlanSheet.ITEMS);
      if (sheet == null) {
        throw PlanFileException.of(Message.of("plan-file.sheet-missing", "sheet", PlanSheet.ITEMS));
      }
      int header = -1;
      for (int r = 0; r <= Math.min(sheet.getLastRowNum(), 30); r++) {
        if (PlanSheet.CODE.equals(text(sheet.getRow(r), 0))) {
          header = r;
          break;
        }
      }
      if (header < 0) {
        throw PlanFileException.of(Message.of("plan-file.no-header-sheet"));
      }
      Row h1 = sheet.getRow(header);
      Row h2 = sheet.getRow(header + 1);
      Map<String, Integer> columns = new HashMap<>();
      List<Integer> years = new ArrayList<>();
      List<Integer> yearColumns = new ArrayList<>();
      int width = Math.max(h1.getLastCellNum(), h2 == null ? 0 : h2.getLastCellNum());
      for (int c = 0; c < width; c++) {
        String top = text(h1, c);
        if (!top.isEmpty()) {
          columns.putIfAbsent(top, c);
        }
        Matcher m = YEAR.matcher(text(h2, c));
        if (m.find()) {
          years.add(Integer.parseInt(m.group(1)));
          yearColumns.add(c);
        }
      }
      List<String> required =
          List.of(
              PlanSheet.CODE,
              PlanSheet.TITLE,
              PlanSheet.LEVEL,
              PlanSheet.LEAD,
              PlanSheet.COORDINATORS,
              PlanSheet.FUNDING,
              PlanSheet.KIND);
      List<String> missing = required.stream().filter(k -> !columns.containsKey(k)).toList();
      if (!missing.isEmpty() || years.isEmpty()) {
        List<String> all = new ArrayList<>(missing);
        if (years.isEmpty()) {
          all.add("Năm YYYY");
        }
        throw PlanFileException.of(
            Message.of("plan-file.columns-missing", "columns", String.join("; ", all)));
      }

      Map<Integer, String> footnotes = readFootnotes(wb.getSheet(PlanSheet.FOOTNOTES));
      List<ImportIssue> errors = new ArrayList<>();
      List<SourceRow> rows = new ArrayList<>();
      for (int r = header + 2; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        int line = r + 1;
        String code = text(row, columns.get(PlanSheet.CODE));
        String title = text(row, columns.get(PlanSheet.TITLE));
        if (code.isEmpty() && title.isEmpty()) {
          continue;
        }
        ItemKind kind;
        try {
          kind = ItemKind.fromCode(text(row, columns.get(PlanSheet.KIND)));
        } catch (IllegalArgumentException e) {
          errors.add(
              new ImportIssue(
                  line,
                  code,
                  Message.of("plan-import.kind", "kind", text(row, columns.get(PlanSheet.KIND)))));
          continue;
        }
        MeasureType measure = null;
        String measureText = opt(row, columns.get(PlanSheet.MEASURE));
        if (!measureText.isEmpty()) {
          try {
            measure = MeasureType.fromCode(measureText);
          } catch (IllegalArgumentException e) {
            errors.add(
                new ImportIssue(
                    line, code, Message.of("plan-import.measure", "measure", measureText)));
            continue;
          }
        }
        List<String> yearValues = new ArrayList<>();
        for (int c : yearColumns) {
          yearValues.add(text(row, c));
        }
        List<Integer> refs = new ArrayList<>();
        for (String n : opt(row, columns.get(PlanSheet.NOTES)).split("[,;\\s]+")) {
          if (!n.isBlank()) {
            try {
              refs.add(Integer.parseInt(n.strip()));
            } catch (NumberFormatException e) {
              errors.add(
                  new ImportIssue(
                      line, code, Message.of("plan-import.footnote-number", "number", n)));
            }
          }
        }
        rows.add(
            new SourceRow(
                line,
                code,
                title,
                kind == ItemKind.SECTION || kind == ItemKind.GROUP,
                yearValues,
                text(row, columns.get(PlanSheet.LEVEL)),
                text(row, columns.get(PlanSheet.LEAD)),
                text(row, columns.get(PlanSheet.COORDINATORS)),
                text(row, columns.get(PlanSheet.FUNDING)),
                refs,
                kind,
                measure,
                emptyToNull(opt(row, columns.get(PlanSheet.UNIT))),
                !opt(row, columns.get(PlanSheet.CONFIRMED)).isEmpty(),
                emptyToNull(opt(row, columns.get(PlanSheet.KEY)))));
      }
      if (!errors.isEmpty()) {
        throw PlanFileException.lines(
            Message.of("plan-file.rows-unreadable", "count", errors.size()), errors);
      }
      if (rows.isEmpty()) {
        throw PlanFileException.of(Message.of("plan-file.no-rows"));
      }
      Map<String, String> info = readInfo(wb.getSheet(PlanSheet.INFO));
      String number = info.getOrDefault(PlanSheet.INFO_NUMBER, "");
      if (number.isBlank()) {
        throw PlanFileException.of(
            Message.of(
                "plan-file.sheet-lacks", "sheet", PlanSheet.INFO, "field", PlanSheet.INFO_NUMBER));
      }
      LocalDate issuedOn = null;
      String date = info.getOrDefault(PlanSheet.INFO_DATE, "");
      if (!date.isBlank()) {
        try {
          issuedOn = LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
          throw PlanFileException.of(Message.of("plan-file.date-format", "date", date));
        }
      }
      return new PlanSource(
          number.strip(),
          info.getOrDefault(PlanSheet.INFO_TITLE, "Kế hoạch " + number).strip(),
          emptyToNull(info.getOrDefault(PlanSheet.INFO_SUBTITLE, "")),
          info.getOrDefault(PlanSheet.INFO_ISSUER, "").strip(),
          issuedOn,
          integer(info.get(PlanSheet.INFO_TERM_START)),
          integer(info.get(PlanSheet.INFO_TERM_END)),
          List.copyOf(years),
          List.copyOf(rows),
          footnotes,
          new ArrayList<>());
    } catch (java.io.IOException e) {
      throw PlanFileException.of(Message.of("plan-file.xlsx-unreadable"));
    }
  }

  private Map<Integer, String> readFootnotes(Sheet sheet) {
    Map<Integer, String> notes = new LinkedHashMap<>();
    if (sheet == null) {
      return notes;
    }
    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
      String n = text(sheet.getRow(r), 0);
      if (!n.isEmpty()) {
        try {
          notes.put(Integer.parseInt(n), text(sheet.getRow(r), 1));
        } catch (NumberFormatException e) {
          throw PlanFileException.of(
              Message.of("plan-file.footnote-number", "sheet", PlanSheet.FOOTNOTES, "row", r + 1));
        }
      }
    }
    return notes;
  }

  private Map<String, String> readInfo(Sheet sheet) {
    Map<String, String> info = new HashMap<>();
    if (sheet == null) {
      throw PlanFileException.of(Message.of("plan-file.sheet-missing", "sheet", PlanSheet.INFO));
    }
    for (int r = 0; r <= sheet.getLastRowNum(); r++) {
      String key = text(sheet.getRow(r), 0);
      if (!key.isEmpty()) {
        info.put(key, text(sheet.getRow(r), 1));
      }
    }
    return info;
  }

  private String opt(Row row, Integer column) {
    return column == null ? "" : text(row, column);
  }

  private String text(Row row, int column) {
    if (row == null) {
      return "";
    }
    Cell cell = row.getCell(column);
    return cell == null ? "" : formatter.formatCellValue(cell).strip();
  }

  private static Integer integer(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      throw PlanFileException.of(Message.of("plan-file.term-year", "year", s));
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
