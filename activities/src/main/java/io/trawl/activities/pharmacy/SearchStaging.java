package io.trawl.activities.pharmacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.trawl.activities.pharmacy.store.PharmacySearchRepository;
import io.trawl.activities.pharmacy.store.PharmacyStagingRepository;
import io.trawl.activities.store.Transactions;
import io.trawl.workflows.pharmacy.PharmacySearch;
import java.math.BigDecimal;
import javax.sql.DataSource;

/**
 * Puts one search's places into staging and marks the search staged, in one transaction: a retry
 * replaces the search's rows, so a search is never staged twice or half.
 */
final class SearchStaging {
  private final DataSource dataSource;
  private final PharmacyStagingRepository staging = new PharmacyStagingRepository();
  private final PharmacySearchRepository searches;

  SearchStaging(DataSource dataSource) {
    this.dataSource = dataSource;
    this.searches = new PharmacySearchRepository(dataSource);
  }

  /**
   * @param actorStatus the actor run's final status; null when the cache answered
   * @return the items staged
   */
  int stage(
      long runId,
      PharmacySearch search,
      Iterable<JsonNode> items,
      boolean fromCache,
      String actorStatus,
      BigDecimal cost) {
    return Transactions.inTransaction(
        dataSource,
        "stage places of " + search.describe(),
        tx -> {
          try (PharmacyStagingRepository.Writer writer = staging.replace(tx, runId, search)) {
            for (JsonNode item : items) {
              writer.add(item.toString());
            }
            searches.markStaged(tx, runId, search, writer.count(), fromCache, actorStatus, cost);
            return writer.count();
          }
        });
  }
}
