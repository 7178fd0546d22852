package vn.lhpn.kehoach.security;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The hierarchy as authorization needs it, by code and across all time. Security owns the question;
 * the org unit feature answers it, so security never depends on a feature.
 */
public interface UnitHierarchy {
  /** The code itself and every code that was ever below it. */
  Set<String> subtreeCodes(String code);

  /** The codes above a code, parent first, without the code itself. */
  Set<String> ancestorCodes(String code);

  /** Whether a code names a unit at the top (a province). */
  boolean isRoot(String code);

  /**
   * The unit a code names on a day, as (code, parent code); empty when the code never named a unit.
   */
  Optional<UnitRef> unitOn(String code, LocalDate day);

  /** A unit and the unit above it on some day; {@code parentCode} is null at the top. */
  record UnitRef(String code, String parentCode) {}
}
