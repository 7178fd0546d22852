package vn.lhpn.kehoach.common;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list. Pages are 0-based; the size is bounded by {@link Paging#MAX_SIZE}. */
public record PageResult<T>(
    @Schema(description = "The items of this page") List<T> items,
    @Schema(description = "0-based page number") int page,
    @Schema(description = "Requested page size") int size,
    @Schema(description = "Number of items over all pages") long totalItems) {

  public <R> PageResult<R> map(Function<T, R> mapper) {
    return new PageResult<>(items.stream().map(mapper).toList(), page, size, totalItems);
  }
}
