package vn.lhpn.kehoach.plan;

import java.util.Set;
import java.util.TreeSet;
import vn.lhpn.kehoach.common.Text;

/**
 * Reads the "Cấp thực hiện" cell into the org unit levels that carry an item out: "Các cấp Hội" is
 * every level (1 province, 2 district, 3 commune), "Hội LHPN huyện/TP/TX" level 2, "Cấp tỉnh/huyện"
 * levels 1 and 2. An empty set means the cell did not say.
 */
public final class Levels {
  private Levels() {}

  public static Set<Integer> parse(String cell) {
    Set<Integer> levels = new TreeSet<>();
    String f = Text.fold(cell);
    if (f.isEmpty()) {
      return levels;
    }
    if (f.contains("cac cap") || f.contains("cac don vi")) {
      return new TreeSet<>(Set.of(1, 2, 3));
    }
    if (f.contains("tinh")) {
      levels.add(1);
    }
    if (f.contains("huyen")
        || f.contains("/tp")
        || f.contains("thanh pho")
        || f.contains("thi xa")) {
      levels.add(2);
    }
    if (f.contains("cap xa")
        || f.contains("co so")
        || f.contains("phuong")
        || f.matches(".*\\bxa\\b.*") && !f.contains("thi xa")) {
      levels.add(3);
    }
    return levels;
  }

  public static String format(Set<Integer> levels) {
    return String.join(",", levels.stream().map(String::valueOf).toList());
  }

  public static Set<Integer> fromColumn(String value) {
    Set<Integer> levels = new TreeSet<>();
    if (value != null && !value.isBlank()) {
      for (String p : value.split(",")) {
        levels.add(Integer.parseInt(p.strip()));
      }
    }
    return levels;
  }
}
