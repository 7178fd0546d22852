package vn.lhpn.kehoach.orgunit.service;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import vn.lhpn.kehoach.common.Csv;
import vn.lhpn.kehoach.orgunit.OrgUnitLineage.Change;
import vn.lhpn.kehoach.orgunit.OrgUnitType;

/**
 * The two files of a change set in the GSO shape (UTF-8 CSV with a header row): the units of a
 * state ({@code code,name,type,parent_code,level}) and the lineage of a change ({@code
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
    return Csv.read(in, source, UNIT_COLUMNS).stream()
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

  /** The lineage rows, in file order. */
  public static List<OrgUnitChange> changes(InputStream in, String source) {
    return Csv.read(in, source, CHANGE_COLUMNS).stream()
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
}
