package io.trawl.activities.pharmacy;

import java.math.BigDecimal;

/**
 * What the pipeline's paid calls cost: an actor run is its start event plus one event per place it
 * may scrape (reserved for the search's maximum, settled with what Apify reports); a Places lookup
 * is one request at the SKU its field mask hits.
 */
public record PharmacyCosts(
    BigDecimal actorStartUsd, BigDecimal perPlaceUsd, BigDecimal placesRequestUsd) {
  public BigDecimal actorRunReservation(int maxPlaces) {
    return actorStartUsd.add(perPlaceUsd.multiply(BigDecimal.valueOf(maxPlaces)));
  }

  /** The cost of a run that scraped {@code places}, when Apify does not report its usage. */
  public BigDecimal actorRunCost(long places) {
    return actorStartUsd.add(perPlaceUsd.multiply(BigDecimal.valueOf(places)));
  }
}
