package vn.lhpn.kehoach.plan.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.Text;

/**
 * Reads the text export of a plan's Word table: tab-separated rows with {@code <b>}, {@code <i>}
 * and {@code <sup>} marks, the table header repeated at page breaks, footnotes between rows, and
 * the document's number, date, issuer and title above the table.
 */
public final class TextPlanReader {
  private static final Pattern SUP =
      Pattern.compile("<sup>\\s*(\\d+)\\s*</sup>", Pattern.CASE_INSENSITIVE);
  private static final Pattern TAG =
      Pattern.compile("</?(b|i|u|em|strong)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern YEAR = Pattern.compile("Năm\\s+(\\d{4})");
  private static final Pattern FOOTNOTE =
      Pattern.compile("^\\s*<sup>\\s*(\\d+)\\s*</sup>\\s*(.+)$");
  private static final Pattern NUMBER = Pattern.compile("^\\s*Số\\s*:?\\s*(.+)$");
  private static final Pattern DATE =
      Pattern.compile(
          "ngày\\s*\\**\\s*(\\d{1,2})\\s*\\**\\s*tháng\\s*\\**\\s*(\\d{1,2})\\s*\\**\\s*năm\\s*\\**\\s*(\\d{4})");
  private static final Pattern BOLD_LINE = Pattern.compile("^\\s*\\*\\*(.+?)\\*\\*\\s*$");
  private static final Pattern TERM =
      Pattern.compile("((?:19|20)\\d{2})\\s*[-–]\\s*((?:19|20)\\d{2})");

  /** Columns after the years: level, lead department, coordinators, funding. */
  private static final int TRAILING_COLUMNS = 4;

  public PlanSource read(byte[] bytes) {
    String text = decode(bytes);
    String[] lines = text.split("\r?\n", -1);
    int header = findHeader(lines);
    if (header < 0) {
      throw PlanFileException.of(Message.of("plan-file.no-table"));
    }
    String[] yearCells = lines[header + 1].split("\t", -1);
    List<Integer> years = new ArrayList<>();
    int firstYearColumn = -1;
    for (int c = 0; c < yearCells.length; c++) {
      Matcher m = YEAR.matcher(yearCells[c]);
      if (m.find()) {
        firstYearColumn = firstYearColumn < 0 ? c : firstYearColumn;
        years.add(Integer.parseInt(m.group(1)));
      }
    }
    int columns = firstYearColumn + years.size() + TRAILING_COLUMNS;

    List<ImportIssue> warnings = new ArrayList<>();
    List<ImportIssue> errors = new ArrayList<>();
    List<SourceRow> rows = new ArrayList<>();
    Map<Integer, String> footnotes = new LinkedHashMap<>();
    for (int i = header + 2; i < lines.length; i++) {
      String line = lines[i];
      int lineNo = i + 1;
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length == 1) {
        Matcher note = FOOTNOTE.matcher(line);
        if (note.matches()) {
          footnotes.put(Integer.parseInt(note.group(1)), clean(note.group(2)));
        }
        continue; // text outside the table (signatures, recipients)
      }
      if (isHeaderRepeat(cells)) {
        continue;
      }
      if (cells.length != columns) {
        errors.add(
            new ImportIssue(
                lineNo,
                clean(cells[0]),
                Message.of("plan-import.columns", "found", cells.length, "expected", columns)));
        continue;
      }
      List<Integer> refs = new ArrayList<>();
      for (String cell : cells) {
        Matcher m = SUP.matcher(cell);
        while (m.find()) {
          refs.add(Integer.parseInt(m.group(1)));
        }
      }
      List<String> yearValues = new ArrayList<>();
      for (int y = 0; y < years.size(); y++) {
        yearValues.add(clean(cells[firstYearColumn + y]));
      }
      int after = firstYearColumn + years.size();
      rows.add(
          new SourceRow(
              lineNo,
              clean(cells[0]),
              clean(cells[1]),
              cells[1].strip().toLowerCase().startsWith("<b>"),
              yearValues,
              clean(cells[after]),
              clean(cells[after + 1]),
              clean(cells[after + 2]),
              clean(cells[after + 3]),
              refs.stream().distinct().toList(),
              null,
              null,
              null,
              false,
              null));
    }
    if (!errors.isEmpty()) {
      throw PlanFileException.lines(
          Message.of("plan-file.rows-broken", "count", errors.size()), errors);
    }
    if (rows.isEmpty()) {
      throw PlanFileException.of(Message.of("plan-file.no-rows"));
    }
    return metadata(lines, header, years, rows, footnotes, warnings);
  }

  private static PlanSource metadata(
      String[] lines,
      int header,
      List<Integer> years,
      List<SourceRow> rows,
      Map<Integer, String> footnotes,
      List<ImportIssue> warnings) {
    String number = null;
    LocalDate issuedOn = null;
    String title = null;
    String subtitle = null;
    List<String> issuer = new ArrayList<>();
    boolean issuerDone = false;
    for (int i = 0; i < header; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      String folded = Text.fold(line);
      if (folded.startsWith("cong hoa xa hoi")) {
        issuerDone = true;
      } else if (!issuerDone) {
        issuer.add(line);
      }
      Matcher n = NUMBER.matcher(line);
      if (number == null && n.matches()) {
        number = n.group(1).replace("*", "").replaceAll("\\s+", "");
      }
      Matcher d = DATE.matcher(line);
      if (issuedOn == null && d.find()) {
        try {
          issuedOn =
              LocalDate.of(
                  Integer.parseInt(d.group(3)),
                  Integer.parseInt(d.group(2)),
                  Integer.parseInt(d.group(1)));
        } catch (DateTimeException e) {
          warnings.add(new ImportIssue(i + 1, null, Message.of("plan-import.date", "line", line)));
        }
      }
      Matcher b = BOLD_LINE.matcher(line);
      if (title == null && b.matches()) {
        title = b.group(1).strip();
      } else if (title != null && subtitle == null && !line.startsWith("TT")) {
        subtitle = clean(line.replace("**", ""));
      }
    }
    if (number == null || number.isEmpty()) {
      throw PlanFileException.of(Message.of("plan-file.no-number"));
    }
    if (title == null) {
      title = "Kế hoạch " + number;
      warnings.add(new ImportIssue(null, null, Message.of("plan-import.no-title", "title", title)));
    }
    Integer termStart = null;
    Integer termEnd = null;
    Matcher t = TERM.matcher((subtitle == null ? "" : subtitle) + " " + title);
    if (t.find()) {
      termStart = Integer.parseInt(t.group(1));
      termEnd = Integer.parseInt(t.group(2));
    }
    return new PlanSource(
        number,
        title,
        subtitle,
        issuer.isEmpty() ? "" : String.join(" – ", issuer),
        issuedOn,
        termStart,
        termEnd,
        List.copyOf(years),
        List.copyOf(rows),
        footnotes,
        warnings);
  }

  private static int findHeader(String[] lines) {
    for (int i = 0; i + 1 < lines.length; i++) {
      String[] cells = lines[i].split("\t", -1);
      if (cells.length >= 3 && cells[0].strip().equals("TT") && YEAR.matcher(lines[i + 1]).find()) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isHeaderRepeat(String[] cells) {
    if (cells[0].strip().equals("TT")) {
      return true;
    }
    return cells[0].isBlank()
        && cells[1].isBlank()
        && YEAR.matcher(String.join("\t", cells)).find();
  }

  /** Marks removed, text otherwise untouched (but for surrounding white space). */
  static String clean(String cell) {
    return TAG.matcher(SUP.matcher(cell).replaceAll("")).replaceAll("").strip();
  }

  private static String decode(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      if (text.indexOf('\0') >= 0) {
        throw PlanFileException.of(Message.of("plan-file.not-text"));
      }
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw PlanFileException.of(Message.of("plan-file.not-utf8"));
    }
  }
}
