package io.trawl.activities.jobs;

import static io.trawl.activities.fuzz.BadInput.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.activities.fuzz.BadInput;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Bright Data records from the fuzzer: the record parser's contract is to classify every text as a
 * posting, a provider error or a malformed record, so any exception at all is a bug.
 */
class JobRecordParserFuzzTest {
  private static final Instant RECEIVED = Instant.parse("2025-01-01T00:00:00Z");
  private static final String ERROR_RECORD =
      "{\"error\":\"Page not found\",\"error_code\":\"dead_page\",\"input\":{\"url\":\"x\"}}";

  private final JobRecordParser parser = new JobRecordParser();

  @Provide
  Arbitrary<String> records() {
    return BadInput.malformedJson(List.of(JobRecordParserTest.SAMPLE, ERROR_RECORD));
  }

  @Provide
  Arbitrary<String> fieldText() {
    return Arbitraries.oneOf(
        BadInput.text(),
        Arbitraries.of(
            "99999999999999999999 days ago",
            "9223372036854775807 years ago",
            "99999999999 weeks ago",
            "reposted 1000000000000 months ago",
            "+999999999-12-31",
            "-999999999-01-01T00:00:00",
            "+1000000000-01-01T00:00:00Z"),
        Arbitraries.longs().map(n -> n + " years ago"));
  }

  @Property(tries = 500)
  void everyRecordTextIsClassifiedWithoutAnException(@ForAll("records") String raw) {
    ParsedRecord parsed = within(() -> parser.parse(raw, RECEIVED));

    assertThat(parsed).isNotNull();
  }

  @Property(tries = 300)
  void postedDatesNeverThrowOnAnyText(@ForAll("fieldText") String text) {
    within(() -> PostedDates.fromRelative(text, RECEIVED));
    within(() -> PostedDates.fromRelative(text, Instant.MIN));
    within(() -> PostedDates.parseIso(text));
  }

  @Property(tries = 300)
  void locationsAndNamesNeverThrowOnAnyText(
      @ForAll("fieldText") String location, @ForAll("fieldText") String country) {
    within(() -> LocationParser.parse(location, country));
    within(() -> CompanyNames.key(location));
    within(() -> CompanyNames.displayName(location));
    within(() -> JobNormalizer.urlWithoutQuery(location));
    within(() -> JobNormalizer.paragraphs(location));
  }
}
