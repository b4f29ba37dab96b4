package io.trawl.sandbox.brightdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.trawl.sandbox.brightdata.FakeBrightData.Faults;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /__admin/*}, for tests and demos in another process: {@code POST faults} arms faults
 * (fields left out take their defaults), {@code GET faults} shows them, {@code POST reset} disarms
 * everything and zeroes the counters, {@code GET stats} returns the counters.
 */
final class AdminHandler implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(AdminHandler.class);

  private final FaultState faults;
  private final Counters counters;
  private final SnapshotStore snapshots;

  AdminHandler(FaultState faults, Counters counters, SnapshotStore snapshots) {
    this.faults = faults;
    this.counters = counters;
    this.snapshots = snapshots;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      counters.request(Counters.ADMIN);
      String action = exchange.getRequestURI().getPath().substring("/__admin/".length());
      String method = exchange.getRequestMethod();
      switch (method + " " + action) {
        case "POST faults" -> armFaults(exchange);
        case "GET faults" -> HttpReplies.json(exchange, 200, faults.current());
        case "POST reset" -> {
          faults.arm(Faults.none());
          counters.reset();
          HttpReplies.json(exchange, 200, stats());
        }
        case "GET stats" -> HttpReplies.json(exchange, 200, stats());
        default -> HttpReplies.text(exchange, 404, "No admin action " + method + " " + action);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("fake Bright Data admin failed path={}", exchange.getRequestURI().getPath(), e);
    }
  }

  private void armFaults(HttpExchange exchange) throws IOException {
    ObjectNode merged = HttpReplies.JSON.valueToTree(Faults.none());
    try {
      JsonNode requested = HttpReplies.JSON.readTree(HttpReplies.body(exchange));
      if (requested == null || !requested.isObject()) {
        HttpReplies.text(exchange, 400, "faults must be a JSON object");
        return;
      }
      for (Map.Entry<String, JsonNode> field : requested.properties()) {
        if (!merged.has(field.getKey())) {
          HttpReplies.text(
              exchange, 400, "unknown fault " + field.getKey() + "; known: " + fieldNames(merged));
          return;
        }
        merged.set(field.getKey(), field.getValue());
      }
      Faults armed = HttpReplies.JSON.treeToValue(merged, Faults.class);
      faults.arm(armed);
      log.info("faults armed {}", armed);
      HttpReplies.json(exchange, 200, armed);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      HttpReplies.text(exchange, 400, "invalid faults: " + rootMessage(e));
    }
  }

  private ObjectNode stats() {
    ObjectNode stats = HttpReplies.JSON.createObjectNode();
    stats.put("triggersAccepted", counters.triggersAccepted());
    stats.put("triggersRefused", counters.triggersRefused());
    stats.put("recordsDelivered", counters.recordsDelivered());
    stats.put("downloads", counters.downloads());
    stats.put("progressPolls", counters.progressPolls());
    stats.put("snapshots", snapshots.size());
    stats.set("requests", HttpReplies.JSON.valueToTree(counters.requests()));
    return stats;
  }

  private static String fieldNames(ObjectNode node) {
    StringBuilder names = new StringBuilder();
    node.fieldNames().forEachRemaining(n -> names.append(names.isEmpty() ? "" : ", ").append(n));
    return names.toString();
  }

  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
