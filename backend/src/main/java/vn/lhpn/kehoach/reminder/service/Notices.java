package vn.lhpn.kehoach.reminder.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.reminder.dto.ReminderDtos;
import vn.lhpn.kehoach.security.Access;

/** The caller's bell: their newest notices, marked read one by one or all at once. */
@ApplicationScoped
public class Notices {
  /** How many of the newest notices the bell shows. */
  public static final int SHOWN = 30;

  private final EntityManager em;
  private final Access access;

  Notices(EntityManager em, Access access) {
    this.em = em;
    this.access = access;
  }

  @Transactional
  @SuppressWarnings("unchecked")
  public ReminderDtos.Notices mine() {
    String me = access.username();
    List<Object[]> rows =
        em.createNativeQuery(
                """
                SELECT n.id, n.kind, n.title, n.body, n.link, p.code, n.unit_code, n.created_at,
                       n.read_at, pl.code
                FROM notice n JOIN period p ON p.id = n.period_id JOIN plan pl ON pl.id = p.plan_id
                WHERE n.username = ?1 ORDER BY n.id DESC LIMIT ?2
                """)
            .setParameter(1, me)
            .setParameter(2, SHOWN)
            .getResultList();
    List<ReminderDtos.Notice> items = new ArrayList<>();
    for (Object[] r : rows) {
      items.add(
          new ReminderDtos.Notice(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[9],
              (String) r[5],
              (String) r[6],
              vn.lhpn.kehoach.common.Times.utc(r[7]),
              vn.lhpn.kehoach.common.Times.utc(r[8])));
    }
    int unread =
        ((Number)
                em.createNativeQuery(
                        "SELECT count(*) FROM notice WHERE username = ?1 AND read_at IS NULL")
                    .setParameter(1, me)
                    .getSingleResult())
            .intValue();
    return new ReminderDtos.Notices(items, unread);
  }

  /** Marks one of the caller's notices read (again: no change); another's is 404. */
  @Transactional
  public void read(long id) {
    int found =
        em.createNativeQuery(
                "UPDATE notice SET read_at = coalesce(read_at, now())"
                    + " WHERE id = ?1 AND username = ?2")
            .setParameter(1, id)
            .setParameter(2, access.username())
            .executeUpdate();
    if (found == 0) {
      throw new ApiException(ProblemType.NOT_FOUND, Message.of("notice.not-found"));
    }
  }

  /** Marks every notice of the caller read; returns how many were unread. */
  @Transactional
  public int readAll() {
    return em.createNativeQuery(
            "UPDATE notice SET read_at = now() WHERE username = ?1 AND read_at IS NULL")
        .setParameter(1, access.username())
        .executeUpdate();
  }
}
