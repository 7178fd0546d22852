package vn.lhpn.kehoach.submission;

/**
 * A report took a workflow step (submitted, approved, returned, reopened): fired in the same
 * transaction, so whatever is derived from reports (progress) is in step when it commits. Reports
 * know nothing of who listens.
 */
public record SubmissionChanged(long planId, String unitCode, int year) {}
