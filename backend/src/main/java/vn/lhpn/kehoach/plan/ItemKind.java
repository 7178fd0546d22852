package vn.lhpn.kehoach.plan;

import java.util.Locale;

/**
 * The kinds of row in a plan: sections (I, II), groups (Chỉ tiêu, Nhiệm vụ), leaves, breakdowns.
 */
public enum ItemKind {
  SECTION,
  GROUP,
  LEAF,
  BREAKDOWN;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ItemKind fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
