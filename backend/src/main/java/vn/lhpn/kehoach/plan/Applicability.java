package vn.lhpn.kehoach.plan;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import vn.lhpn.kehoach.common.Text;

/**
 * Proposes which level reports an item from its wording, where the "Cấp thực hiện" column says "Các
 * cấp Hội" but the item itself names one level: "Hàng năm, cấp tỉnh đăng tải ít nhất 12 tin bài…"
 * is the province's, "Mỗi đơn vị cấp huyện tổ chức…" and "mỗi huyện/thành/thị vận động…" are the
 * districts'. An item that names several levels, or none, is left to the column. The province
 * planner confirms or corrects every proposal.
 */
public final class Applicability {
  private static final Pattern SEVERAL =
      Pattern.compile("cac cap|tinh, huyen|tinh/huyen|tinh va huyen|huyen va co so|huyen, co so");
  private static final Pattern PROVINCE =
      Pattern.compile("\\bcap tinh\\b|hoi lhpn (cap )?tinh\\b|hoi lien hiep phu nu tinh\\b");
  private static final Pattern DISTRICT =
      Pattern.compile(
          "(don vi )?cap huyen\\b|hoi lhpn (cap )?huyen\\b|huyen/thanh|huyen, thanh pho, thi xa"
              + "|moi huyen\\b");

  private Applicability() {}

  /** Words at the head of an item that say who does it ("Hàng năm, cấp tỉnh đăng tải…"). */
  private static final int HEAD_WORDS = 12;

  /**
   * The levels the wording names at its head, where the doer stands (1 province, 2 district); empty
   * when it names none or several. Levels named further on are objects ("…hoạt động của các cấp
   * Hội"), not doers.
   */
  public static Set<Integer> propose(String title) {
    String[] words = Text.fold(title == null ? "" : title).toLowerCase(Locale.ROOT).split(" ");
    String text =
        String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length, HEAD_WORDS)));
    if (SEVERAL.matcher(text).find()) {
      return Set.of();
    }
    boolean province = PROVINCE.matcher(text).find();
    boolean district = DISTRICT.matcher(text).find();
    if (province == district) {
      return Set.of();
    }
    return province ? Set.of(1) : Set.of(2);
  }
}
