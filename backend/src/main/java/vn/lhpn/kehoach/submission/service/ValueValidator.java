package vn.lhpn.kehoach.submission.service;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.lhpn.kehoach.allocation.service.UnitTargets;
import vn.lhpn.kehoach.common.ApiException;
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
      throw ApiException.invalid(
          field,
          "nhiều nhất "
              + applicable
              + " mục áp dụng cho đơn vị này / at most "
              + applicable
              + " items apply");
    }
    List<ProblemDetail.FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      check(inputs.get(i), field + "[" + i + "]", entries, seen, errors);
    }
    if (!errors.isEmpty()) {
      throw new ApiException(
          ProblemType.VALIDATION,
          "Số liệu không hợp lệ, chưa lưu gì / Invalid values, nothing was saved: "
              + errors.stream()
                  .map(f -> f.field() + ": " + f.message())
                  .collect(Collectors.joining("; ")),
          errors);
    }
  }

  private static void check(
      SubmissionDtos.ValueInput in,
      String at,
      Map<String, UnitTargets.Entry> entries,
      Set<String> seen,
      List<ProblemDetail.FieldError> errors) {
    if (in == null) {
      errors.add(error(at, "bắt buộc / required"));
      return;
    }
    if (in.item() == null || in.item().isBlank()) {
      errors.add(error(at + ".item", "bắt buộc / required"));
      return;
    }
    UnitTargets.Entry e = entries.get(in.item());
    if (e == null) {
      errors.add(
          error(
              at + ".item", "không có mục '" + in.item() + "' trong kế hoạch / no such plan item"));
      return;
    }
    if (!seen.add(in.item())) {
      errors.add(error(at + ".item", "lặp lại / duplicate"));
      return;
    }
    if (!e.applies()) {
      errors.add(
          error(
              at + ".item",
              "mục "
                  + in.item()
                  + " không áp dụng cho đơn vị này trong kỳ này / does not apply to this unit"
                  + " and period"));
      return;
    }
    if (e.item().measureType == MeasureType.ACTIVITY) {
      if (in.number() != null) {
        errors.add(error(at + ".number", "hoạt động không nhập số; dùng status / use status"));
      }
      if (in.status() != null && !validStatus(in.status())) {
        errors.add(error(at + ".status", "done, in_progress, not_done hoặc not_applicable"));
      }
    } else {
      if (in.status() != null) {
        errors.add(error(at + ".status", "chỉ dùng cho hoạt động; nhập number / use number"));
      }
      String problem = numberProblem(e.item().measureType, in.number());
      if (problem != null) {
        errors.add(error(at + ".number", problem));
      }
    }
    if (in.note() != null && in.note().length() > SubmissionDtos.NOTE_MAX) {
      errors.add(
          error(
              at + ".note",
              "tối đa "
                  + SubmissionDtos.NOTE_MAX
                  + " ký tự / at most "
                  + SubmissionDtos.NOTE_MAX
                  + " characters"));
    }
    List<String> links = in.evidence() == null ? List.of() : in.evidence();
    if (links.size() > SubmissionDtos.EVIDENCE_MAX) {
      errors.add(
          error(
              at + ".evidence",
              "tối đa " + SubmissionDtos.EVIDENCE_MAX + " liên kết / too many links"));
      return;
    }
    for (int j = 0; j < links.size(); j++) {
      if (!validLink(links.get(j))) {
        errors.add(
            error(
                at + ".evidence[" + j + "]",
                "cần liên kết http(s) tối đa "
                    + SubmissionDtos.LINK_MAX
                    + " ký tự / an http(s) link"));
      }
    }
  }

  /** What is wrong with a reported number, or null when nothing is. */
  static String numberProblem(MeasureType measure, BigDecimal n) {
    if (n == null) {
      return null;
    }
    if (n.signum() < 0) {
      return "không âm / must be ≥ 0";
    }
    if (measure == MeasureType.PERCENTAGE && n.compareTo(HUNDRED) > 0) {
      return "từ 0 đến 100 / between 0 and 100";
    }
    if (n.compareTo(MAX_NUMBER) >= 0) {
      return "quá lớn / too large";
    }
    if (n.stripTrailingZeros().scale() > 3) {
      return "tối đa 3 chữ số thập phân / at most 3 decimals";
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

  private static ProblemDetail.FieldError error(String field, String message) {
    return new ProblemDetail.FieldError(field, message);
  }
}
