package io.trawl.sandbox.unlocker;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.trawl.sandbox.Exchanges;
import io.trawl.sandbox.market.Instrument;
import io.trawl.sandbox.market.Instruments;
import io.trawl.sandbox.market.Replies;
import io.trawl.sandbox.market.RequestCounters;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code POST /request} as Bright Data's Web Unlocker API does: the account's checks first
 * (token, body, zone, rate and usage limits), then the target's answer for {@code
 * https://www.bloomberg.com/quote/<SYMBOL>}.
 */
final class RequestHandler implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(RequestHandler.class);
  private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S+.*");
  private static final String QUOTE_PREFIX = "/quote/";

  private final Clock clock;
  private final FaultCounts faults;
  private final RequestCounters counters;
  private final Set<String> zones;
  private final Optional<String> requiredToken;

  /**
   * @param requiredToken the one API token the account accepts; empty accepts any bearer token (the
   *     everyday sandbox)
   */
  RequestHandler(
      Clock clock,
      FaultCounts faults,
      RequestCounters counters,
      Set<String> zones,
      Optional<String> requiredToken) {
    this.clock = clock;
    this.faults = faults;
    this.counters = counters;
    this.zones = zones;
    this.requiredToken = requiredToken;
  }

  private boolean accepted(String authorization) {
    if (authorization == null || !BEARER.matcher(authorization).matches()) {
      return false;
    }
    String token = authorization.substring("bearer".length()).trim();
    return requiredToken.map(token::equals).orElse(true);
  }

  /** A parsed request body; null fields were missing. */
  private record Ask(String zone, String url, String format) {}

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        answer(exchange);
      } catch (RuntimeException e) {
        log.error("fake Unlocker failed to answer", e);
        if (exchange.getResponseCode() == -1) {
          Replies.text(exchange, 500, "fake Unlocker bug: " + e);
        }
      }
      counters.answered(exchange.getResponseCode());
    } catch (Replies.BodyCut e) {
      throw e;
    } catch (IOException e) {
      log.debug("client went away: {}", e.toString());
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    UnlockerFaults armed = faults.current();
    byte[] raw = Exchanges.body(exchange);
    Ask ask = parse(raw);
    counters.request(ask == null ? null : symbolOf(ask.url()));
    Replies.sleep(armed.latencyMillis());
    if (!"POST".equals(exchange.getRequestMethod())) {
      Replies.text(exchange, 405, "Method Not Allowed");
      return;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (armed.invalidToken() || !accepted(authorization)) {
      Replies.json(exchange, 401, Map.of("error", "User authentication is required"));
      return;
    }
    if (ask == null || ask.zone() == null || ask.url() == null || ask.format() == null) {
      Replies.json(exchange, 400, Map.of("error", "Bad Request"));
      return;
    }
    if (!zones.contains(ask.zone())) {
      brdError(exchange, "client_10000", "zone not found");
      Replies.text(exchange, armed.zoneErrorStatus(), "zone \"" + ask.zone() + "\" not found");
      return;
    }
    if (faults.takeRateLimited()) {
      exchange.getResponseHeaders().set("Retry-After", String.valueOf(armed.retryAfterSeconds()));
      brdError(exchange, "client_10110", "account rate limit");
      Replies.text(exchange, 429, "Too many requests: account rate limit reached");
      return;
    }
    if (faults.takeRateLimitedNoRetryAfter()) {
      brdError(exchange, "client_10110", "account rate limit");
      Replies.text(exchange, 429, "Too many requests: account rate limit reached");
      return;
    }
    if (faults.takeZoneLimit()) {
      brdError(exchange, "client_10100", "zone usage limit reached");
      Replies.text(exchange, 502, "Zone usage limit reached");
      return;
    }
    if (faults.takeHtmlErrorPage()) {
      Replies.html(exchange, 503, GatewayPage.HTML);
      return;
    }
    target(exchange, ask, armed);
  }

  /** What bloomberg.com answers, passed through as the raw body. */
  private void target(HttpExchange exchange, Ask ask, UnlockerFaults armed) throws IOException {
    URI url = URI.create(ask.url());
    if (!"www.bloomberg.com".equalsIgnoreCase(url.getHost())) {
      brdError(exchange, "target_40001", "host not resolved");
      Replies.text(exchange, 502, "Target host could not be resolved");
      return;
    }
    if (faults.takeRobotPage()) {
      Replies.html(exchange, armed.robotStatus(), RobotPage.html(UUID.randomUUID()));
      return;
    }
    String symbol = symbolOf(ask.url());
    if (faults.takeTargetErrorPage()) {
      // The Unlocker got a page from the target, so it bills; the page just holds no quote.
      counters.deliver();
      Replies.html(exchange, 200, BloombergPages.errorPage());
      return;
    }
    Optional<Instrument> instrument =
        Instruments.byBloomberg(symbol == null ? null : symbol.toUpperCase(Locale.ROOT));
    if (instrument.isEmpty()) {
      Replies.html(exchange, 404, BloombergPages.notFoundPage(symbol == null ? "" : symbol));
      return;
    }
    String page = BloombergPages.quotePage(instrument.get(), clock.instant(), armed.pageBytes());
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    // Bright Data bills a request once the target's page is delivered; blocks and errors are free.
    counters.deliver();
    if (armed.truncateBody()) {
      Replies.sendTruncated(exchange, 200, "text/html; charset=utf-8", body);
    } else if (armed.slowBodyMillis() > 0) {
      Replies.sendSlowly(exchange, 200, "text/html; charset=utf-8", body, armed.slowBodyMillis());
    } else {
      Replies.send(exchange, 200, "text/html; charset=utf-8", body);
    }
  }

  private static void brdError(HttpExchange exchange, String code, String error) {
    exchange.getResponseHeaders().set("x-brd-err-code", code);
    exchange.getResponseHeaders().set("x-brd-error", error);
    exchange.getResponseHeaders().set("x-brd-err-msg", error);
  }

  /** The body's fields, or null when it is not a JSON object. */
  private static Ask parse(byte[] raw) {
    try {
      JsonNode body = Replies.JSON.readTree(raw);
      if (body == null || !body.isObject()) {
        return null;
      }
      return new Ask(text(body, "zone"), text(body, "url"), text(body, "format"));
    } catch (IOException e) {
      return null;
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }

  /** {@code AAPL:US} from {@code https://www.bloomberg.com/quote/AAPL:US}; null for other URLs. */
  static String symbolOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      String path = URI.create(url.strip()).getPath();
      if (path == null || !path.startsWith(QUOTE_PREFIX)) {
        return null;
      }
      String symbol = path.substring(QUOTE_PREFIX.length());
      return symbol.endsWith("/") ? symbol.substring(0, symbol.length() - 1) : symbol;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
