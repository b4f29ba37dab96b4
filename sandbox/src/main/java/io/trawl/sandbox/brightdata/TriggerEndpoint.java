package io.trawl.sandbox.brightdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /datasets/v3/trigger}: validates the inputs and creates a snapshot. */
final class TriggerEndpoint {
  private static final Logger log = LoggerFactory.getLogger(TriggerEndpoint.class);
  private static final Map<String, Integer> TIME_RANGES =
      Map.of(
          "past 24 hours", 1,
          "past week", 7,
          "past month", 30,
          "any time", JobUniverse.ANY_TIME_DAYS);
  private static final String TOO_MANY =
      "You have too many running jobs for this dataset. Please wait for some of them to finish"
          + " before triggering new ones. 100>=100";

  private final Clock clock;
  private final FaultState faults;
  private final Counters counters;
  private final SnapshotStore snapshots;
  private final IpBlock ipBlock;

  TriggerEndpoint(
      Clock clock,
      FaultState faults,
      Counters counters,
      SnapshotStore snapshots,
      IpBlock ipBlock) {
    this.clock = clock;
    this.faults = faults;
    this.counters = counters;
    this.snapshots = snapshots;
    this.ipBlock = ipBlock;
  }

  /** Answers the trigger, counting it as accepted (billable) or refused before answering. */
  void handle(HttpExchange exchange) throws IOException {
    Snapshot snapshot = accept(exchange);
    if (snapshot != null) {
      counters.triggerAccepted();
      ObjectNode answer = HttpReplies.JSON.createObjectNode().put("snapshot_id", snapshot.id());
      HttpReplies.json(exchange, 200, answer);
    }
  }

  /** Creates the snapshot, or answers the refusal and returns null. */
  private Snapshot accept(HttpExchange exchange) throws IOException {
    if (faults.takeRateLimited()) {
      exchange
          .getResponseHeaders()
          .set("Retry-After", Integer.toString(faults.current().retryAfterSeconds()));
      refuse(exchange, 429, TOO_MANY);
      return null;
    }
    if (faults.takeRateLimitedNoRetryAfter()) {
      refuse(exchange, 429, TOO_MANY);
      return null;
    }
    Map<String, String> query = HttpReplies.query(exchange.getRequestURI());
    if (!FakeBrightData.DATASET_ID.equals(query.get("dataset_id"))) {
      refuse(exchange, 404, "dataset does not exist");
      return null;
    }
    if (!"discover_new".equals(query.get("type")) || !"keyword".equals(query.get("discover_by"))) {
      refuse(exchange, 400, validationError("type", "this dataset discovers by keyword only"));
      return null;
    }
    JsonNode body;
    try {
      body = HttpReplies.JSON.readTree(HttpReplies.body(exchange));
    } catch (JsonProcessingException e) {
      refuse(exchange, 400, error("Failed to parse input", "parse_error"));
      return null;
    }
    JsonNode inputs = body != null && body.isObject() ? body.get("input") : body;
    if (inputs == null || !inputs.isArray()) {
      refuse(exchange, 400, error("Input should be an array", "parse_error"));
      return null;
    }
    if (inputs.isEmpty()) {
      refuse(exchange, 400, "No data to trigger");
      return null;
    }
    List<DiscoveryInput> valid = new ArrayList<>();
    ObjectNode invalid = validate((ArrayNode) inputs, valid);
    if (invalid != null) {
      refuse(exchange, 400, invalid);
      return null;
    }
    Integer limit = parseLimit(query.get("limit_per_input"));
    LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Snapshot snapshot = snapshots.create(SnapshotBatch.build(valid, day, limit));
    log.info(
        "trigger accepted snapshot={} inputs={} day={} records={} errors={}",
        snapshot.id(),
        valid.size(),
        day,
        snapshot.batch().records(),
        snapshot.batch().errors());
    return snapshot;
  }

  private void refuse(HttpExchange exchange, int status, Object body) throws IOException {
    counters.triggerRefused();
    if (status == 429) {
      ipBlock.rateLimited();
    }
    if (body instanceof String text) {
      HttpReplies.text(exchange, status, text);
    } else {
      HttpReplies.json(exchange, status, body);
    }
  }

  /** Fills {@code valid}; returns the provider's validation_error body, or null when all pass. */
  private static ObjectNode validate(ArrayNode inputs, List<DiscoveryInput> valid) {
    ObjectNode answer = error("Invalid input provided", "validation_error");
    ArrayNode errors = answer.putArray("errors");
    for (int i = 0; i < inputs.size(); i++) {
      JsonNode input = inputs.get(i);
      if (!input.isObject()) {
        errors.addArray().add("input[" + i + "]").add("must be an object");
        continue;
      }
      String location = input.path("location").asText("").strip();
      if (location.isEmpty()) {
        errors.addArray().add("location").add("Required field");
      }
      String range = input.path("time_range").asText("").strip().toLowerCase(Locale.ROOT);
      Integer days =
          range.isEmpty() ? Integer.valueOf(JobUniverse.ANY_TIME_DAYS) : TIME_RANGES.get(range);
      if (days == null) {
        errors
            .addArray()
            .add("time_range")
            .add("Invalid value \"" + input.path("time_range").asText() + "\"");
      }
      if (!location.isEmpty() && days != null) {
        valid.add(
            new DiscoveryInput(
                input.path("keyword").asText(""),
                location,
                input.path("country").asText(""),
                days,
                (ObjectNode) input));
      }
    }
    return errors.isEmpty() ? null : answer;
  }

  private static ObjectNode validationError(String field, String reason) {
    ObjectNode answer = error("Invalid input provided", "validation_error");
    answer.putArray("errors").addArray().add(field).add(reason);
    return answer;
  }

  private static ObjectNode error(String message, String code) {
    return HttpReplies.JSON.createObjectNode().put("error", message).put("code", code);
  }

  private static Integer parseLimit(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Math.max(0, Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
