package io.trawl.activities.providers;

import static io.trawl.activities.fuzz.BadInput.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.activities.fuzz.BadInput;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The text helpers every provider client runs on a provider's answer and headers: whatever arrives,
 * they give a short one-line excerpt and a Retry-After or null, never an exception.
 */
class ResponseTextFuzzTest {
  private static final Instant NOW = Instant.parse("2025-01-10T21:05:00Z");

  @Provide
  Arbitrary<String> headers() {
    return Arbitraries.oneOf(
        BadInput.text(),
        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(40),
        Arbitraries.of(
            "99999999999999999999",
            "9223372036854775807",
            "-1",
            "\u0661\u0662",
            "Fri, 31 Dec 9999 23:59:59 GMT",
            "Mon, 01 Jan 0001 00:00:00 GMT",
            "Wed, 21 Oct 2015 07:28:00 GMT"));
  }

  @Property(tries = 300)
  void excerptsAreOneShortLineOfAnyBody(@ForAll("headers") String body) {
    String excerpt = within(() -> ResponseText.excerpt(body));

    assertThat(excerpt).doesNotContain("\n").hasSizeLessThanOrEqualTo(260);
  }

  @Property(tries = 300)
  void retryAfterIsADurationOrNullForAnyHeader(@ForAll("headers") String header) {
    Duration wait = within(() -> ResponseText.retryAfter(header, NOW));

    assertThat(wait)
        .satisfiesAnyOf(w -> assertThat(w).isNull(), w -> assertThat(w.isNegative()).isFalse());
  }
}
