package vn.lhpn.kehoach.orgunit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;
import java.util.List;

/** Which units to load into an empty database at first start. */
@ConfigMapping(prefix = "kehoach.seed.org-units")
public interface OrgUnitSeedConfig {
  /** Load the units when the org unit table is empty. */
  @WithDefault("true")
  boolean enabled();

  /**
   * Classpath resources, CSV with the columns {@code code,name,type,parent_code,level}, parents
   * before children: the administrative units, then the affiliated units.
   */
  @WithDefault("seed/org-units/thai-nguyen-units-2022.csv,seed/org-units/affiliated-units.csv")
  List<String> resources();

  /** The day from which the units in those files are valid. */
  @WithDefault("2022-04-10")
  LocalDate validFrom();

  /**
   * Changes to apply after loading, CSV with the columns {@code
   * effective_date,old_code,old_name,new_code,new_name,change,confirmed}.
   */
  @WithDefault("seed/org-units/thai-nguyen-unit-changes.csv")
  String changes();

  /**
   * The list of units of the new state for a date whose changes the lineage cannot place alone
   * ({@code date=resource}; the 2025 reform dissolves every district, so its communes' parent comes
   * from the list). A date without an entry is applied from its lineage rows only.
   */
  @WithDefault("2025-07-01=seed/org-units/thai-nguyen-units-2025.csv")
  List<String> states();

  /**
   * Apply the changes effective up to this day (inclusive): by default every change in the file, up
   * to the merged province of 01/07/2025, the map of today. The tests and the browser tests start
   * on the map of 10/04/2023 (the one their stories are written on) and apply the later changes
   * themselves where they test them.
   */
  @WithDefault("2025-07-01")
  LocalDate changesUntil();
}
