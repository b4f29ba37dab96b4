package io.trawl.sandbox.yahoo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.trawl.sandbox.Exchanges;
import io.trawl.sandbox.market.Instrument;
import io.trawl.sandbox.market.Instruments;
import io.trawl.sandbox.market.Replies;
import io.trawl.sandbox.market.RequestCounters;
import io.trawl.sandbox.yahoo.ChartSeries.Series;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code GET /v8/finance/chart/{symbol}}: bot and burst defences first, then armed and
 * random faults, then the chart or Yahoo's error body.
 */
final class ChartHandler implements HttpHandler {
  static final String PREFIX = "/v8/finance/chart/";
  private static final Logger log = LoggerFactory.getLogger(ChartHandler.class);
  private static final List<String> LIBRARY_AGENTS =
      List.of(
          "okhttp",
          "java",
          "python",
          "go-http-client",
          "apache-httpclient",
          "curl",
          "wget",
          "libwww",
          "node-fetch",
          "axios");

  private final Clock clock;
  private final FaultDice dice;
  private final RequestCounters counters;

  ChartHandler(Clock clock, FaultDice dice, RequestCounters counters) {
    this.clock = clock;
    this.dice = dice;
    this.counters = counters;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String symbol =
          Exchanges.decode(exchange.getRequestURI().getRawPath().substring(PREFIX.length()));
      counters.request(symbol);
      try {
        answer(exchange, symbol);
      } catch (RuntimeException e) {
        log.error("fake Yahoo failed to answer path={}", exchange.getRequestURI(), e);
        if (exchange.getResponseCode() == -1) {
          Replies.text(exchange, 500, "fake Yahoo bug: " + e);
        }
      }
      counters.answered(exchange.getResponseCode());
      log.debug("chart symbol={} status={}", symbol, exchange.getResponseCode());
    } catch (Replies.BodyCut e) {
      throw e;
    } catch (IOException e) {
      log.debug("client went away path={}: {}", exchange.getRequestURI().getPath(), e.toString());
    }
  }

  private void answer(HttpExchange exchange, String symbol) throws IOException {
    YahooFaults faults = dice.current();
    Replies.sleep(faults.latencyMillis());
    if (!"GET".equals(exchange.getRequestMethod())) {
      Replies.text(exchange, 405, "Method Not Allowed");
      return;
    }
    if (faults.refuseLibraryAgents() && isLibraryAgent(exchange)) {
      Replies.text(exchange, 429, "Too Many Requests");
      return;
    }
    if (dice.overBurst(System.nanoTime())) {
      Replies.text(exchange, 429, "Too Many Requests");
      return;
    }
    switch (dice.draw()) {
      case RATE_LIMITED -> {
        Replies.text(exchange, 429, "Too Many Requests");
        return;
      }
      case OUTAGE -> {
        Replies.html(exchange, faults.outageStatus(), OutagePage.HTML);
        return;
      }
      case UNPROCESSABLE -> {
        Replies.json(
            exchange,
            422,
            ChartJson.error(
                "Unprocessable Entity",
                "1m data not available for the requested range. Only 8 days worth of 1m"
                    + " granularity data are allowed to be fetched per request."));
        return;
      }
      case NONE -> {}
    }
    Optional<Instrument> instrument = Instruments.byYahoo(symbol.toUpperCase(Locale.ROOT));
    if (instrument.isEmpty()) {
      Replies.json(
          exchange,
          faults.notFoundAs200() ? 200 : 404,
          ChartJson.error("Not Found", "No data found, symbol may be delisted"));
      return;
    }
    Map<String, String> query = Exchanges.query(exchange.getRequestURI());
    Instant now = clock.instant();
    ChartSpec spec;
    try {
      spec = ChartSpec.parse(query.get("range"), query.get("interval"), now);
    } catch (ChartSpec.Refusal refusal) {
      Replies.json(exchange, refusal.status, ChartJson.error(refusal.code, refusal.getMessage()));
      return;
    }
    Series series = ChartSeries.build(instrument.get(), now, spec, faults.nullBars());
    byte[] body =
        Replies.JSON.writeValueAsBytes(
            ChartJson.chart(instrument.get(), now, spec, series, faults.metaOnly()));
    counters.deliver();
    if (faults.truncateBody()) {
      Replies.sendTruncated(exchange, 200, "application/json;charset=utf-8", body);
    } else if (faults.slowBodyMillis() > 0) {
      Replies.sendSlowly(
          exchange, 200, "application/json;charset=utf-8", body, faults.slowBodyMillis());
    } else {
      Replies.send(exchange, 200, "application/json;charset=utf-8", body);
    }
  }

  private static boolean isLibraryAgent(HttpExchange exchange) {
    String agent = exchange.getRequestHeaders().getFirst("User-Agent");
    if (agent == null || agent.isBlank()) {
      return true;
    }
    String lower = agent.toLowerCase(Locale.ROOT);
    return LIBRARY_AGENTS.stream().anyMatch(lower::contains);
  }
}
