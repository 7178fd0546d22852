package vn.lhpn.kehoach.progress.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import vn.lhpn.kehoach.common.DataRevisions;

/**
 * The answers of the dashboard reads (a unit's progress, the units below side by side), kept for
 * the state of the data they were read from. Every read asks the database which state it is in (one
 * row of {@code data_revision}, moved on by triggers in the same transaction as any change to
 * rollups, a unit's own figures, targets or units) and gets the kept answer only while it is the
 * same: an approval on any instance is in the very next read on every instance. The key holds what
 * else an answer depends on: the plan's content revision (its items) and the day (the pace). The
 * caller's right to read the unit is checked before, every time (docs/adr/0008).
 */
@ApplicationScoped
public class ProgressCache {
  /** Answers kept; the least recently used go first (a national table is the largest, ~1 MB). */
  private static final int KEPT = 256;

  /** What an answer depends on besides the data's revision. */
  public record Key(
      String read, long plan, long planRevision, String unit, int year, LocalDate day) {}

  private record Kept(long revision, Object answer) {}

  private final Map<Key, Kept> kept =
      new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Kept> eldest) {
          return size() > KEPT;
        }
      };

  private final EntityManager em;

  ProgressCache(EntityManager em) {
    this.em = em;
  }

  /** The kept answer for the data's current state, or the one read now (and kept). */
  @SuppressWarnings("unchecked")
  public <T> T get(Key key, Supplier<T> read) {
    long revision = revision();
    Kept k;
    synchronized (kept) {
      k = kept.get(key);
    }
    if (k != null && k.revision() == revision) {
      return (T) k.answer();
    }
    T answer = read.get();
    synchronized (kept) {
      kept.put(key, new Kept(revision, answer));
    }
    return answer;
  }

  private long revision() {
    return DataRevisions.of(em, "progress");
  }
}
