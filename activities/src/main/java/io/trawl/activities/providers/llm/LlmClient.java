package io.trawl.activities.providers.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.providers.ProviderText;
import io.trawl.activities.providers.ResponseText;
import io.trawl.workflows.common.Failures;
import java.io.IOException;
import java.time.Duration;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An OpenAI-compatible chat completions API asked to classify one pharmacy (PROVIDERS.md §7): one
 * call, one paid request.
 *
 * <p>Failures: 429 is {@code ProviderRateLimited} after its Retry-After; 5xx, HTML, cut bodies and
 * timeouts are {@code ProviderUnavailable}; 401/403 are a final {@code ProviderRejected} naming
 * {@value LlmConfig#KEY_VARIABLE}; a reply that is not JSON or lacks a key is a final {@code
 * ValidationFailed} (detail {@code llm-reply-not-json} or {@code llm-reply-invalid}), on which the
 * caller keeps the rule-based answer.
 */
public final class LlmClient {
  /** Low, as the original used: the same place should get the same label. */
  public static final double TEMPERATURE = 0.1;

  static final String SYSTEM_PROMPT =
      "You classify US pharmacies. Reply with one JSON object and nothing else:"
          + " {\"classification\": \"independent\" | \"chain\" | \"hospital\" | \"not_a_pharmacy\","
          + " \"is_compounding\": true | false, \"confidence\": a number from 0 to 1,"
          + " \"explanation\": one short sentence}.";

  private static final Logger log = LoggerFactory.getLogger(LlmClient.class);
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  /** Timeouts for every call; models can take a while to answer. */
  public record Timeouts(Duration connect, Duration read, Duration write, Duration call) {
    public static final Timeouts DEFAULT =
        new Timeouts(
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            Duration.ofSeconds(20),
            Duration.ofSeconds(90));
  }

  private final LlmConfig config;
  private final OkHttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public LlmClient(LlmConfig config) {
    this(config, Timeouts.DEFAULT);
  }

  public LlmClient(LlmConfig config, Timeouts timeouts) {
    this.config = config;
    this.http =
        new OkHttpClient.Builder()
            .connectTimeout(timeouts.connect())
            .readTimeout(timeouts.read())
            .writeTimeout(timeouts.write())
            .callTimeout(timeouts.call())
            .followRedirects(false)
            .build();
  }

  public LlmConfig config() {
    return config;
  }

  /**
   * {@code POST /chat/completions}: asks {@code model} to classify the place {@code prompt}
   * describes (name, address, categories) and parses the JSON reply.
   */
  public LlmClassification classify(String model, String prompt) {
    if (prompt == null || prompt.isBlank()) {
      throw new IllegalArgumentException("prompt is blank");
    }
    String what = "POST /chat/completions";
    ObjectNode body = json.createObjectNode();
    body.put("model", model == null || model.isBlank() ? LlmConfig.DEFAULT_MODEL : model.strip());
    body.put("temperature", TEMPERATURE);
    ArrayNode messages = body.putArray("messages");
    messages.addObject().put("role", "system").put("content", SYSTEM_PROMPT);
    messages.addObject().put("role", "user").put("content", prompt);
    Request request =
        new Request.Builder()
            .url(HttpUrl.get(config.baseUrl() + "/chat/completions"))
            .header("Authorization", "Bearer " + config.apiKey())
            .post(RequestBody.create(body.toString(), JSON_TYPE))
            .build();
    try (Response response = http.newCall(request).execute()) {
      String text = ResponseText.readCapped(response.body());
      if (!response.isSuccessful()) {
        throw forStatus(what, response.code(), text, response.header("Retry-After"));
      }
      String content = content(what, response.code(), text);
      LlmClassification answer = LlmReplyParser.parse(content);
      log.debug(
          "llm classify model={} label={} confidence={}",
          body.get("model").asText(),
          answer.classification(),
          answer.confidence());
      return answer;
    } catch (IOException e) {
      String reason = e.getMessage() == null ? "" : ": " + e.getMessage();
      throw Failures.unavailable(
          redact("LLM " + what + " failed with " + e.getClass().getSimpleName() + reason), null);
    }
  }

  /** {@code choices[0].message.content}; a body without it is a provider fault, not the model's. */
  private String content(String what, int status, String text) {
    JsonNode answer = null;
    if (!ProviderText.looksLikeHtml(text)) {
      try {
        answer = json.readTree(text);
      } catch (IOException e) {
        answer = null;
      }
    }
    JsonNode content = answer == null ? null : answer.at("/choices/0/message/content");
    if (content == null || !content.isTextual()) {
      throw Failures.unavailable(
          redact(
              "LLM answered "
                  + status
                  + " to "
                  + what
                  + " without choices[0].message.content: "
                  + ProviderText.excerpt(text, config.apiKey())),
          null);
    }
    return content.asText();
  }

  private ApplicationFailure forStatus(String what, int status, String body, String retryAfter) {
    String words = ProviderText.excerpt(body, config.apiKey());
    try {
      JsonNode error = json.readTree(body).path("error");
      if (error.path("message").isTextual()) {
        String type =
            error.path("code").isTextual()
                ? error.get("code").asText()
                : error.path("type").asText("");
        words = (type.isEmpty() ? "" : type + ": ") + error.get("message").asText();
      }
    } catch (IOException e) {
      // Not an OpenAI-shaped error (an HTML page from a proxy): the excerpt says what it was.
    }
    String message = "LLM answered " + status + " to " + what + ": " + words;
    if (status == 429) {
      return Failures.rateLimited(redact(message), ProviderText.parseRetryAfter(retryAfter));
    }
    if (status >= 500) {
      return Failures.unavailable(redact(message), null);
    }
    if (status == 401 || status == 403) {
      return Failures.rejected(redact(message + "; check " + LlmConfig.KEY_VARIABLE));
    }
    return Failures.rejected(redact(message));
  }

  private String redact(String message) {
    return ProviderText.redact(message, config.apiKey());
  }
}
