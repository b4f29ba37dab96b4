package io.trawl.sandbox.unlocker;

import io.trawl.sandbox.LoopbackServer;
import io.trawl.sandbox.market.FaultsAdmin;
import io.trawl.sandbox.market.Instruments;
import io.trawl.sandbox.market.PriceModel;
import io.trawl.sandbox.market.RequestCounters;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Bright Data Web Unlocker over loopback HTTP: {@code POST /request} with {@code
 * {"zone","url","format":"raw"}} answers the Bloomberg quote page of the {@link Instruments}
 * catalogue, priced by {@link PriceModel} so it agrees with the Yahoo sandbox at the same clock.
 *
 * <p>Like the real service it checks the bearer token (401), the body (400) and the zone ({@code
 * zone "<name>" not found}, {@code x-brd-err-code: client_10000}); {@link UnlockerFaults} adds
 * robot pages, 429 {@code client_10110}, 502 {@code client_10100}, gateway HTML and slow bodies.
 * Only delivered quote pages are billed ({@link #billedRequests()}). {@code POST
 * /request?async=true} answers 202 with an {@code x-response-id} once the account's checks pass;
 * {@code GET /unblocker/get_result?response_id=…} answers 202 until the latency has passed, then
 * the target's answer, the same on every read; billed once, when unlocked. {@code /__admin/faults},
 * {@code /__admin/stats} and {@code /__admin/reset} do the same from another process.
 */
public final class FakeUnlocker implements AutoCloseable {
  /** The zone the sandbox knows unless told otherwise. */
  public static final String ZONE = "web_unlocker1";

  private static final Logger log = LoggerFactory.getLogger(FakeUnlocker.class);

  private final Clock clock;
  private RequestHandler requests;
  private final int requestedPort;
  private final Set<String> zones;
  private Optional<String> requiredToken = Optional.empty();
  private final FaultCounts faults;
  private final RequestCounters counters = new RequestCounters();
  private LoopbackServer server;

  /** The everyday sandbox: system clock, no faults, zone {@value #ZONE}. */
  public FakeUnlocker() {
    this(Clock.systemUTC(), UnlockerFaults.none());
  }

  public FakeUnlocker(Clock clock, UnlockerFaults faults) {
    this(clock, faults, Set.of(ZONE), 0);
  }

  /**
   * @param clock "now" for prices and the quote's {@code lastUpdate}
   * @param faults the faults armed from the start
   * @param zones the zone names the account has
   * @param port the loopback port, 0 for a free one
   */
  public FakeUnlocker(Clock clock, UnlockerFaults faults, Set<String> zones, int port) {
    if (clock == null || faults == null || zones == null || zones.isEmpty()) {
      throw new IllegalArgumentException("clock, faults and at least one zone are required");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    this.clock = clock;
    this.faults = new FaultCounts(faults);
    this.zones = Set.copyOf(zones);
    this.requestedPort = port;
  }

  /**
   * Makes the account accept only this API token, as the real service does; call before {@link
   * #start()}. Without it any bearer token is accepted.
   */
  public synchronized FakeUnlocker requiringToken(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    if (server != null) {
      throw new IllegalStateException("requiringToken must be called before start()");
    }
    requiredToken = Optional.of(token);
    return this;
  }

  /** Binds 127.0.0.1 and starts serving; returns this for chaining. */
  public synchronized FakeUnlocker start() {
    if (server == null) {
      // One handler for both paths: get_result reads what ?async=true requests left.
      requests = new RequestHandler(clock, faults, counters, zones, requiredToken);
      server =
          LoopbackServer.start(
              requestedPort,
              Map.of(
                  "/request",
                  requests,
                  "/unblocker/",
                  requests,
                  "/__admin/",
                  new FaultsAdmin<>(
                      UnlockerFaults.class,
                      UnlockerFaults.none(),
                      this::faults,
                      this::faults,
                      this::reset,
                      this::stats)));
      log.info("fake Bright Data Unlocker listening url={}", server.baseUrl());
    }
    return this;
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash: the {@code BRIGHTDATA_BASE_URL}. */
  public synchronized String baseUrl() {
    if (server == null) {
      throw new IllegalStateException("FakeUnlocker is not started; call start() first");
    }
    return server.baseUrl();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      requests.close();
      server.close();
      log.info("fake Bright Data Unlocker stopped");
      server = null;
    }
  }

  /** Replaces the armed faults; count-based faults start counting again. */
  public void faults(UnlockerFaults newFaults) {
    faults.arm(newFaults);
  }

  public UnlockerFaults faults() {
    return faults.current();
  }

  /** Every request to {@code /request}, whatever it was answered. */
  public long requests() {
    return counters.total();
  }

  /** Requests for the quote page of {@code bloombergId} ({@code AAPL:US}), as the URL named it. */
  public long requests(String bloombergId) {
    return counters.forSymbol(bloombergId);
  }

  /** Requests per symbol, as the URLs named them. */
  public Map<String, Long> requestsBySymbol() {
    return counters.bySymbol();
  }

  /** Quote pages delivered with 200: what Bright Data would bill. */
  public long billedRequests() {
    return counters.delivered();
  }

  /** Answers per HTTP status. */
  public Map<Integer, Long> answers() {
    return counters.byStatus();
  }

  private Map<String, ?> stats() {
    return Map.of(
        "requests", counters.total(),
        "billedRequests", counters.delivered(),
        "bySymbol", counters.bySymbol(),
        "answers", counters.byStatus());
  }

  /** Zeroes the counters and re-arms the current faults. */
  public void reset() {
    counters.reset();
    faults.arm(faults.current());
  }
}
