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
final class RequestHandler implements HttpHandler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RequestHandler.class);
  private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S+.*");
  private static final String QUOTE_PREFIX = "/quote/";
  static final String GET_RESULT = "/unblocker/get_result";

  private final Clock clock;
  private final FaultCounts faults;
  private final RequestCounters counters;
  private final Set<String> zones;
  private final Optional<String> requiredToken;
  private final AsyncResults async = new AsyncResults();

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

  /** Stops unlocking async requests still waiting. */
  @Override
  public void close() {
    async.close();
  }

  private boolean accepted(String authorization) {
    if (authorization == null || !BEARER.matcher(authorization).matches()) {
      return false;
    }
    String token = authorization.substring("bearer".length()).trim();
    return requiredToken.map(token::equals).orElse(true);
  }

  /** A parsed request body; null fields were missing. */
  record Ask(String zone, String url, String format) {}

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        if (exchange.getRequestURI().getPath().startsWith(GET_RESULT)) {
          result(exchange);
        } else {
          answer(exchange);
        }
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
    boolean asynchronous = isAsync(exchange.getRequestURI());
    if (!asynchronous) {
      Replies.sleep(armed.latencyMillis());
    }
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
    if (asynchronous) {
      // Accepted: the page is unlocked in the background and kept for get_result.
      String id =
          async.submit(ask, armed.latencyMillis(), () -> target(ask, armed), counters::deliver);
      exchange.getResponseHeaders().set("x-response-id", id);
      Replies.text(exchange, 202, "");
      return;
    }
    send(exchange, target(ask, armed), armed, counters::deliver);
  }

  /**
   * {@code GET /unblocker/get_result?response_id=…&zone=…}: 202 while the page is being unlocked,
   * then the target's answer as the synchronous request would have given it, as often as asked.
   * Bright Data bills the request once, when it is unlocked, however many times its result is read.
   */
  private void result(HttpExchange exchange) throws IOException {
    UnlockerFaults armed = faults.current();
    if (!"GET".equals(exchange.getRequestMethod())) {
      Replies.text(exchange, 405, "Method Not Allowed");
      return;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (armed.invalidToken() || !accepted(authorization)) {
      Replies.json(exchange, 401, Map.of("error", "User authentication is required"));
      return;
    }
    String id = queryParameter(exchange.getRequestURI(), "response_id");
    Optional<AsyncResults.Pending> pending = async.find(id);
    if (pending.isEmpty()) {
      Replies.text(exchange, 404, "response_id " + id + " not found");
      return;
    }
    if (!pending.get().ready()) {
      Replies.text(exchange, 202, "");
      return;
    }
    AsyncResults.Pending found = pending.get();
    Reply reply = found.reply(() -> target(found.ask(), armed));
    send(exchange, reply, armed, () -> found.billOnce(counters::deliver));
  }

  private static boolean isAsync(URI uri) {
    return "true".equalsIgnoreCase(queryParameter(uri, "async"));
  }

  private static String queryParameter(URI uri, String name) {
    String query = uri.getRawQuery();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      if (key.equals(name)) {
        return eq < 0
            ? ""
            : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  /**
   * What the target answered, before it is sent.
   *
   * @param billable Bright Data bills the request: the target's page was delivered
   * @param page the quote page, whose sending the transmission faults (cut, slow) act on
   */
  record Reply(
      int status,
      String contentType,
      byte[] body,
      Map<String, String> headers,
      boolean billable,
      boolean page) {}

  private static void send(HttpExchange exchange, Reply reply, UnlockerFaults armed, Runnable bill)
      throws IOException {
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    if (reply.billable()) {
      // Bright Data bills a request once the target's page is delivered; blocks and errors are
      // free.
      bill.run();
    }
    if (reply.page() && armed.truncateBody()) {
      Replies.sendTruncated(exchange, reply.status(), reply.contentType(), reply.body());
    } else if (reply.page() && armed.slowBodyMillis() > 0) {
      Replies.sendSlowly(
          exchange, reply.status(), reply.contentType(), reply.body(), armed.slowBodyMillis());
    } else {
      Replies.send(exchange, reply.status(), reply.contentType(), reply.body());
    }
  }

  private static final String HTML = "text/html; charset=utf-8";
  private static final String TEXT = "text/plain; charset=utf-8";

  /** What bloomberg.com answers, passed through as the raw body. */
  private Reply target(Ask ask, UnlockerFaults armed) {
    URI url = URI.create(ask.url());
    if (!"www.bloomberg.com".equalsIgnoreCase(url.getHost())) {
      return new Reply(
          502,
          TEXT,
          bytes("Target host could not be resolved"),
          brdErrorHeaders("target_40001", "host not resolved"),
          false,
          false);
    }
    if (faults.takeRobotPage()) {
      return new Reply(
          armed.robotStatus(),
          HTML,
          bytes(RobotPage.html(UUID.randomUUID())),
          Map.of(),
          false,
          false);
    }
    String symbol = symbolOf(ask.url());
    if (faults.takeTargetErrorPage()) {
      // The Unlocker got a page from the target, so it bills; the page just holds no quote.
      return new Reply(200, HTML, bytes(BloombergPages.errorPage()), Map.of(), true, false);
    }
    Optional<Instrument> instrument =
        Instruments.byBloomberg(symbol == null ? null : symbol.toUpperCase(Locale.ROOT));
    if (instrument.isEmpty()) {
      return new Reply(
          404,
          HTML,
          bytes(BloombergPages.notFoundPage(symbol == null ? "" : symbol)),
          Map.of(),
          false,
          false);
    }
    String page = BloombergPages.quotePage(instrument.get(), clock.instant(), armed.pageBytes());
    return new Reply(200, HTML, bytes(page), Map.of(), true, true);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, String> brdErrorHeaders(String code, String error) {
    return Map.of("x-brd-err-code", code, "x-brd-error", error, "x-brd-err-msg", error);
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
