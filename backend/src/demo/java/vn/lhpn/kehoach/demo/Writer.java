package vn.lhpn.kehoach.demo;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import vn.lhpn.kehoach.allocation.service.TargetLoad;
import vn.lhpn.kehoach.submission.Submission;
import vn.lhpn.kehoach.submission.service.ReportLoad;

/**
 * What a generator writes, through the tables' owners ({@link TargetLoad}, {@link ReportLoad}), in
 * chunks: nothing is kept once a chunk is written, so millions of values load in bounded memory.
 * Every row says it is sample data: written by {@link #WHO}.
 */
final class Writer {
  /** Who wrote the sample data, in every history line and report. */
  static final String WHO = "du-lieu-mau";

  /** Rows buffered before a chunk is written. */
  private static final int CHUNK = 100_000;

  private static final String RETURN_REASON = "Đề nghị bổ sung minh chứng (dữ liệu mẫu)";

  private final TargetLoad targets;
  private final ReportLoad reports;
  private int buffered;
  private long written;

  Writer(EntityManager em) {
    this.targets = new TargetLoad(em);
    this.reports = new ReportLoad(em);
  }

  /** A target set by splitting equally, with the history line of that split. */
  void target(long item, int year, String unit, String parent, BigDecimal value) {
    targets.add(item, year, unit, parent, value, "equal", WHO, "Dữ liệu mẫu: chia đều");
    counted();
  }

  void value(long submission, long item, BigDecimal number, String status) {
    reports.value(submission, item, number, status, WHO);
    counted();
  }

  /**
   * A report in its final state ({@code approved}, {@code submitted}, or a {@code draft} that was
   * returned when {@code returned}), with the history lines that lead there. Returns its id.
   */
  long submission(
      long period, String unit, String state, boolean returned, OffsetDateTime submittedAt) {
    long id =
        reports.report(
            period,
            unit,
            Submission.State.valueOf(state),
            returned ? RETURN_REASON : null,
            submittedAt,
            WHO);
    counted();
    return id;
  }

  /** Rows written so far (targets, their history, reports, values, events). */
  long written() {
    return written;
  }

  /** Writes what is buffered: targets, then reports before their values and events. */
  void flush() {
    written += targets.write();
    written += reports.write();
    buffered = 0;
  }

  private void counted() {
    if (++buffered >= CHUNK) {
      flush();
    }
  }
}
