package io.trawl.activities.providers;

import static io.trawl.activities.fuzz.BadInput.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.activities.fuzz.BadInput;
import io.trawl.activities.fuzz.Generator;
import io.trawl.activities.fuzz.Generators;
import io.trawl.activities.fuzz.Tries;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The text helpers every provider client runs on a provider's answer and headers: whatever arrives,
 * they give a short one-line excerpt and a Retry-After or null, never an exception.
 */
class ResponseTextFuzzTest {
  private static final Instant NOW = Instant.parse("2025-01-10T21:05:00Z");

  private static Generator<String> headers() {
    return Generators.oneOf(
        BadInput.text(),
        Generators.strings("0123456789", 1, 40),
        Generators.elements(
            "99999999999999999999",
            "9223372036854775807",
            "-1",
            "\u0661\u0662",
            "Fri, 31 Dec 9999 23:59:59 GMT",
            "Mon, 01 Jan 0001 00:00:00 GMT",
            "Wed, 21 Oct 2015 07:28:00 GMT"));
  }

  @Test
  void excerptsAreOneShortLineOfAnyBody() {
    Tries.forAll(
        "excerptsAreOneShortLineOfAnyBody",
        300,
        headers(),
        body -> {
          String excerpt = within(() -> ResponseText.excerpt(body));

          assertThat(excerpt).doesNotContain("\n").hasSizeLessThanOrEqualTo(260);
        });
  }

  @Test
  void retryAfterIsADurationOrNullForAnyHeader() {
    Tries.forAll(
        "retryAfterIsADurationOrNullForAnyHeader",
        300,
        headers(),
        header -> {
          Duration wait = within(() -> ResponseText.retryAfter(header, NOW));

          assertThat(wait)
              .satisfiesAnyOf(
                  w -> assertThat(w).isNull(), w -> assertThat(w.isNegative()).isFalse());
        });
  }
}
