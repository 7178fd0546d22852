package vn.lhpn.kehoach.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.lhpn.kehoach.submission.Reports.HUNG_SON;
import static vn.lhpn.kehoach.submission.Reports.create;
import static vn.lhpn.kehoach.submission.Reports.id;
import static vn.lhpn.kehoach.submission.Reports.value;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A workflow step reads a report's values read-only (no copy kept, not dirty-checked at each flush:
 * docs/benchmarks.md, deadline day). A change made to a value this transaction read read-only
 * before would be dropped at the flush without a word; {@link SubmissionValue#of} makes the values
 * it returns writable again, so a write after a read is kept.
 */
@QuarkusTest
class ReadOnlyValuesTest {

  @Test
  void shouldKeepAChangeToAValueReadReadOnlyEarlierInTheTransaction() {
    Reports.period("2023-Q2", true);
    long id = id(create(HUNG_SON, "2023-Q2", "05761", List.of(value("I-2.1", 12))).statusCode(201));

    // The hazard itself: a read-only value changed in place is not written.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                SubmissionValue.readOnlyOf(Submission.findById(id))
                    .forEach(v -> v.number = BigDecimal.valueOf(40)));
    assertEquals(List.of(new BigDecimal("12.000")), numbers(id));

    // Read read-only first, then taken to write: the change is kept.
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Submission s = Submission.findById(id);
              SubmissionValue.readOnlyOf(s);
              SubmissionValue.of(s).forEach(v -> v.number = BigDecimal.valueOf(15));
            });
    assertEquals(List.of(new BigDecimal("15.000")), numbers(id));
  }

  private static List<BigDecimal> numbers(long id) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                SubmissionValue.readOnlyOf(Submission.findById(id)).stream()
                    .map(v -> v.number)
                    .toList());
  }
}
