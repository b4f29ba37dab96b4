package io.trawl.sandbox.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.trawl.sandbox.CommonFaultState;
import io.trawl.sandbox.Exchanges;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers {@code POST …/chat/completions} as an OpenAI-compatible API does. */
final class LlmHandler implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(LlmHandler.class);

  private final String apiKey;
  private final Supplier<LlmFaults> faults;
  private final CommonFaultState common;
  final AtomicInteger notJson = new AtomicInteger();
  final AtomicInteger missingKey = new AtomicInteger();
  final AtomicInteger rateLimited = new AtomicInteger();
  final AtomicLong calls = new AtomicLong();
  final AtomicLong answered = new AtomicLong();
  private final AtomicLong sequence = new AtomicLong();

  LlmHandler(String apiKey, Supplier<LlmFaults> faults, CommonFaultState common) {
    this.apiKey = apiKey;
    this.faults = faults;
    this.common = common;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().endsWith("/chat/completions")) {
        Exchanges.json(exchange, 404, error("Unknown endpoint", "invalid_request_error", null));
        return;
      }
      calls.incrementAndGet();
      try {
        answer(exchange);
      } catch (RuntimeException e) {
        log.error("fake LLM failed to answer path={}", exchange.getRequestURI(), e);
        if (exchange.getResponseCode() == -1) {
          Exchanges.json(exchange, 500, error("fake LLM bug: " + e, "server_error", null));
        }
      }
    } catch (Exchanges.BodyCut e) {
      throw e;
    } catch (IOException e) {
      log.debug("client went away: {}", e.toString());
    }
  }

  private void answer(HttpExchange exchange) throws IOException {
    LlmFaults current = faults.get();
    if (common.answerBefore(
        exchange, FakeLlm.COMPLETIONS, error("The server had an error", "server_error", null))) {
      return;
    }
    String given = Exchanges.bearer(exchange);
    if (current.unauthorized() || (apiKey != null && !apiKey.equals(given))) {
      // The real API echoes a masked key; the fake echoes none, so no test can leak one.
      Exchanges.json(
          exchange,
          401,
          error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
      return;
    }
    if (take(rateLimited)) {
      exchange.getResponseHeaders().set("Retry-After", String.valueOf(current.retryAfterSeconds()));
      Exchanges.json(
          exchange,
          429,
          error("Rate limit reached for requests", "requests", "rate_limit_exceeded"));
      return;
    }
    JsonNode request;
    try {
      request = Exchanges.JSON.readTree(Exchanges.body(exchange));
    } catch (IOException e) {
      Exchanges.json(
          exchange, 400, error("We could not parse the JSON body", "invalid_request_error", null));
      return;
    }
    if (request == null
        || !request.path("messages").isArray()
        || request.path("messages").isEmpty()) {
      Exchanges.json(
          exchange, 400, error("'messages' is a required property", "invalid_request_error", null));
      return;
    }
    StringBuilder prompt = new StringBuilder();
    request
        .path("messages")
        .forEach(
            m -> {
              if ("user".equals(m.path("role").asText())) {
                prompt.append(m.path("content").asText()).append('\n');
              }
            });
    String content = content(Verdict.of(prompt.toString()), current);
    answered.incrementAndGet();
    common.sendJson(
        exchange,
        FakeLlm.COMPLETIONS,
        200,
        completion(request.path("model").asText("sonar"), content));
  }

  private String content(Verdict verdict, LlmFaults current) {
    if (take(notJson)) {
      return "Based on the name and address, this looks like an "
          + verdict.classification()
          + " pharmacy.";
    }
    ObjectNode answer = Exchanges.JSON.createObjectNode();
    answer.put("classification", verdict.classification());
    answer.put("is_compounding", verdict.compounding());
    if (!take(missingKey)) {
      answer.put("confidence", verdict.confidence());
    }
    answer.put("explanation", "Decided by the sandbox from the place's name and categories.");
    return current.fencedJson()
        ? "```json\n" + answer.toPrettyString() + "\n```"
        : answer.toString();
  }

  private ObjectNode completion(String model, String content) {
    ObjectNode body = Exchanges.JSON.createObjectNode();
    body.put("id", "chatcmpl-sandbox-" + sequence.incrementAndGet());
    body.put("object", "chat.completion");
    body.put("created", System.currentTimeMillis() / 1000);
    body.put("model", model);
    ObjectNode choice = body.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", content);
    choice.put("finish_reason", "stop");
    body.putObject("usage")
        .put("prompt_tokens", 120)
        .put("completion_tokens", 30)
        .put("total_tokens", 150);
    return body;
  }

  private static ObjectNode error(String message, String type, String code) {
    ObjectNode body = Exchanges.JSON.createObjectNode();
    ObjectNode error = body.putObject("error");
    error.put("message", message).put("type", type).putNull("param");
    if (code == null) {
      error.putNull("code");
    } else {
      error.put("code", code);
    }
    return body;
  }

  private static boolean take(AtomicInteger remaining) {
    return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }
}
