package vn.lhpn.kehoach.orgunit.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a feature keeps on units that a change of the map must not lose: each feature above the
 * units (reports, targets) says what it has on units that close, for the days after they close. The
 * change set's dry run lists it beside the lineage, and the apply moves it to a one-to-one
 * successor (docs/adr/0010).
 */
public interface UnitData {

  /** Data of one kind a unit has for periods that start on or after {@code day}. */
  record Held(String unitCode, String kind, int count, String first) {}

  /** The kind of data it keeps: "reports", "targets". */
  String kind();

  /** What the feature has on {@code codes} for periods that start on or after {@code day}. */
  List<Held> after(Collection<String> codes, LocalDate day);

  /**
   * Moves what a closed unit has for periods from {@code day} to the unit that took it over one to
   * one (under {@code toParent} from then on), each move kept in the data's own history with the
   * reason; what the successor already has for the same period stays where it is. Returns how many
   * moved.
   */
  int move(String from, String to, String toParent, LocalDate day, String actor, String reason);

  /** One closed unit's data to move to the unit that took it over, under {@code toParent}. */
  record Move(String from, String to, String toParent, String reason) {}

  /**
   * Moves what many closed units have for periods from {@code day}, as {@link #move} does for one,
   * in one statement: where two went into one successor, the first of the list moves for a period
   * and what the other has for it stays (listed for a decision), as if moved in the list's order.
   * No unit may be both a successor and a closed unit of the list. Returns how many moved, per
   * closed unit.
   */
  Map<String, Integer> moveAll(List<Move> moves, LocalDate day, String actor);

  /** The moves of {@link #moveAll} as SQL reads them. */
  final class Moves {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The rows (from_code, to_code, to_parent, reason, ord) as a FROM item named {@code m}, read
     * from parameter 1 (bound to {@link #json}).
     */
    public static final String FROM =
        "jsonb_to_recordset(cast(?1 AS jsonb)) AS m(from_code text, to_code text, to_parent text,"
            + " reason text, ord int)";

    private Moves() {}

    /** The moves as the JSON parameter of {@link #FROM}, {@code ord} their place in the list. */
    public static String json(List<Move> moves) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < moves.size(); i++) {
        Move m = moves.get(i);
        Map<String, Object> row = new HashMap<>();
        row.put("from_code", m.from());
        row.put("to_code", m.to());
        row.put("to_parent", m.toParent());
        row.put("reason", m.reason());
        row.put("ord", i);
        rows.add(row);
      }
      try {
        return JSON.writeValueAsString(rows);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    /** How many moved per closed unit, from rows (code, count). */
    public static Map<String, Integer> counts(List<Object[]> rows) {
      Map<String, Integer> out = new HashMap<>();
      rows.forEach(r -> out.put((String) r[0], ((Number) r[1]).intValue()));
      return out;
    }
  }
}
