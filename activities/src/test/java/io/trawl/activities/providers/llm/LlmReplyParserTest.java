package io.trawl.activities.providers.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

class LlmReplyParserTest {

  @Test
  void readsTheObjectInsideSurroundingText() {
    LlmClassification answer =
        LlmReplyParser.parse(
            "Sure!"
                + " {\"classification\":\"Hospital\",\"is_compounding\":\"false\",\"confidence\":\"0.8\"}");

    assertThat(answer.classification()).isEqualTo("hospital");
    assertThat(answer.isCompounding()).isFalse();
    assertThat(answer.confidence()).isEqualTo(0.8);
    assertThat(answer.explanation()).isNull();
  }

  @Test
  void unknownLabelIsRefused() {
    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () ->
                LlmReplyParser.parse(
                    "{\"classification\":\"grocery\",\"is_compounding\":false,\"confidence\":0.5}"));

    assertThat(failure.getOriginalMessage()).contains("\"grocery\"");
  }

  @Test
  void confidenceOutOfRangeIsRefused() {
    ApplicationFailure failure =
        catchThrowableOfType(
            ApplicationFailure.class,
            () ->
                LlmReplyParser.parse(
                    "{\"classification\":\"chain\",\"is_compounding\":false,\"confidence\":95}"));

    assertThat(failure.getOriginalMessage()).contains("confidence 95");
  }
}
