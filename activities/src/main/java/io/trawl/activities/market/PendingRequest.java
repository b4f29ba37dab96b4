package io.trawl.activities.market;

import java.util.Optional;

/**
 * Where a paid provider request's id is kept while its answer is prepared, so that a retry after a
 * crash reads the same request instead of paying for another.
 */
public interface PendingRequest {
  /** Keeps nothing: every call submits anew. */
  PendingRequest NONE =
      new PendingRequest() {
        @Override
        public Optional<String> responseId() {
          return Optional.empty();
        }

        @Override
        public void submitted(String responseId) {}
      };

  /** The id an earlier attempt submitted, if it got that far. */
  Optional<String> responseId();

  /** The request is starting to leave: from now on the provider may bill it. */
  default void sending() {}

  /** Records the id of a request just submitted, before its answer is awaited. */
  void submitted(String responseId);
}
