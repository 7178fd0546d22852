package vn.lhpn.kehoach.plan;

import java.util.Locale;

/** How a leaf is measured: a count with a unit word, a percentage, or an activity done or not. */
public enum MeasureType {
  COUNT,
  PERCENTAGE,
  ACTIVITY;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MeasureType fromCode(String code) {
    return valueOf(code.trim().toUpperCase(Locale.ROOT));
  }
}
