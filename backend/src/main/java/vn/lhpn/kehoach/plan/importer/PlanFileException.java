package vn.lhpn.kehoach.plan.importer;

import java.util.List;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.ProblemType;

/** A file that cannot be imported as a plan; it says why, line by line where it can. */
public class PlanFileException extends ApiException {
  private PlanFileException(String detail, List<ProblemDetail.FieldError> errors) {
    super(ProblemType.INVALID_FILE, detail, errors);
  }

  public static PlanFileException of(String detail) {
    return new PlanFileException(detail, List.of(new ProblemDetail.FieldError("file", detail)));
  }

  public static PlanFileException lines(String detail, List<ImportIssue> problems) {
    return new PlanFileException(
        detail + ": " + problems.size() + " lỗi / errors",
        problems.stream()
            .limit(50)
            .map(
                p ->
                    new ProblemDetail.FieldError(
                        p.line() == null ? "file" : "file:" + p.line(), p.message()))
            .toList());
  }
}
