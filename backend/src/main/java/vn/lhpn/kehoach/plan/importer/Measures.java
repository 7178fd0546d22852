package vn.lhpn.kehoach.plan.importer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lhpn.kehoach.common.Text;
import vn.lhpn.kehoach.plan.MeasureType;
import vn.lhpn.kehoach.plan.YearLevel;

/**
 * Guesses how a leaf is measured from its yearly levels and title: a percentage where a level is a
 * percentage, a count where a level is a number (with the unit word the title puts after a number:
 * "500 hộ", "01 mô hình", "02 dự thảo văn bản"), an activity where the levels are "x".
 */
public final class Measures {
  /** A guess: the type, and the unit word for counts (null where the title does not say). */
  public record Guess(MeasureType type, String unit) {}

  private record Unit(String folded, String word) {}

  // Longest first, so "hộ gia đình" wins over "hộ" and "dự thảo văn bản" over "văn bản".
  private static final List<Unit> UNITS =
      List.of(
          new Unit("du thao van ban", "văn bản"),
          new Unit("ho gia dinh", "hộ"),
          new Unit("hop tac xa", "hợp tác xã"),
          new Unit("chi hoi truong", "người"),
          new Unit("nu chu doanh nghiep", "người"),
          new Unit("chuong trinh", "chương trình"),
          new Unit("chinh sach", "chính sách"),
          new Unit("cong trinh", "công trình"),
          new Unit("hoat dong", "hoạt động"),
          new Unit("phu nu", "người"),
          new Unit("chu tich", "người"),
          new Unit("hoi vien", "hội viên"),
          new Unit("mo hinh", "mô hình"),
          new Unit("van ban", "văn bản"),
          new Unit("tin/bai", "tin bài"),
          new Unit("tin bai", "tin bài"),
          new Unit("can bo", "cán bộ"),
          new Unit("hoi thao", "hội thảo"),
          new Unit("hoi nghi", "hội nghị"),
          new Unit("diem", "điểm"),
          new Unit("lop", "lớp"),
          new Unit("ho", "hộ"));

  private static final Pattern NUMBER_THEN_WORDS =
      Pattern.compile("\\d[\\d.,]*%?\\s+([^\\d;:()]+)");

  private Measures() {}

  public static Guess guess(Collection<YearLevel> levels, String title) {
    if (levels.stream().anyMatch(l -> l.kind() == YearLevel.Kind.PERCENT)) {
      return new Guess(MeasureType.PERCENTAGE, "%");
    }
    if (levels.stream().anyMatch(l -> l.kind() == YearLevel.Kind.NUMBER)) {
      return new Guess(MeasureType.COUNT, unitWord(title).orElse(null));
    }
    return new Guess(MeasureType.ACTIVITY, null);
  }

  /** The unit word that follows a number in the title, if the title has one. */
  public static Optional<String> unitWord(String title) {
    Matcher m = NUMBER_THEN_WORDS.matcher(title == null ? "" : title);
    while (m.find()) {
      String after = Text.fold(m.group(1));
      for (Unit unit : UNITS) {
        if (after.startsWith(unit.folded())
            && (after.length() == unit.folded().length()
                || " /,.".indexOf(after.charAt(unit.folded().length())) >= 0)) {
          return Optional.of(unit.word());
        }
      }
    }
    return Optional.empty();
  }
}
