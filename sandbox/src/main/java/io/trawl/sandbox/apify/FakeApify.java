package io.trawl.sandbox.apify;

import io.trawl.sandbox.CommonFaultState;
import io.trawl.sandbox.LoopbackServer;
import io.trawl.sandbox.maps.MapsUniverse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Apify API v2 over loopback HTTP running the Google Maps actor on a {@link MapsUniverse},
 * with fault injection (PROVIDERS.md §2, §8).
 *
 * <p>Serves {@code POST /v2/acts/{actor}/runs}, {@code GET /v2/actor-runs/{id}?waitForFinish=},
 * {@code POST /v2/actor-runs/{id}/abort} and {@code GET /v2/datasets/{id}/items}. A run is READY in
 * the start answer, RUNNING for {@link ApifyFaults#runSeconds()} simulated seconds while its
 * dataset fills, then ends as {@link ApifyFaults#outcome()}; {@code waitForFinish} long-polls up to
 * 60 simulated seconds. Cost is $0.007 per run plus $0.004 per place, as the actor bills.
 */
public final class FakeApify implements AutoCloseable {
  /** The Google Maps scraper actor, the one actor this fake knows by default. */
  public static final String GOOGLE_MAPS_ACTOR = "compass~crawler-google-places";

  public static final String START = "start";
  public static final String RUN = "run";
  public static final String ABORT = "abort";
  public static final String ITEMS = "items";

  /** Endpoint names for {@link #requests()} and {@code CommonFaults.endpoint}. */
  public static final List<String> ENDPOINTS = List.of(START, RUN, ABORT, ITEMS);

  private static final Logger log = LoggerFactory.getLogger(FakeApify.class);

  private final String token;
  private final Set<String> actors;
  private final MapsUniverse universe;
  private final CommonFaultState common;
  private final AtomicInteger rateLimited = new AtomicInteger();
  private final ApifyCounters counters = new ApifyCounters();
  private volatile ApifyFaults faults;
  private ApifyHandler handler;
  private LoopbackServer server;

  /** No token required, the natural universe, no faults. */
  public FakeApify() {
    this(null, new MapsUniverse(), ApifyFaults.none());
  }

  /**
   * @param token when set, every request must carry it (Bearer or {@code ?token=}), else 401
   * @param universe the places searches return; share it with {@code FakePlaces}
   * @param faults run timing and faults armed from the start
   */
  public FakeApify(String token, MapsUniverse universe, ApifyFaults faults) {
    if (universe == null || faults == null) {
      throw new IllegalArgumentException("universe and faults are required");
    }
    this.token = token;
    this.actors = Set.of(GOOGLE_MAPS_ACTOR);
    this.universe = universe;
    this.common = new CommonFaultState(faults.common());
    faults(faults);
  }

  /** Binds a free loopback port and starts serving; returns this for chaining. */
  public synchronized FakeApify start() {
    if (server == null) {
      handler =
          new ApifyHandler(
              token, actors, () -> faults, common, rateLimited, counters, new RunFactory(universe));
      server = LoopbackServer.start(0, Map.of("/v2/", handler));
      log.info("fake Apify listening url={}", baseUrl());
    }
    return this;
  }

  /** {@code http://127.0.0.1:<port>/v2}: what {@code APIFY_BASE_URL} is set to. */
  public synchronized String baseUrl() {
    if (server == null) {
      throw new IllegalStateException("FakeApify is not started; call start() first");
    }
    return server.baseUrl() + "/v2";
  }

  public MapsUniverse universe() {
    return universe;
  }

  /** Replaces the armed faults; count faults start counting again. New runs use the new timing. */
  public synchronized void faults(ApifyFaults newFaults) {
    this.faults = newFaults;
    common.arm(newFaults.common());
    rateLimited.set(newFaults.rateLimited());
  }

  public ApifyFaults faults() {
    return faults;
  }

  /** Actor runs accepted: each one is an actor start Apify bills. */
  public long runsStarted() {
    return counters.runsStarted();
  }

  public long runsAborted() {
    return counters.runsAborted();
  }

  /** Places charged over all runs so far ($0.004 each), empty dataset items excluded. */
  public synchronized long placesBilled() {
    return handler == null ? 0 : handler.placesBilled();
  }

  /** Requests per endpoint ({@link #ENDPOINTS}), whatever they answered. */
  public Map<String, Long> requests() {
    return counters.requests();
  }

  public long requests(String endpoint) {
    return counters.requests().getOrDefault(endpoint, 0L);
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
