package io.trawl.activities.providers.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.failure.ApplicationFailure;
import io.trawl.sandbox.CommonFaults;
import io.trawl.sandbox.llm.FakeLlm;
import io.trawl.sandbox.llm.LlmFaults;
import io.trawl.workflows.common.Failures;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class LlmClientTest {
  private static final String KEY = "pplx-secret-0123";
  private static final String CVS =
      "Name: CVS Pharmacy\nAddress: 1 Market St\nCategories: Pharmacy";
  private static final String ROSSI = "Name: Rossi Compounding Pharmacy\nCategories: Pharmacy";

  private FakeLlm fake;
  private LlmClient client;

  private void start(LlmFaults faults) {
    fake = new FakeLlm(KEY, faults).start();
    client = new LlmClient(new LlmConfig(fake.baseUrl(), KEY));
  }

  @AfterEach
  void stop() {
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void classifiesAPlaceFromTheJsonReply() {
    start(LlmFaults.none());

    LlmClassification chain = client.classify("sonar", CVS);
    LlmClassification independent = client.classify("sonar", ROSSI);

    assertThat(chain.classification()).isEqualTo("chain");
    assertThat(chain.confidence()).isBetween(0.0, 1.0);
    assertThat(independent.classification()).isEqualTo("independent");
    assertThat(independent.isCompounding()).isTrue();
    assertThat(fake.calls()).isEqualTo(2);
  }

  @Test
  void readsJsonInsideACodeFence() {
    start(LlmFaults.none().withFencedJson(true));

    assertThat(client.classify("sonar", CVS).classification()).isEqualTo("chain");
  }

  @Test
  void proseReplyIsValidationFailedNotJson() {
    start(LlmFaults.none().withNotJson(1));

    ApplicationFailure failure = failure(() -> client.classify("sonar", CVS));

    assertThat(failure.getType()).isEqualTo(Failures.VALIDATION_FAILED);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getDetails().get(0, String.class)).isEqualTo("llm-reply-not-json");
    assertThat(failure.getOriginalMessage()).startsWith("LLM reply is not JSON: Based on the name");
  }

  @Test
  void replyMissingAKeyIsValidationFailedNamingTheKey() {
    start(LlmFaults.none().withMissingKey(1));

    ApplicationFailure failure = failure(() -> client.classify("sonar", CVS));

    assertThat(failure.getType()).isEqualTo(Failures.VALIDATION_FAILED);
    assertThat(failure.getDetails().get(0, String.class)).isEqualTo("llm-reply-invalid");
    assertThat(failure.getOriginalMessage()).isEqualTo("LLM reply lacks the key \"confidence\"");
  }

  @Test
  void rateLimitCarriesRetryAfter() {
    start(LlmFaults.none().withRateLimited(1, 9));

    ApplicationFailure failure = failure(() -> client.classify("sonar", CVS));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_RATE_LIMITED);
    assertThat(failure.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(9));
    assertThat(failure.getOriginalMessage())
        .isEqualTo(
            "LLM answered 429 to POST /chat/completions: rate_limit_exceeded: Rate limit reached"
                + " for requests");
  }

  @Test
  void badKeyIsFinalAndNamesTheVariableNotTheKey() {
    start(LlmFaults.none());
    LlmClient wrong = new LlmClient(new LlmConfig(fake.baseUrl(), "pplx-wrong-9999"));

    ApplicationFailure failure = failure(() -> wrong.classify("sonar", CVS));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_REJECTED);
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .contains("401")
        .endsWith("; check LLM_API_KEY")
        .doesNotContain("pplx-wrong-9999");
  }

  @Test
  void serverErrorsAreUnavailable() {
    start(
        LlmFaults.none()
            .withCommon(CommonFaults.none().withServerErrors(1).withGatewayErrors(1, 503)));

    ApplicationFailure internal = failure(() -> client.classify("sonar", CVS));
    ApplicationFailure gateway = failure(() -> client.classify("sonar", CVS));

    assertThat(internal.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(gateway.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(client.classify("sonar", CVS).classification()).isEqualTo("chain");
  }

  @Test
  void truncatedCompletionIsUnavailable() {
    start(LlmFaults.none().withCommon(CommonFaults.none().withTruncatedJson(1)));

    ApplicationFailure failure = failure(() -> client.classify("sonar", CVS));

    assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE);
    assertThat(failure.getOriginalMessage()).contains("without choices[0].message.content");
  }

  private static ApplicationFailure failure(ThrowingCallable call) {
    ApplicationFailure failure = catchThrowableOfType(ApplicationFailure.class, call);
    assertThat(failure).as("expected an ApplicationFailure").isNotNull();
    return failure;
  }
}
