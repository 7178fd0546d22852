package vn.lhpn.kehoach.plan.importer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.plan.ItemKind;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.YearLevel;

/** A plan as the importer understood it, ready to be compared with what is stored and saved. */
public record PlanDraft(
    String code,
    String number,
    String title,
    String subtitle,
    String issuer,
    LocalDate issuedOn,
    Integer termStart,
    Integer termEnd,
    List<Integer> years,
    List<Item> items,
    List<ImportIssue> warnings) {

  /** One item in document order; its parent comes before it. */
  public record Item(
      int line,
      String key,
      String parentKey,
      String code,
      ItemKind kind,
      String title,
      String implementingLevel,
      Set<Integer> implementingLevels,
      String lead,
      List<String> departments,
      String coordinators,
      String funding,
      Map<Integer, String> footnotes,
      Map<Integer, YearLevel> years,
      MeasureType measureType,
      String measureUnit,
      boolean measureGuessed) {}

  public long count(ItemKind kind) {
    return items.stream().filter(i -> i.kind() == kind).count();
  }

  /** The stable code of a plan from its number: "11/KH-BCH" becomes "11-KH-BCH". */
  public static String codeOf(String number) {
    return number.strip().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
  }
}
