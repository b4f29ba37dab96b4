package io.trawl.activities.providers.apify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One page of a dataset's items and its pagination headers. With {@code clean=true} a page can hold
 * fewer items than {@code limit} while more follow, so callers advance by {@link #nextOffset()} and
 * stop at {@link #total()}, never at a short page.
 *
 * @param offset {@code X-Apify-Pagination-Offset}
 * @param limit the limit asked for
 * @param total {@code X-Apify-Pagination-Total}: items in the dataset, empty ones included
 */
public record ApifyItemsPage(List<JsonNode> items, long offset, long limit, long total) {
  public ApifyItemsPage {
    items = List.copyOf(items);
  }

  public long nextOffset() {
    return offset + limit;
  }

  public boolean hasMore() {
    return nextOffset() < total;
  }
}
