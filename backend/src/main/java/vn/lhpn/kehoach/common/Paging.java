package vn.lhpn.kehoach.common;

/** Validated paging parameters of list endpoints. */
public record Paging(int page, int size) {
  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  /** The last page anyone may ask for: 10 000 pages of 200 are far beyond any list here. */
  public static final int MAX_PAGE = 10_000;

  public static Paging of(Integer page, Integer size) {
    int p = page == null ? 0 : page;
    int s = size == null ? DEFAULT_SIZE : size;
    if (p < 0 || p > MAX_PAGE) {
      throw ApiException.invalid("page", Message.of("number.between", "min", 0, "max", MAX_PAGE));
    }
    if (s < 1 || s > MAX_SIZE) {
      throw ApiException.invalid("size", Message.of("number.between", "min", 1, "max", MAX_SIZE));
    }
    return new Paging(p, s);
  }

  public int offset() {
    return page * size;
  }
}
