package vn.lhpn.kehoach.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root, where infra/ and openapi.yaml live. */
public final class ProjectRoot {
  private ProjectRoot() {}

  public static Path get() {
    String configured = System.getProperty("kehoach.root");
    if (configured != null && Files.exists(Path.of(configured, "infra/lib/services.sh"))) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("infra/lib/services.sh"))) {
        return dir;
      }
    }
    throw new IllegalStateException("cannot find the project root (infra/lib/services.sh)");
  }
}
