package io.trawl.sandbox.market;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.trawl.sandbox.Exchanges;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /__admin/*} of a market sandbox, for tests and demos in another process: {@code POST
 * faults} arms faults (fields left out take the sandbox's everyday values), {@code GET faults}
 * shows them, {@code POST reset} zeroes the counters and {@code GET stats} returns them.
 *
 * @param <F> the sandbox's faults record
 */
public final class FaultsAdmin<F extends Record> implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(FaultsAdmin.class);

  private final Class<F> type;
  private final F everyday;
  private final Supplier<F> current;
  private final Consumer<F> arm;
  private final Runnable reset;
  private final Supplier<Map<String, ?>> stats;

  /**
   * @param type the faults record class
   * @param everyday what fields left out of {@code POST faults} take
   * @param current the armed faults
   * @param arm arms new faults
   * @param reset zeroes the counters
   * @param stats the counters, as JSON-ready values
   */
  public FaultsAdmin(
      Class<F> type,
      F everyday,
      Supplier<F> current,
      Consumer<F> arm,
      Runnable reset,
      Supplier<Map<String, ?>> stats) {
    this.type = type;
    this.everyday = everyday;
    this.current = current;
    this.arm = arm;
    this.reset = reset;
    this.stats = stats;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String action = exchange.getRequestURI().getPath().substring("/__admin/".length());
      String method = exchange.getRequestMethod();
      switch (method + " " + action) {
        case "POST faults" -> armFaults(exchange);
        case "GET faults" -> Replies.json(exchange, 200, current.get());
        case "POST reset" -> {
          reset.run();
          Replies.json(exchange, 200, stats.get());
        }
        case "GET stats" -> Replies.json(exchange, 200, stats.get());
        default -> Replies.text(exchange, 404, "No admin action " + method + " " + action);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("sandbox admin failed path={}", exchange.getRequestURI().getPath(), e);
    }
  }

  private void armFaults(HttpExchange exchange) throws IOException {
    F armed;
    try {
      armed = merge(type, everyday, new String(Exchanges.body(exchange), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      Replies.text(exchange, 400, e.getMessage());
      return;
    }
    arm.accept(armed);
    log.info("sandbox faults armed {}", armed);
    Replies.json(exchange, 200, armed);
  }

  /**
   * Faults from a JSON object whose fields override {@code everyday}'s, as {@code POST faults} and
   * the {@code TRAWL_SANDBOX_*_FAULTS} variables take them.
   *
   * @throws IllegalArgumentException naming an unknown field or an invalid value
   */
  public static <F extends Record> F merge(Class<F> type, F everyday, String json) {
    JsonNode requested = readJson(json);
    if (requested == null || !requested.isObject()) {
      throw new IllegalArgumentException("faults must be a JSON object");
    }
    ObjectNode merged = Replies.JSON.valueToTree(everyday);
    for (Map.Entry<String, JsonNode> field : requested.properties()) {
      if (!merged.has(field.getKey())) {
        throw new IllegalArgumentException(
            "unknown fault " + field.getKey() + "; known: " + names(merged));
      }
      merged.set(field.getKey(), field.getValue());
    }
    try {
      return Replies.JSON.treeToValue(merged, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw invalid(e);
    }
  }

  private static JsonNode readJson(String json) {
    try {
      return Replies.JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw invalid(e);
    }
  }

  private static IllegalArgumentException invalid(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return new IllegalArgumentException("invalid faults: " + cause.getMessage(), e);
  }

  private static String names(ObjectNode node) {
    StringBuilder names = new StringBuilder();
    node.fieldNames().forEachRemaining(n -> names.append(names.isEmpty() ? "" : ", ").append(n));
    return names.toString();
  }
}
