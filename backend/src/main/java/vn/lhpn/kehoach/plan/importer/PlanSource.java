package vn.lhpn.kehoach.plan.importer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What a plan file says: the document's data, its year columns, its rows and footnotes. */
public record PlanSource(
    String number,
    String title,
    String subtitle,
    String issuer,
    LocalDate issuedOn,
    Integer termStart,
    Integer termEnd,
    List<Integer> years,
    List<SourceRow> rows,
    Map<Integer, String> footnotes,
    List<ImportIssue> warnings) {}
