package vn.lhpn.kehoach.period;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;
import vn.lhpn.kehoach.common.BaseEntity;
import vn.lhpn.kehoach.plan.Plan;

/** A reporting period of a plan: a year, a half-year or a quarter. */
@Entity
@Table(name = "period")
public class Period extends BaseEntity {
  /** How long a period is. */
  public enum Kind {
    year,
    half,
    quarter
  }

  /** Whether units may still report values for it. */
  public enum State {
    open,
    closed
  }

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "plan_id")
  public Plan plan;

  /** "2024", "2024-H1", "2024-Q3". */
  @Column(nullable = false, length = 16)
  public String code;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  public Kind kind;

  @Column(nullable = false)
  public short year;

  /** 1–2 for a half, 1–4 for a quarter, null for a year. */
  public Short number;

  @Column(name = "starts_on", nullable = false)
  public LocalDate startsOn;

  @Column(name = "ends_on", nullable = false)
  public LocalDate endsOn;

  @Column(name = "due_on", nullable = false)
  public LocalDate dueOn;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  public State state = State.closed;

  /** Days before the due date a reminder goes out (after it: the day after, then weekly). */
  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
  @Column(name = "remind_days_before", nullable = false)
  public Short[] remindDaysBefore = {7, 2};

  public static Optional<Period> find(Plan plan, String code) {
    return find("plan = ?1 and code = ?2", plan, code).firstResultOptional();
  }

  /** The code of a period: "2024", "2024-H1", "2024-Q3". */
  public static String codeOf(Kind kind, int year, Integer number) {
    return switch (kind) {
      case year -> String.valueOf(year);
      case half -> year + "-H" + number;
      case quarter -> year + "-Q" + number;
    };
  }

  /**
   * Whether a report submitted at a moment (or, not yet submitted, as of now) is late: after the
   * whole due day, in the union's time zone.
   */
  public boolean late(
      java.time.OffsetDateTime submittedAt, java.time.ZoneId zone, java.time.OffsetDateTime now) {
    java.time.OffsetDateTime due =
        java.time.ZonedDateTime.of(dueOn.plusDays(1).atStartOfDay(), zone).toOffsetDateTime();
    return (submittedAt == null ? now : submittedAt).isAfter(due);
  }
}
