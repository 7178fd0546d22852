package vn.lhpn.kehoach.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small RFC 4180 reader for the project's seed files (UTF-8, header row, quoted fields). */
public final class Csv {
  private Csv() {}

  /** One data row: its 1-based line number and its fields by column name. */
  public record Row(int line, Map<String, String> fields) {
    public String get(String column) {
      String value = fields.get(column);
      if (value == null) {
        throw new IllegalStateException("line " + line + ": no column " + column);
      }
      return value;
    }
  }

  /** Reads all rows; the header must contain every required column. */
  public static List<Row> read(InputStream in, String source, List<String> required) {
    try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String headerLine = reader.readLine();
      if (headerLine == null) {
        throw new IllegalStateException(source + ": empty file");
      }
      List<String> header = split(headerLine.replace("\uFEFF", ""));
      if (!header.containsAll(required)) {
        throw new IllegalStateException(
            source + ": expected columns " + required + ", got " + header);
      }
      List<Row> rows = new ArrayList<>();
      int lineNo = 1;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        List<String> values = split(line);
        if (values.size() != header.size()) {
          throw new IllegalStateException(
              source + ":" + lineNo + ": " + values.size() + " fields, expected " + header.size());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
          fields.put(header.get(i), values.get(i));
        }
        rows.add(new Row(lineNo, fields));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }
}
