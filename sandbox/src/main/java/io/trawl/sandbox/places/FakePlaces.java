package io.trawl.sandbox.places;

import io.trawl.sandbox.CommonFaultState;
import io.trawl.sandbox.LoopbackServer;
import io.trawl.sandbox.maps.MapsUniverse;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Google Places API (New) Text Search over loopback HTTP, finding places of the same {@link
 * MapsUniverse} {@code FakeApify} collects from, with fault injection (PROVIDERS.md §3, §8).
 *
 * <p>Serves {@code POST /v1/places:searchText}: the field mask is required, the body is trimmed to
 * it, zero results are {@code {}}, a {@code nextPageToken} comes only when masked and for at most
 * three pages, and every 200 is counted under the SKU its mask bills. A text query that is a
 * place's address finds that place; its name finds every place of that name.
 */
public final class FakePlaces implements AutoCloseable {
  /** The endpoint name for {@code CommonFaults.endpoint}. */
  public static final String SEARCH_TEXT = "searchText";

  private static final Logger log = LoggerFactory.getLogger(FakePlaces.class);

  private final String apiKey;
  private final MapsUniverse universe;
  private final CommonFaultState common;
  private final PlacesCounters counters = new PlacesCounters();
  private volatile PlacesFaults faults;
  private LoopbackServer server;

  /** No key required, its own universe, no faults. */
  public FakePlaces() {
    this(null, new MapsUniverse(), PlacesFaults.none());
  }

  /**
   * @param apiKey when set, requests must carry it in {@code X-Goog-Api-Key} (or {@code ?key=})
   * @param universe the places to find; pass {@code FakeApify}'s so both agree
   */
  public FakePlaces(String apiKey, MapsUniverse universe, PlacesFaults faults) {
    if (universe == null || faults == null) {
      throw new IllegalArgumentException("universe and faults are required");
    }
    this.apiKey = apiKey;
    this.universe = universe;
    this.common = new CommonFaultState(faults.common());
    faults(faults);
  }

  public synchronized FakePlaces start() {
    if (server == null) {
      PlacesHandler handler = new PlacesHandler(apiKey, universe, () -> faults, common, counters);
      server = LoopbackServer.start(0, Map.of("/v1/", handler));
      log.info("fake Places listening url={}", baseUrl());
    }
    return this;
  }

  /** {@code http://127.0.0.1:<port>/v1}: what {@code GOOGLE_PLACES_BASE_URL} is set to. */
  public synchronized String baseUrl() {
    if (server == null) {
      throw new IllegalStateException("FakePlaces is not started; call start() first");
    }
    return server.baseUrl() + "/v1";
  }

  /** Replaces the armed faults; count faults start counting again. */
  public synchronized void faults(PlacesFaults newFaults) {
    this.faults = newFaults;
    common.arm(newFaults.common());
    counters.armResourceExhausted(newFaults.resourceExhausted());
  }

  /** Every request that reached the endpoint, whatever it answered. */
  public long requests() {
    return counters.requests();
  }

  /** Requests answered 200 and billed at {@code tier}. */
  public long billed(SkuTier tier) {
    return counters.billed(tier);
  }

  /** The most requests that arrived within any one second so far. */
  public int maxRequestsInAnySecond() {
    return counters.maxRequestsInAnySecond();
  }

  /** Zeroes the counters (the rate window included); faults stay armed. */
  public void resetCounters() {
    counters.reset();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
