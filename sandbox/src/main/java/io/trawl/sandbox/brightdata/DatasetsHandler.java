package io.trawl.sandbox.brightdata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes {@code /datasets/v3/*}: counts the request, applies the faults every endpoint shares
 * (latency, 5xx bursts, HTML pages), checks the bearer token, then answers per endpoint.
 */
final class DatasetsHandler implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(DatasetsHandler.class);
  private static final Pattern ROUTE =
      Pattern.compile("/datasets/v3/(trigger|progress/([^/]+)|snapshot/([^/]+)(/cancel)?)/?");
  private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S+.*");

  private final FaultState faults;
  private final Counters counters;
  private final SnapshotStore snapshots;
  private final TriggerEndpoint trigger;
  private final SnapshotDownload download;
  private final IpBlock ipBlock;

  DatasetsHandler(
      Clock clock,
      FaultState faults,
      Counters counters,
      SnapshotStore snapshots,
      IpBlock ipBlock) {
    this.faults = faults;
    this.counters = counters;
    this.snapshots = snapshots;
    this.ipBlock = ipBlock;
    this.trigger = new TriggerEndpoint(clock, faults, counters, snapshots, ipBlock);
    this.download = new SnapshotDownload(faults, counters);
  }

  private record Route(String endpoint, String method, String snapshotId) {}

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Route route = route(exchange.getRequestURI().getPath());
      if (route == null) {
        HttpReplies.text(exchange, 404, "Not found");
        return;
      }
      counters.request(route.endpoint());
      answerOrExplain(exchange, route);
      log.debug(
          "request endpoint={} snapshot={} status={}",
          route.endpoint(),
          route.snapshotId(),
          exchange.getResponseCode());
    } catch (SnapshotDownload.BodyCut e) {
      throw e;
    } catch (IOException e) {
      log.debug("client went away path={}: {}", exchange.getRequestURI().getPath(), e.toString());
    }
  }

  /** A bug in the fake answers 500 with its cause, so it never passes for a network fault. */
  private void answerOrExplain(HttpExchange exchange, Route route) throws IOException {
    try {
      answer(exchange, route);
    } catch (RuntimeException e) {
      log.error("fake Bright Data failed to answer path={}", exchange.getRequestURI(), e);
      if (exchange.getResponseCode() == -1) {
        refusing(route);
        HttpReplies.text(exchange, 500, "fake Bright Data bug: " + e);
      }
    }
  }

  /**
   * Counts a refused trigger before the answer goes out: the client may read the answer and check
   * the counters before this thread gets to run again.
   */
  private void refusing(Route route) {
    if (Counters.TRIGGER.equals(route.endpoint())) {
      counters.triggerRefused();
    }
  }

  private void answer(HttpExchange exchange, Route route) throws IOException {
    if (ipBlock.blocked()) {
      refusing(route);
      HttpReplies.text(
          exchange,
          403,
          "Your IP is blocked after "
              + IpBlock.LIMIT
              + " or more 429 responses in 5 minutes; contact support to lift the block");
      return;
    }
    HttpReplies.sleep(faults.current().latencyMillis());
    if (faults.takeServerError(route.endpoint())) {
      int status = faults.current().serverErrorStatus();
      refusing(route);
      if (status == 500) {
        HttpReplies.text(exchange, 500, "Internal server error");
      } else {
        HttpReplies.html(exchange, status, status + (status == 502 ? " Bad Gateway" : " Error"));
      }
      return;
    }
    if (faults.takeHtmlPage(route.endpoint())) {
      refusing(route);
      HttpReplies.html(exchange, 200, "Bright Data | Service temporarily unavailable");
      return;
    }
    if (!route.method().equals(exchange.getRequestMethod())) {
      refusing(route);
      HttpReplies.text(exchange, 405, "Method not allowed");
      return;
    }
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !BEARER.matcher(authorization.strip()).matches()) {
      refusing(route);
      HttpReplies.text(exchange, 401, "Credentials are missing");
      return;
    }
    if (faults.current().invalidCredentials()) {
      refusing(route);
      HttpReplies.text(exchange, 401, "Invalid credentials");
      return;
    }
    if (Counters.TRIGGER.equals(route.endpoint())) {
      trigger.handle(exchange);
      return;
    }
    Optional<Snapshot> snapshot = snapshots.find(route.snapshotId());
    if (snapshot.isEmpty()) {
      HttpReplies.text(exchange, 404, "Snapshot does not exist");
      return;
    }
    switch (route.endpoint()) {
      case Counters.PROGRESS -> progress(exchange, snapshot.get());
      case Counters.CANCEL -> cancel(exchange, snapshot.get());
      default -> download.handle(exchange, snapshot.get());
    }
  }

  private void progress(HttpExchange exchange, Snapshot snapshot) throws IOException {
    String status = snapshot.poll(faults.current());
    ObjectNode body =
        HttpReplies.JSON
            .createObjectNode()
            .put("snapshot_id", snapshot.id())
            .put("dataset_id", FakeBrightData.DATASET_ID)
            .put("status", status);
    if (Snapshot.READY.equals(status)) {
      body.put("records", snapshot.batch().records());
      body.put("errors", snapshot.batch().errors());
      body.put("collection_duration", 41_000);
    } else if (Snapshot.FAILED.equals(status)) {
      body.put("error_message", snapshot.errorMessage());
    }
    HttpReplies.json(exchange, 200, body);
  }

  private static void cancel(HttpExchange exchange, Snapshot snapshot) throws IOException {
    if (snapshot.cancel()) {
      HttpReplies.text(exchange, 200, "OK");
    } else {
      HttpReplies.text(exchange, 400, "Snapshot is not running");
    }
  }

  private static Route route(String path) {
    Matcher m = ROUTE.matcher(path);
    if (!m.matches()) {
      return null;
    }
    if (m.group(1).equals("trigger")) {
      return new Route(Counters.TRIGGER, "POST", null);
    }
    if (m.group(2) != null) {
      return new Route(Counters.PROGRESS, "GET", m.group(2));
    }
    if (m.group(4) != null) {
      return new Route(Counters.CANCEL, "POST", m.group(3));
    }
    return new Route(Counters.SNAPSHOT, "GET", m.group(3));
  }
}
