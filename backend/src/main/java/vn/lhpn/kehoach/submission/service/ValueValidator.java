package vn.lhpn.kehoach.submission.service;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lhpn.kehoach.allocation.service.UnitTargets;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.ProblemType;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.submission.SubmissionValue;
import vn.lhpn.kehoach.submission.dto.SubmissionDtos;

/**
 * Checks the values of a report before anything changes, every problem in one answer: the item
 * exists, applies to the unit and is given once; a count or a percentage is a number ≥ 0 (a
 * percentage at most 100, at most 3 decimals), an activity a status; notes and evidence links
 * within their limits. Pure: no database, no caller.
 */
public final class ValueValidator {
  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  static final BigDecimal MAX_NUMBER = new BigDecimal("1e11");

  private ValueValidator() {}

  /** Throws a 400 listing every problem, naming each field under {@code field}. */
  public static void validate(
      List<SubmissionDtos.ValueInput> inputs,
      Map<String, UnitTargets.Entry> entries,
      String field) {
    long applicable = entries.values().stream().filter(UnitTargets.Entry::applies).count();
    if (inputs.size() > applicable) {
      throw ApiException.invalid(field, Message.of("values.too-many", "applicable", applicable));
    }
    List<ProblemDetail.FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      check(inputs.get(i), field + "[" + i + "]", entries, seen, errors);
    }
    if (!errors.isEmpty()) {
      throw new ApiException(ProblemType.VALIDATION, Message.of("values.invalid"), errors);
    }
  }

  private static void check(
      SubmissionDtos.ValueInput in,
      String at,
      Map<String, UnitTargets.Entry> entries,
      Set<String> seen,
      List<ProblemDetail.FieldError> errors) {
    if (in == null) {
      errors.add(error(at, Message.of("required")));
      return;
    }
    if (in.item() == null || in.item().isBlank()) {
      errors.add(error(at + ".item", Message.of("required")));
      return;
    }
    UnitTargets.Entry e = entries.get(in.item());
    if (e == null) {
      errors.add(error(at + ".item", Message.of("item.not-in-plan", "item", in.item())));
      return;
    }
    if (!seen.add(in.item())) {
      errors.add(error(at + ".item", Message.of("duplicate")));
      return;
    }
    if (!e.applies()) {
      errors.add(error(at + ".item", Message.of("item.not-applicable", "item", in.item())));
      return;
    }
    if (e.item().isActivity()) {
      if (in.number() != null) {
        errors.add(error(at + ".number", Message.of("value.use-status")));
      }
      if (in.status() != null && !validStatus(in.status())) {
        errors.add(error(at + ".status", Message.of("value.status-choice")));
      }
    } else {
      if (in.status() != null) {
        errors.add(error(at + ".status", Message.of("value.use-number")));
      }
      Message problem = numberProblem(e.item().measureType(), in.number());
      if (problem != null) {
        errors.add(error(at + ".number", problem));
      }
    }
    if (in.note() != null && in.note().length() > SubmissionDtos.NOTE_MAX) {
      errors.add(error(at + ".note", Message.of("text.too-long", "max", SubmissionDtos.NOTE_MAX)));
    }
    List<String> links = in.evidence() == null ? List.of() : in.evidence();
    if (links.size() > SubmissionDtos.EVIDENCE_MAX) {
      errors.add(
          error(
              at + ".evidence",
              Message.of("evidence.too-many", "max", SubmissionDtos.EVIDENCE_MAX)));
      return;
    }
    for (int j = 0; j < links.size(); j++) {
      if (!validLink(links.get(j))) {
        errors.add(
            error(
                at + ".evidence[" + j + "]",
                Message.of("evidence.link", "max", SubmissionDtos.LINK_MAX)));
      }
    }
  }

  /** What is wrong with a reported number, or null when nothing is. */
  static Message numberProblem(MeasureType measure, BigDecimal n) {
    if (n == null) {
      return null;
    }
    if (n.signum() < 0) {
      return Message.of("number.negative");
    }
    if (measure == MeasureType.PERCENTAGE && n.compareTo(HUNDRED) > 0) {
      return Message.of("number.over-100");
    }
    if (n.compareTo(MAX_NUMBER) >= 0) {
      return Message.of("number.too-large");
    }
    if (n.stripTrailingZeros().scale() > 3) {
      return Message.of("number.decimals", "max", 3);
    }
    return null;
  }

  static boolean validStatus(String status) {
    try {
      SubmissionValue.Status.valueOf(status);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static boolean validLink(String link) {
    if (link == null || link.isBlank() || link.length() > SubmissionDtos.LINK_MAX) {
      return false;
    }
    try {
      URI uri = new URI(link.strip());
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static ProblemDetail.FieldError error(String field, Message message) {
    return new ProblemDetail.FieldError(field, message);
  }
}
