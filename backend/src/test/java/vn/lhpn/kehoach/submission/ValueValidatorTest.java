package vn.lhpn.kehoach.submission;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.lhpn.kehoach.allocation.service.UnitTargets;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.plan.ItemKind;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.PlanOutline;
import vn.lhpn.kehoach.submission.dto.SubmissionDtos;
import vn.lhpn.kehoach.submission.service.ValueValidator;

/** Value checks without a database: every problem of a report's values in one answer. */
class ValueValidatorTest {
  static final Map<String, UnitTargets.Entry> ENTRIES = new LinkedHashMap<>();

  static {
    ENTRIES.put("I-2.1", entry("I-2.1", MeasureType.COUNT, true));
    ENTRIES.put("I-1.1", entry("I-1.1", MeasureType.PERCENTAGE, true));
    ENTRIES.put("II-1.1", entry("II-1.1", MeasureType.ACTIVITY, true));
    ENTRIES.put("I-6.1", entry("I-6.1", MeasureType.COUNT, false));
    ENTRIES.put("I-3.1", entry("I-3.1", MeasureType.COUNT, true));
    ENTRIES.put("I-4.1", entry("I-4.1", MeasureType.COUNT, true));
  }

  static UnitTargets.Entry entry(String key, MeasureType measure, boolean applies) {
    PlanOutline.Item item =
        new PlanOutline.Item(
            ENTRIES.size(),
            key,
            key,
            key,
            key,
            ItemKind.LEAF,
            measure,
            null,
            new PlanOutline.Group(key, key, null, key),
            Map.of(),
            Set.of(),
            Set.of(),
            null,
            List.of());
    return new UnitTargets.Entry(item, applies, "none", null, null, null);
  }

  static SubmissionDtos.ValueInput number(String item, String n) {
    return new SubmissionDtos.ValueInput(item, new BigDecimal(n), null, null, null);
  }

  static List<String> fields(List<SubmissionDtos.ValueInput> inputs) {
    ApiException e =
        assertThrows(ApiException.class, () -> ValueValidator.validate(inputs, ENTRIES, "values"));
    assertEquals(ProblemType.VALIDATION, e.type());
    return e.errors().stream().map(ProblemDetail.FieldError::field).toList();
  }

  @Test
  void shouldAcceptValidValuesOfEveryMeasure() {
    assertDoesNotThrow(
        () ->
            ValueValidator.validate(
                List.of(
                    number("I-2.1", "1500"),
                    number("I-1.1", "2.5"),
                    new SubmissionDtos.ValueInput(
                        "II-1.1", null, "done", "ghi chú", List.of("https://vi.wikipedia.org"))),
                ENTRIES,
                "values"));
  }

  @Test
  void shouldNameEveryBadValueAtOnce() {
    assertEquals(
        List.of(
            "values[0].number",
            "values[1].number",
            "values[2].number",
            "values[3].status",
            "values[4].item"),
        fields(
            List.of(
                number("I-2.1", "-1"),
                number("I-1.1", "150"),
                new SubmissionDtos.ValueInput("II-1.1", BigDecimal.ONE, null, null, null),
                new SubmissionDtos.ValueInput("I-3.1", null, "done", null, null),
                number("X-9", "1"))));
  }

  @Test
  void shouldRefuseMoreValuesThanItemsApply() {
    List<SubmissionDtos.ValueInput> six =
        List.of(
            number("I-2.1", "1"),
            number("I-1.1", "1"),
            number("I-3.1", "1"),
            number("I-4.1", "1"),
            number("I-2.1", "2"),
            number("I-3.1", "2"));
    assertEquals(List.of("values"), fields(six));
  }

  @Test
  void shouldRefuseAStatusThatIsNotOne() {
    assertEquals(
        List.of("values[0].status"),
        fields(List.of(new SubmissionDtos.ValueInput("II-1.1", null, "finished", null, null))));
  }

  @Test
  void shouldRefuseAnItemThatDoesNotApplyOrComesTwice() {
    assertEquals(
        List.of("values[1].item"), fields(List.of(number("I-2.1", "1"), number("I-2.1", "2"))));
    assertEquals(List.of("values[0].item"), fields(List.of(number("I-6.1", "1"))));
  }

  @Test
  void shouldRefuseTooManyDecimalsAndNumbersTooLarge() {
    assertEquals(
        List.of("values[0].number", "values[1].number"),
        fields(List.of(number("I-2.1", "1.2345"), number("I-1.1", "1e12"))));
  }

  @Test
  void shouldTakeOnlyHttpLinksAsEvidence() {
    assertEquals(
        List.of("values[0].evidence[0]"),
        fields(
            List.of(
                new SubmissionDtos.ValueInput(
                    "I-2.1", null, null, null, List.of("javascript:alert(1)")))));
  }
}
