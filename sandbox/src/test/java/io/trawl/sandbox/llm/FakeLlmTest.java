package io.trawl.sandbox.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trawl.sandbox.CommonFaults;
import io.trawl.sandbox.Exchanges;
import io.trawl.sandbox.SandboxHttp;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FakeLlmTest {
  private static final String KEY = "pplx-test-key";
  private static final Map<String, String> AUTH = Map.of("Authorization", "Bearer " + KEY);

  private FakeLlm fake;
  private SandboxHttp http;

  private void start(LlmFaults faults) {
    fake = new FakeLlm(KEY, faults).start();
    http = new SandboxHttp(fake.baseUrl());
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private static String request(String place) {
    return "{\"model\":\"sonar\",\"temperature\":0.1,\"messages\":["
        + "{\"role\":\"system\",\"content\":\"Classify the pharmacy. Answer JSON.\"},"
        + "{\"role\":\"user\",\"content\":\""
        + place
        + "\"}]}";
  }

  private HttpResponse<String> ask(String place) {
    return http.post("/chat/completions", AUTH, request(place));
  }

  private static JsonNode answer(HttpResponse<String> response) throws Exception {
    String content = SandboxHttp.json(response).at("/choices/0/message/content").asText();
    return Exchanges.JSON.readTree(content);
  }

  @Test
  void classifiesFromThePromptTextTheSameWayEveryTime() throws Exception {
    start(LlmFaults.none());

    JsonNode chain = answer(ask("Name: CVS Pharmacy. Categories: Pharmacy"));
    JsonNode hospital = answer(ask("Name: Mercy Medical Center Pharmacy. Categories: Pharmacy"));
    JsonNode independent = answer(ask("Name: Walsh Compounding Pharmacy. Categories: Pharmacy"));
    JsonNode mall = answer(ask("Name: San Francisco Centre. Categories: Shopping mall"));

    assertThat(chain.get("classification").asText()).isEqualTo("chain");
    assertThat(chain.get("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(hospital.get("classification").asText()).isEqualTo("hospital");
    assertThat(independent.get("classification").asText()).isEqualTo("independent");
    assertThat(independent.get("is_compounding").asBoolean()).isTrue();
    assertThat(mall.get("classification").asText()).isEqualTo("not_a_pharmacy");
    assertThat(answer(ask("Name: CVS Pharmacy. Categories: Pharmacy"))).isEqualTo(chain);
    assertThat(fake.calls()).isEqualTo(5);
  }

  @Test
  void answersInTheOpenAiShape() {
    start(LlmFaults.none());
    JsonNode body = SandboxHttp.json(ask("Name: Rossi Pharmacy"));

    assertThat(body.get("object").asText()).isEqualTo("chat.completion");
    assertThat(body.get("model").asText()).isEqualTo("sonar");
    assertThat(body.at("/choices/0/message/role").asText()).isEqualTo("assistant");
    assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
  }

  @Test
  void replyMayBeProseInsteadOfJson() {
    start(LlmFaults.none().withNotJson(1));
    String content =
        SandboxHttp.json(ask("Name: Rossi Pharmacy")).at("/choices/0/message/content").asText();

    assertThat(content).startsWith("Based on the name");
  }

  @Test
  void replyMayLackAKey() throws Exception {
    start(LlmFaults.none().withMissingKey(1));

    assertThat(answer(ask("Name: Rossi Pharmacy")).has("confidence")).isFalse();
    assertThat(answer(ask("Name: Rossi Pharmacy")).has("confidence")).isTrue();
  }

  @Test
  void replyMayComeInACodeFence() {
    start(LlmFaults.none().withFencedJson(true));
    String content =
        SandboxHttp.json(ask("Name: Rossi Pharmacy")).at("/choices/0/message/content").asText();

    assertThat(content).startsWith("```json\n{").endsWith("\n```");
  }

  @Test
  void rateLimitAnswers429WithRetryAfter() {
    start(LlmFaults.none().withRateLimited(1, 9));
    HttpResponse<String> limited = ask("Name: Rossi Pharmacy");

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("9");
    assertThat(SandboxHttp.json(limited).at("/error/code").asText())
        .isEqualTo("rate_limit_exceeded");
    assertThat(ask("Name: Rossi Pharmacy").statusCode()).isEqualTo(200);
  }

  @Test
  void wrongKeyAnswers401WithoutEchoingIt() {
    start(LlmFaults.none());
    HttpResponse<String> answer =
        http.post("/chat/completions", Map.of("Authorization", "Bearer sk-leaked"), request("x"));

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(SandboxHttp.json(answer).at("/error/code").asText()).isEqualTo("invalid_api_key");
    assertThat(answer.body()).doesNotContain("sk-leaked");
  }

  @Test
  void serverErrorThenSuccessAlsoOnTheV1Path() {
    start(LlmFaults.none().withCommon(CommonFaults.none().withServerErrors(1)));
    HttpResponse<String> failed = ask("Name: Rossi Pharmacy");

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(SandboxHttp.json(failed).at("/error/type").asText()).isEqualTo("server_error");
    assertThat(http.post("/v1/chat/completions", AUTH, request("x")).statusCode()).isEqualTo(200);
    assertThat(fake.completions()).isEqualTo(1);
  }
}
