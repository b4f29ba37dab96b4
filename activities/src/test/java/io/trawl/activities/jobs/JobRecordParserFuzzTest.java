package io.trawl.activities.jobs;

import static io.trawl.activities.fuzz.BadInput.within;
import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.activities.fuzz.BadInput;
import io.trawl.activities.fuzz.Generator;
import io.trawl.activities.fuzz.Generators;
import io.trawl.activities.fuzz.Tries;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bright Data records from the fuzzer: the record parser's contract is to classify every text as a
 * posting, a provider error or a malformed record, so any exception at all is a bug.
 */
class JobRecordParserFuzzTest {
  private static final Instant RECEIVED = Instant.parse("2025-01-01T00:00:00Z");
  private static final String ERROR_RECORD =
      "{\"error\":\"Page not found\",\"error_code\":\"dead_page\",\"input\":{\"url\":\"x\"}}";

  private final JobRecordParser parser = new JobRecordParser();

  private static Generator<String> records() {
    return BadInput.malformedJson(List.of(JobRecordParserTest.SAMPLE, ERROR_RECORD));
  }

  private static Generator<String> fieldText() {
    return Generators.oneOf(
        BadInput.text(),
        Generators.elements(
            "99999999999999999999 days ago",
            "9223372036854775807 years ago",
            "99999999999 weeks ago",
            "reposted 1000000000000 months ago",
            "+999999999-12-31",
            "-999999999-01-01T00:00:00",
            "+1000000000-01-01T00:00:00Z"),
        Generators.longs().map(n -> n + " years ago"));
  }

  @Test
  void everyRecordTextIsClassifiedWithoutAnException() {
    Tries.forAll(
        "everyRecordTextIsClassifiedWithoutAnException",
        500,
        records(),
        raw -> {
          ParsedRecord parsed = within(() -> parser.parse(raw, RECEIVED));

          assertThat(parsed).isNotNull();
        });
  }

  @Test
  void postedDatesNeverThrowOnAnyText() {
    Tries.forAll(
        "postedDatesNeverThrowOnAnyText",
        300,
        fieldText(),
        text -> {
          within(() -> PostedDates.fromRelative(text, RECEIVED));
          within(() -> PostedDates.fromRelative(text, Instant.MIN));
          within(() -> PostedDates.parseIso(text));
        });
  }

  private record Place(String location, String country) {}

  @Test
  void locationsAndNamesNeverThrowOnAnyText() {
    Tries.forAll(
        "locationsAndNamesNeverThrowOnAnyText",
        300,
        Generators.combine(fieldText(), fieldText(), Place::new),
        place -> {
          String location = place.location();
          within(() -> LocationParser.parse(location, place.country()));
          within(() -> CompanyNames.key(location));
          within(() -> CompanyNames.displayName(location));
          within(() -> JobNormalizer.urlWithoutQuery(location));
          within(() -> JobNormalizer.paragraphs(location));
        });
  }
}
