package vn.lhpn.kehoach.orgunit.service;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import vn.lhpn.kehoach.common.Csv;
import vn.lhpn.kehoach.common.TableFiles;
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

  private static List<Csv.Row> rows(byte[] file, String source, List<String> required) {
    return TableFiles.rows(file, source, required);
  }
}
