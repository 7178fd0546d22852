package vn.lhpn.kehoach.plan.importer;

import java.util.List;
import vn.lhpn.kehoach.common.ApiException;
import vn.lhpn.kehoach.common.Message;
import vn.lhpn.kehoach.common.ProblemDetail;
import vn.lhpn.kehoach.common.ProblemType;

/** A file that cannot be imported as a plan; it says why, line by line where it can. */
public class PlanFileException extends ApiException {
  private PlanFileException(Message message, List<ProblemDetail.FieldError> errors) {
    super(ProblemType.INVALID_FILE, message, errors);
  }

  /** The file as a whole (problems_*.properties, "plan-file.*"). */
  public static PlanFileException of(Message message) {
    return new PlanFileException(message, List.of(new ProblemDetail.FieldError("file", message)));
  }

  /** Rows of the file: the first 50, each with its line. */
  public static PlanFileException lines(Message message, List<ImportIssue> problems) {
    return new PlanFileException(
        message,
        problems.stream()
            .limit(50)
            .map(
                p ->
                    new ProblemDetail.FieldError(
                        p.line() == null ? "file" : "file:" + p.line(), p.said()))
            .toList());
  }
}
