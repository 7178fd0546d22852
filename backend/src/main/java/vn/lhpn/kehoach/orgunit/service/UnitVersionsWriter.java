package vn.lhpn.kehoach.orgunit.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import vn.lhpn.kehoach.common.ClockProducer;
import vn.lhpn.kehoach.common.Text;
import vn.lhpn.kehoach.orgunit.service.ChangeSetPlanner.Unit;

/**
 * The versions and lineage rows of a change set, written one statement each, whatever the size of
 * the set: a country's reform ends 11 000 versions, starts 3 300 and links 11 500 rows, which one
 * entity at a time took 26 s (docs/benchmarks.md). The rows go to PostgreSQL as one JSON parameter.
 * A version ended here is a new row version ({@code version} + 1): an entity of it loaded before
 * cannot be written back over it.
 */
@ApplicationScoped
class UnitVersionsWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EntityManager em;

  UnitVersionsWriter(EntityManager em) {
    this.em = em;
  }

  /** One lineage row to write: the old version (absent: never on the system) and the new. */
  record Edge(
      @JsonProperty("change") String change,
      @JsonProperty("from_id") Long fromId,
      @JsonProperty("from_code") String fromCode,
      @JsonProperty("from_name") String fromName,
      @JsonProperty("to_id") Long toId,
      @JsonProperty("confirmed") boolean confirmed) {}

  /** Ends on the eve the version of each code valid that day; their ids by code. */
  Map<String, Long> close(Collection<String> codes, LocalDate eve) {
    if (codes.isEmpty()) {
      return Map.of();
    }
    Map<String, Long> ids =
        ids(
            em.createNativeQuery(
                    """
                    UPDATE org_unit u SET valid_to = ?2, version = u.version + 1, updated_at = ?3
                    WHERE u.code IN (SELECT jsonb_array_elements_text(cast(?1 AS jsonb)))
                      AND u.valid_from <= ?2 AND (u.valid_to IS NULL OR u.valid_to >= ?2)
                    RETURNING u.code, u.id
                    """)
                .setParameter(1, json(new TreeSet<>(codes)))
                .setParameter(2, eve)
                .setParameter(3, ClockProducer.now())
                .getResultList());
    if (ids.size() != new TreeSet<>(codes).size()) {
      List<String> missing = new ArrayList<>(new TreeSet<>(codes));
      missing.removeAll(ids.keySet());
      throw new IllegalStateException("no version valid on " + eve + " for " + missing);
    }
    return ids;
  }

  /** Starts on the day a version of each unit; their ids by code. */
  Map<String, Long> open(Collection<Unit> units, LocalDate day) {
    if (units.isEmpty()) {
      return Map.of();
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Unit u : units) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("code", u.code());
      row.put("name", u.name());
      row.put("search_name", Text.fold(u.name()));
      row.put("type", u.type().code());
      row.put("parent_code", u.parentCode());
      row.put("level", u.level());
      rows.add(row);
    }
    return ids(
        em.createNativeQuery(
                """
                INSERT INTO org_unit (code, name, search_name, type, parent_code, level, valid_from,
                                      version, created_at, updated_at)
                SELECT r.code, r.name, r.search_name, r.type, r.parent_code, r.level, ?2, 0, ?3, ?3
                FROM jsonb_to_recordset(cast(?1 AS jsonb)) AS r(code text, name text,
                  search_name text, type text, parent_code text, level smallint)
                RETURNING code, id
                """)
            .setParameter(1, json(rows))
            .setParameter(2, day)
            .setParameter(3, ClockProducer.now())
            .getResultList());
  }

  /** Writes the lineage rows of the day; how many. */
  int link(List<Edge> edges, LocalDate day, Long changeSetId) {
    if (edges.isEmpty()) {
      return 0;
    }
    return em.createNativeQuery(
            """
            INSERT INTO org_unit_lineage (effective_date, change, from_unit_id, from_code,
                                          from_name, to_unit_id, confirmed, change_set_id, version)
            SELECT ?2, r.change, r.from_id, r.from_code, r.from_name, r.to_id, r.confirmed, ?3, 0
            FROM jsonb_to_recordset(cast(?1 AS jsonb)) AS r(change text, from_id bigint,
              from_code text, from_name text, to_id bigint, confirmed boolean)
            """)
        .setParameter(1, json(edges))
        .setParameter(2, day)
        .setParameter(3, changeSetId)
        .executeUpdate();
  }

  private static Map<String, Long> ids(List<?> rows) {
    Map<String, Long> ids = new HashMap<>();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      ids.put((String) r[0], ((Number) r[1]).longValue());
    }
    return ids;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
