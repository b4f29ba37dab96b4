package io.trawl.activities.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostedDatesTest {
  private static final Instant SCRAPED = Instant.parse("2024-12-22T09:16:55Z");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "just now,        2024-12-22T09:16:55Z",
    "Just now,        2024-12-22T09:16:55Z",
    "30 seconds ago,  2024-12-22T09:16:25Z",
    "5 minutes ago,   2024-12-22T09:11:55Z",
    "an hour ago,     2024-12-22T08:16:55Z",
    "2 hours ago,     2024-12-22T07:16:55Z",
    "1 day ago,       2024-12-21T09:16:55Z",
    "3 days ago,      2024-12-19T09:16:55Z",
    "1 week ago,      2024-12-15T09:16:55Z",
    "2 weeks ago,     2024-12-08T09:16:55Z",
    "1 month ago,     2024-11-22T09:16:55Z",
    "3 months ago,    2024-09-23T09:16:55Z",
    "30+ days ago,    2024-11-22T09:16:55Z",
    "Reposted 2 days ago, 2024-12-20T09:16:55Z",
    "yesterday,       2024-12-21T09:16:55Z",
  })
  void countsRelativeTextBackFromTheScrapeTime(String text, Instant expected) {
    assertThat(PostedDates.fromRelative(text, SCRAPED)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "soon", "2 fortnights ago", "ago", "-1 days ago"})
  void ignoresRelativeTextItDoesNotKnow(String text) {
    assertThat(PostedDates.fromRelative(text, SCRAPED)).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2024-12-15T09:16:55.932Z,      2024-12-15T09:16:55.932Z",
    "2024-12-15T10:16:55+01:00,     2024-12-15T09:16:55Z",
    "2024-12-15T09:16:55,           2024-12-15T09:16:55Z",
    "2024-12-15,                    2024-12-15T00:00:00Z",
  })
  void readsIsoDatesInTheFormsProvidersSend(String text, Instant expected) {
    assertThat(PostedDates.parseIso(text)).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-date", "15/12/2024", "2024-13-01"})
  void refusesTextThatIsNotAnIsoDate(String text) {
    assertThat(PostedDates.parseIso(text)).isEmpty();
  }
}
