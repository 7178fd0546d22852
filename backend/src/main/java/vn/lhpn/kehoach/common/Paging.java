package vn.lhpn.kehoach.common;

/** Validated paging parameters of list endpoints. */
public record Paging(int page, int size) {
  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 200;

  public static Paging of(Integer page, Integer size) {
    int p = page == null ? 0 : page;
    int s = size == null ? DEFAULT_SIZE : size;
    if (p < 0) {
      throw ApiException.invalid("page", "phải ≥ 0 / must be ≥ 0");
    }
    if (s < 1 || s > MAX_SIZE) {
      throw ApiException.invalid("size", "từ 1 đến " + MAX_SIZE + " / between 1 and " + MAX_SIZE);
    }
    return new Paging(p, s);
  }

  public int offset() {
    return page * size;
  }
}
