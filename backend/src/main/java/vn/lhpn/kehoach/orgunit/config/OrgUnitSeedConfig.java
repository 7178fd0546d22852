package vn.lhpn.kehoach.orgunit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalDate;

/** Which units to load into an empty database at first start. */
@ConfigMapping(prefix = "kehoach.seed.org-units")
public interface OrgUnitSeedConfig {
  /** Load the units when the org unit table is empty. */
  @WithDefault("true")
  boolean enabled();

  /** Classpath resource, CSV with the columns {@code code,name,type,parent_code,level}. */
  @WithDefault("seed/org-units/thai-nguyen-units-2022.csv")
  String resource();

  /** The day from which the units in the file are valid. */
  @WithDefault("2022-04-10")
  LocalDate validFrom();
}
