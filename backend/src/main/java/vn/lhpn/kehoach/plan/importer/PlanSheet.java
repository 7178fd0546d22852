package vn.lhpn.kehoach.plan.importer;

import java.util.List;

/** The layout of a plan's .xlsx: sheet names and column headings, shared by writer and reader. */
final class PlanSheet {
  static final String ITEMS = "Kế hoạch";
  static final String FOOTNOTES = "Chú thích";
  static final String INFO = "Thông tin";

  static final String CODE = "TT";
  static final String TITLE = "Mục tiêu/Chỉ tiêu Nghị quyết Đại hội/ hoạt động chính/chỉ tiêu";
  static final String YEARS = "Mức độ chỉ tiêu hoặc hoạt động từng năm";
  static final String LEVEL = "Cấp thực hiện";
  static final String LEAD = "Đơn vị thực hiện";
  static final String COORDINATORS = "Cơ quan/Đơn vị phối hợp";
  static final String FUNDING = "Nguồn kinh phí";
  static final String NOTES = "Chú thích";
  static final String KIND = "Loại (section/group/leaf/breakdown)";
  static final String MEASURE = "Đo lường (count/percentage/activity)";
  static final String UNIT = "Đơn vị tính";
  static final String CONFIRMED = "Đo lường đã xác nhận";
  static final String KEY = "Khóa";

  static final List<String> AFTER_YEARS =
      List.of(LEVEL, LEAD, COORDINATORS, FUNDING, NOTES, KIND, MEASURE, UNIT, CONFIRMED, KEY);

  static final String INFO_NUMBER = "Số";
  static final String INFO_TITLE = "Tên văn bản";
  static final String INFO_SUBTITLE = "Trích yếu";
  static final String INFO_ISSUER = "Cơ quan ban hành";
  static final String INFO_DATE = "Ngày ban hành (YYYY-MM-DD)";
  static final String INFO_TERM_START = "Nhiệm kỳ từ năm";
  static final String INFO_TERM_END = "Nhiệm kỳ đến năm";

  private PlanSheet() {}
}
