package vn.lhpn.kehoach.orgunit.dto;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.lhpn.kehoach.common.CallersLanguage;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.orgunit.OrgUnitSummary;
import vn.lhpn.kehoach.orgunit.OrgUnitType;

/** A change set of the map (đợt sắp xếp đơn vị hành chính): what it does, and what stops it. */
public final class ChangeSetDtos {
  private ChangeSetDtos() {}

  @Schema(
      name = "UnitChangeSetReport",
      description =
          "What a change set does on its date (dry run), or did (applied): every unit that closes,"
              + " opens, is renamed, reclassified or moved, every lineage row, the codes it names"
              + " that were never on this system, the data left on closing units, and the problems")
  public record Report(
      @Schema(description = "Id of the applied change set; absent for a dry run") Long id,
      LocalDate effectiveDate,
      boolean dryRun,
      @Schema(description = "True when nothing stops it") boolean applicable,
      Counts counts,
      List<Step> steps,
      List<Link> lineage,
      @Schema(
              description =
                  "Codes the lineage names that were never on this system (another province's"
                      + " units before a merger): their new units start without history here")
          List<String> outside,
      List<Held> data,
      List<Problem> problems)
      implements CallersLanguage.Speaks {}

  @Schema(name = "UnitChangeCounts")
  public record Counts(
      int closed,
      int opened,
      int renamed,
      int reclassified,
      int moved,
      int continued,
      int lineage,
      int outside,
      @Schema(description = "Units valid on the day after the change, by level (1, 2, 3)")
          List<Integer> unitsByLevel) {}

  @Schema(name = "UnitChangeStep", description = "What happens to one code on the day")
  public record Step(
      String code,
      @Schema(
              description =
                  "Each of: open (a new code), close (no version follows), continue (the code goes"
                      + " on after a merge or a split), rename, reclassify, move")
          List<String> what,
      @Schema(description = "The version that ends the day before; absent for a new code")
          UnitState before,
      @Schema(description = "The version that starts on the day; absent for a closed code")
          UnitState after) {}

  @Schema(name = "UnitState")
  public record UnitState(String name, OrgUnitType type, String parentCode, int level) {}

  @Schema(name = "UnitChangeLink", description = "A lineage row as the set gives it")
  public record Link(
      String oldCode,
      String oldName,
      @Schema(description = "Absent for a dissolved unit") String newCode,
      String newName,
      @Schema(enumeration = {"merge", "reclassify", "move", "dissolve", "split", "rename"})
          String change,
      @Schema(description = "False where the source did not confirm the receiving unit")
          boolean confirmed,
      @Schema(description = "False for an old unit that never was on this system")
          boolean onSystem) {}

  @Schema(
      name = "UnitChangeHeld",
      description =
          "Data a closing unit holds for periods from the day of the change (reports, targets)")
  public record Held(
      String unitCode,
      String unitName,
      @Schema(enumeration = {"reports", "targets"}) String kind,
      int count,
      @Schema(description = "The first period (reports) or year (targets) concerned") String first,
      @Schema(
              description =
                  "The unit that takes it over where the lineage is one-to-one; absent when the"
                      + " unit was split or dissolved (a decision is needed)")
          String successor,
      @Schema(
              nullable = true,
              description =
                  "After an apply: how many moved to the successor; the rest stay (the successor"
                      + " has its own for that period, or a decision is needed)")
          Integer moved) {
    public Held movedBy(int n) {
      return new Held(unitCode, unitName, kind, count, first, successor, n);
    }
  }

  @Schema(
      name = "LeftOnClosedUnit",
      description =
          "Data a closed unit still holds for periods after it closed (a change set moved what"
              + " went to one unit alone; this went to several, or to none): a decision is needed,"
              + " unless one was taken to keep it")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Left(
      String unitCode,
      String unitName,
      @Schema(description = "The first day the unit no longer existed") LocalDate from,
      @Schema(enumeration = {"reports", "targets"}) String kind,
      int count,
      @Schema(description = "The first period (reports) or year (targets) concerned") String first,
      @Schema(
              description =
                  "The units it went into: the data may move to one of them (none for a dissolved"
                      + " unit, whose data can only be kept)")
          List<OrgUnitSummary> successors,
      @Schema(description = "The decision to keep it where it is, when one was taken") Kept kept) {}

  @Schema(name = "LeftOnClosedUnitKept")
  public record Kept(String by, OffsetDateTime at, String reason) {}

  @Schema(
      name = "LeftOnClosedUnitDecision",
      description = "What to do with one kind of data left on a closed unit")
  public record LeftDecision(
      @Schema(
              enumeration = {"reports", "targets"},
              required = true)
          String kind,
      @Schema(
              enumeration = {"move", "keep"},
              required = true,
              description =
                  "move: to a unit it went into (to); keep: leave it on the closed unit, decided")
          String action,
      @Schema(description = "For move: one of the unit's successors") String to,
      @Schema(description = "Why (kept with the decision)", required = true, maxLength = 500)
          String reason) {}

  @Schema(name = "LeftOnClosedUnitDecided")
  public record LeftDecided(
      @Schema(description = "How many reports or targets moved") int moved,
      @Schema(
              description =
                  "How many stay on the closed unit (kept, or the receiving unit had its own for"
                      + " those periods)")
          int left) {}

  @Schema(name = "UnitChangeProblem")
  public record Problem(
      @Schema(
              enumeration = {
                "wrong_date",
                "unknown_code",
                "code_in_use",
                "conflicting_rows",
                "no_parent",
                "cycle",
                "out_of_order"
              })
          String kind,
      String code,
      @JsonIgnore Message said) {

    @JsonProperty
    @Schema(
        description =
            "What stands in the way, in the caller's language (Accept-Language), or in both when it"
                + " named neither")
    public String message() {
      return CallersLanguage.write(said);
    }

    @JsonProperty
    @Schema(description = "The problem as a stable code", example = "change-set.wrong-date")
    public String messageCode() {
      return said.code();
    }

    @JsonProperty
    @Schema(description = "The values the message names")
    public Map<String, Object> messageParams() {
      return said.params();
    }
  }

  @Schema(name = "UnitChangeSet", description = "A change set that was applied")
  public record Applied(
      long id,
      LocalDate effectiveDate,
      String appliedBy,
      OffsetDateTime appliedAt,
      String sourceName,
      java.util.Map<String, Integer> summary) {}
}
