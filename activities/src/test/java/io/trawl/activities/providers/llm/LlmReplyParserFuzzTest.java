package io.trawl.activities.providers.llm;

import static io.trawl.activities.fuzz.BadInput.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.fuzz.BadInput;
import io.trawl.activities.fuzz.Generator;
import io.trawl.activities.fuzz.Generators;
import io.trawl.activities.fuzz.Tries;
import io.trawl.workflows.common.Failures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LLM replies from the fuzzer: a classification or a {@code ValidationFailed}, nothing else. */
class LlmReplyParserFuzzTest {
  private static final String REPLY =
      "{\"classification\":\"independent\",\"is_compounding\":false,\"confidence\":0.9,"
          + "\"explanation\":\"A single-location pharmacy.\"}";

  private static Generator<String> replies() {
    return Generators.oneOf(
        BadInput.malformedJson(List.of(REPLY)),
        BadInput.malformedJson(List.of(REPLY))
            .map(r -> "Sure! ```json\n" + r + "\n``` Hope it helps"));
  }

  @Test
  void aReplyIsAClassificationOrValidationFailed() {
    Tries.forAll(
        "aReplyIsAClassificationOrValidationFailed",
        400,
        replies(),
        LlmReplyParserFuzzTest::isAClassificationOrValidationFailed);
  }

  private static void isAClassificationOrValidationFailed(String content) {
    Throwable thrown = catchThrowable(() -> within(() -> LlmReplyParser.parse(content)));

    assertThat(thrown)
        .satisfiesAnyOf(
            t -> assertThat(t).isNull(),
            t ->
                assertThat(t)
                    .isInstanceOfSatisfying(
                        ApplicationFailure.class,
                        f -> assertThat(f.getType()).isEqualTo(Failures.VALIDATION_FAILED)));
  }
}
