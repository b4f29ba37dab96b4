package io.trawl.sandbox.apify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.trawl.sandbox.CommonFaultState;
import io.trawl.sandbox.Exchanges;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes {@code /v2/*}: counts the request, applies the shared faults, checks the token, then
 * answers start, run, abort or items the way Apify API v2 does.
 */
final class ApifyHandler implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(ApifyHandler.class);
  private static final Pattern ROUTE =
      Pattern.compile(
          "/v2/(?:acts/([^/]+)/runs|actor-runs/([^/]+)(/abort)?|datasets/([^/]+)/items)/?");
  private static final int MAX_WAIT_SECS = 60;

  private final String token;
  private final Set<String> actors;
  private final Supplier<ApifyFaults> faults;
  private final CommonFaultState common;
  private final AtomicInteger rateLimited;
  private final ApifyCounters counters;
  private final RunFactory factory;
  private final Map<String, ActorRun> runs = new ConcurrentHashMap<>();
  private final Map<String, ActorRun> datasets = new ConcurrentHashMap<>();

  ApifyHandler(
      String token,
      Set<String> actors,
      Supplier<ApifyFaults> faults,
      CommonFaultState common,
      AtomicInteger rateLimited,
      ApifyCounters counters,
      RunFactory factory) {
    this.token = token;
    this.actors = actors;
    this.faults = faults;
    this.common = common;
    this.rateLimited = rateLimited;
    this.counters = counters;
    this.factory = factory;
  }

  private record Route(String endpoint, String method, String id) {}

  /** Places billed over every run so far. */
  long placesBilled() {
    return runs.values().stream().mapToLong(ActorRun::placesCharged).sum();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Route route = route(exchange.getRequestURI().getRawPath());
      if (route == null) {
        Exchanges.json(exchange, 404, ApifyErrors.body("page-not-found", "Page not found"));
        return;
      }
      counters.request(route.endpoint());
      try {
        answer(exchange, route);
      } catch (NumberFormatException e) {
        Exchanges.json(
            exchange,
            400,
            ApifyErrors.body(
                "invalid-value", "A query parameter is not a number: " + e.getMessage()));
      } catch (RuntimeException e) {
        log.error("fake Apify failed to answer path={}", exchange.getRequestURI(), e);
        if (exchange.getResponseCode() == -1) {
          Exchanges.json(exchange, 500, ApifyErrors.body("internal-error", "fake Apify bug: " + e));
        }
      }
    } catch (Exchanges.BodyCut e) {
      throw e;
    } catch (IOException e) {
      log.debug("client went away path={}: {}", exchange.getRequestURI().getPath(), e.toString());
    }
  }

  private void answer(HttpExchange exchange, Route route) throws IOException {
    ObjectNode serverError =
        ApifyErrors.body("internal-server-error", "Internal server error, please try again later");
    if (common.answerBefore(exchange, route.endpoint(), serverError)) {
      return;
    }
    if (hits(route.endpoint()) && rateLimited.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
      // Apify sends no Retry-After: clients back off on their own (PROVIDERS.md §2).
      Exchanges.json(
          exchange,
          429,
          ApifyErrors.body(
              "rate-limit-exceeded",
              "You have exceeded the rate limit of 60 requests per second for this resource"));
      return;
    }
    if (!route.method().equals(exchange.getRequestMethod())) {
      Exchanges.json(
          exchange, 405, ApifyErrors.body("method-not-allowed", "This method is not allowed"));
      return;
    }
    Map<String, String> query = Exchanges.query(exchange.getRequestURI());
    String given = Exchanges.bearer(exchange);
    if (given == null) {
      given = query.get("token");
    }
    if (token != null && given == null) {
      Exchanges.json(
          exchange,
          401,
          ApifyErrors.body("token-not-provided", "Authentication token was not provided"));
      return;
    }
    if (token != null && !token.equals(given)) {
      Exchanges.json(
          exchange,
          401,
          ApifyErrors.body(
              "user-or-token-not-found",
              "User was not found or authentication token is not valid"));
      return;
    }
    boolean withUsage = given != null;
    switch (route.endpoint()) {
      case FakeApify.START -> start(exchange, route.id(), query, withUsage);
      case FakeApify.RUN -> run(exchange, route.id(), query, withUsage);
      case FakeApify.ABORT -> abort(exchange, route.id(), withUsage);
      default -> items(exchange, route.id(), query);
    }
  }

  private void start(
      HttpExchange exchange, String actor, Map<String, String> query, boolean withUsage)
      throws IOException {
    if (!actors.contains(actor.replace('/', '~'))) {
      Exchanges.json(
          exchange, 404, ApifyErrors.body("actor-not-found", "Actor with this name was not found"));
      return;
    }
    ActorRun run;
    try {
      JsonNode input = Exchanges.JSON.readTree(Exchanges.body(exchange));
      run =
          factory.create(
              actor.replace('/', '~'),
              input,
              integer(query.get("timeout")),
              integer(query.get("maxItems")),
              decimal(query.get("maxTotalChargeUsd")),
              faults.get());
    } catch (RunFactory.InvalidInput e) {
      Exchanges.json(exchange, 400, ApifyErrors.body(e.type, e.getMessage()));
      return;
    } catch (IOException | NumberFormatException e) {
      Exchanges.json(
          exchange,
          400,
          ApifyErrors.body("invalid-request", "Request is not valid: " + e.getMessage()));
      return;
    }
    runs.put(run.id, run);
    datasets.put(run.datasetId, run);
    counters.runStarted();
    log.info("fake Apify run started run={} actor={}", run.id, actor);
    int wait = waitSecs(query);
    String shown = wait == 0 ? "READY" : null;
    awaitFinish(run, wait);
    wrap(exchange, FakeApify.START, 201, run.toJson(shown, withUsage, false));
  }

  private void run(
      HttpExchange exchange, String runId, Map<String, String> query, boolean withUsage)
      throws IOException {
    ActorRun run = runs.get(runId);
    if (run == null) {
      Exchanges.json(
          exchange, 404, ApifyErrors.body("record-not-found", "Actor run was not found"));
      return;
    }
    awaitFinish(run, waitSecs(query));
    wrap(exchange, FakeApify.RUN, 200, run.toJson(null, withUsage, true));
  }

  private void abort(HttpExchange exchange, String runId, boolean withUsage) throws IOException {
    ActorRun run = runs.get(runId);
    if (run == null) {
      Exchanges.json(
          exchange, 404, ApifyErrors.body("record-not-found", "Actor run was not found"));
      return;
    }
    boolean aborted = run.abort();
    if (aborted) {
      counters.runAborted();
    }
    wrap(exchange, FakeApify.ABORT, 200, run.toJson(aborted ? "ABORTING" : null, withUsage, false));
  }

  private void items(HttpExchange exchange, String datasetId, Map<String, String> query)
      throws IOException {
    ActorRun run = datasets.get(datasetId);
    if (run == null) {
      Exchanges.json(exchange, 404, ApifyErrors.body("record-not-found", "Dataset was not found"));
      return;
    }
    String format = query.getOrDefault("format", "json");
    if (!format.equals("json")) {
      Exchanges.json(
          exchange,
          400,
          ApifyErrors.body("invalid-value", "The sandbox serves format=json only, got " + format));
      return;
    }
    List<ObjectNode> visible = run.visibleItems();
    int offset = Math.max(0, integerOr(query.get("offset"), 0));
    Integer limit = integer(query.get("limit"));
    int end =
        limit == null ? visible.size() : (int) Math.min(visible.size(), (long) offset + limit);
    boolean skipEmpty =
        "true".equals(query.get("clean"))
            || "1".equals(query.get("clean"))
            || "true".equals(query.get("skipEmpty"));
    ArrayNode page = Exchanges.JSON.createArrayNode();
    for (int i = offset; i < end; i++) {
      ObjectNode item = visible.get(i);
      if (!(skipEmpty && item.isEmpty())) {
        page.add(item);
      }
    }
    var headers = exchange.getResponseHeaders();
    headers.set("X-Apify-Pagination-Offset", String.valueOf(offset));
    headers.set("X-Apify-Pagination-Limit", String.valueOf(limit == null ? page.size() : limit));
    headers.set("X-Apify-Pagination-Count", String.valueOf(page.size()));
    headers.set("X-Apify-Pagination-Total", String.valueOf(visible.size()));
    common.sendJson(exchange, FakeApify.ITEMS, 200, page);
  }

  private void wrap(HttpExchange exchange, String endpoint, int status, ObjectNode run)
      throws IOException {
    ObjectNode body = Exchanges.JSON.createObjectNode();
    body.set("data", run);
    common.sendJson(exchange, endpoint, status, body);
  }

  /** Long-polls: returns when the run ends or after {@code waitSecs} simulated seconds. */
  private void awaitFinish(ActorRun run, int waitSecs) {
    long deadline = System.nanoTime() + waitSecs * faults.get().millisPerSecond() * 1_000_000;
    while (!run.isTerminal() && System.nanoTime() < deadline) {
      Exchanges.sleep(Math.max(1, Math.min(20, (deadline - System.nanoTime()) / 1_000_000)));
    }
  }

  private static int waitSecs(Map<String, String> query) {
    Integer wait = integer(query.get("waitForFinish"));
    return wait == null ? 0 : Math.max(0, Math.min(MAX_WAIT_SECS, wait));
  }

  private boolean hits(String endpoint) {
    String target = common.current().endpoint();
    return target == null || target.equals(endpoint);
  }

  private static Integer integer(String text) {
    return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
  }

  private static int integerOr(String text, int fallback) {
    Integer value = integer(text);
    return value == null ? fallback : value;
  }

  private static Double decimal(String text) {
    return text == null || text.isBlank() ? null : Double.valueOf(text.strip());
  }

  private static Route route(String rawPath) {
    Matcher m = ROUTE.matcher(rawPath);
    if (!m.matches()) {
      return null;
    }
    if (m.group(1) != null) {
      return new Route(FakeApify.START, "POST", decode(m.group(1)));
    }
    if (m.group(2) != null) {
      return m.group(3) != null
          ? new Route(FakeApify.ABORT, "POST", decode(m.group(2)))
          : new Route(FakeApify.RUN, "GET", decode(m.group(2)));
    }
    return new Route(FakeApify.ITEMS, "GET", decode(m.group(4)));
  }

  private static String decode(String segment) {
    return URLDecoder.decode(segment, StandardCharsets.UTF_8);
  }
}
