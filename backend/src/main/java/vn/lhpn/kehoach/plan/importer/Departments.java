package vn.lhpn.kehoach.plan.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import vn.lhpn.kehoach.common.Text;

/**
 * Reads the "Đơn vị thực hiện" cell: one or more departments, each spelled however the typist
 * spelled it ("Ban TG- CSLP", "Ban GDXXH-KT", "Ban XDTC Hội"...), mapped to the union's
 * departments. A name it does not know becomes a department of its own ("TT 20/10").
 */
public final class Departments {
  /** A department the union has, with the spelling the plan should use and how to recognise it. */
  public record Known(String code, String spelling, Predicate<String> matches) {}

  /**
   * One department named in a cell: its code, the text as printed, and whether it was a known one.
   */
  public record Match(String code, String printed, boolean known, boolean canonical) {}

  public static final List<Known> KNOWN =
      List.of(
          new Known("TG-CSLP", "Ban TG-CSLP", c -> c.contains("cslp") || c.contains("tuyengiao")),
          new Known(
              "GĐXH-KT",
              "Ban GĐXH-KT",
              c ->
                  (c.startsWith("bangd") || c.startsWith("gd") || c.contains("giadinh"))
                      && (c.contains("kt") || c.contains("kinhte"))),
          new Known("XDTCH", "Ban XDTCH", c -> c.contains("xdtc") || c.contains("xaydungtochuc")),
          new Known("VP", "Văn phòng", c -> c.contains("vanphong")));

  private Departments() {}

  public static List<Match> parse(String cell) {
    List<Match> out = new ArrayList<>();
    if (cell == null || cell.isBlank()) {
      return out;
    }
    for (String part : cell.split("[,;]")) {
      String printed = part.strip();
      if (printed.isEmpty()) {
        continue;
      }
      String compact = Text.fold(printed).replaceAll("[^a-z0-9]", "");
      Known known = KNOWN.stream().filter(k -> k.matches().test(compact)).findFirst().orElse(null);
      if (known != null) {
        if (out.stream().noneMatch(m -> m.code().equals(known.code()))) {
          out.add(new Match(known.code(), printed, true, printed.equals(known.spelling())));
        }
      } else {
        String code = printed.replaceFirst("(?i)^ban\\s+", "").strip();
        code = code.length() > 16 ? code.substring(0, 16).strip() : code;
        out.add(new Match(code.toUpperCase(Locale.ROOT), printed, false, false));
      }
    }
    return out;
  }
}
