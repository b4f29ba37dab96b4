package io.trawl.sandbox.yahoo;

import io.trawl.sandbox.LoopbackServer;
import io.trawl.sandbox.market.FaultsAdmin;
import io.trawl.sandbox.market.Instruments;
import io.trawl.sandbox.market.PriceModel;
import io.trawl.sandbox.market.RequestCounters;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Yahoo Finance chart endpoint over loopback HTTP: {@code GET
 * /v8/finance/chart/{symbol}?range=&interval=} for the {@link Instruments} catalogue, priced by
 * {@link PriceModel} so it agrees with the Bloomberg sandbox at the same clock.
 *
 * <p>Like the real one it answers 404 {@code Not Found} for unknown symbols, 422 for 1m bars over
 * more than 8 days, 429 {@code Too Many Requests} to bursts and to library-default User-Agents, and
 * now and then its "Will be right back" page; {@link YahooFaults} sets how often. {@code
 * /__admin/faults}, {@code /__admin/stats} and {@code /__admin/reset} do from another process what
 * {@link #faults(YahooFaults)}, the counters and {@link #reset()} do here.
 */
public final class FakeYahoo implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FakeYahoo.class);

  private final Clock clock;
  private final int requestedPort;
  private final FaultDice dice;
  private final RequestCounters counters = new RequestCounters();
  private LoopbackServer server;

  /** The everyday sandbox: system clock, {@link YahooFaults#defaults()} (10 % failures). */
  public FakeYahoo() {
    this(Clock.systemUTC(), YahooFaults.defaults(), 0);
  }

  public FakeYahoo(Clock clock, YahooFaults faults) {
    this(clock, faults, 0);
  }

  /**
   * @param clock "now" for prices, sessions and bars
   * @param faults the faults armed from the start
   * @param port the loopback port, 0 for a free one
   */
  public FakeYahoo(Clock clock, YahooFaults faults, int port) {
    if (clock == null || faults == null) {
      throw new IllegalArgumentException("clock and faults are required");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    this.clock = clock;
    this.requestedPort = port;
    this.dice = new FaultDice(faults);
  }

  /** Binds 127.0.0.1 and starts serving; returns this for chaining. */
  public synchronized FakeYahoo start() {
    if (server == null) {
      server =
          LoopbackServer.start(
              requestedPort,
              Map.of(
                  ChartHandler.PREFIX,
                  new ChartHandler(clock, dice, counters),
                  "/__admin/",
                  new FaultsAdmin<>(
                      YahooFaults.class,
                      YahooFaults.defaults(),
                      this::faults,
                      this::faults,
                      this::reset,
                      this::stats)));
      log.info("fake Yahoo listening url={}", server.baseUrl());
    }
    return this;
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash: the {@code YAHOO_BASE_URL}. */
  public synchronized String baseUrl() {
    if (server == null) {
      throw new IllegalStateException("FakeYahoo is not started; call start() first");
    }
    return server.baseUrl();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.close();
      log.info("fake Yahoo stopped");
      server = null;
    }
  }

  /** Replaces the armed faults; counts and the random sequence start again. */
  public void faults(YahooFaults faults) {
    dice.arm(faults);
  }

  public YahooFaults faults() {
    return dice.current();
  }

  /** Every chart request, whatever it was answered. */
  public long requests() {
    return counters.total();
  }

  /** Chart requests for {@code yahooSymbol} as it appeared in the path ({@code ^GSPC}). */
  public long requests(String yahooSymbol) {
    return counters.forSymbol(yahooSymbol);
  }

  /** Requests answered 200 with a chart. */
  public long chartsServed() {
    return counters.delivered();
  }

  /** Answers per HTTP status (200, 404, 422, 429, 503…). */
  public Map<Integer, Long> answers() {
    return counters.byStatus();
  }

  private Map<String, ?> stats() {
    return Map.of(
        "requests", counters.total(),
        "chartsServed", counters.delivered(),
        "bySymbol", counters.bySymbol(),
        "answers", counters.byStatus());
  }

  /** Zeroes the counters and re-arms the current faults. */
  public void reset() {
    counters.reset();
    dice.arm(dice.current());
  }
}
