package io.trawl.sandbox.brightdata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trawl.sandbox.brightdata.FakeBrightData.Faults;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FakeBrightDataUniverseTest {
  private static final Pattern URL_ID = Pattern.compile("-(\\d+)\\?lg=en$");
  private static final Instant MORNING = Instant.parse("2025-03-10T08:00:00Z");

  private final MutableClock clock = new MutableClock(MORNING);
  private FakeBrightData fake;
  private BrightDataHttp http;

  @BeforeEach
  void start() {
    fake = new FakeBrightData(clock, Faults.none()).start();
    http = new BrightDataHttp(fake);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void sameRequestOnSameDayGivesIdenticalBytes() {
    String first = download("Data Engineer", "Netherlands", "Past month");
    clock.advance(Duration.ofHours(9));
    String later = download("Data Engineer", "Netherlands", "Past month");

    assertThat(later).isEqualTo(first);
  }

  @Test
  void keywordAndLocationAreNormalizedBeforeSeeding() {
    Set<String> canonical = ids(http.records("Data Engineer", "Netherlands", "Past week"));
    Set<String> sloppy = ids(http.records(" data  ENGINEER ", "netherlands", "PAST WEEK"));

    assertThat(sloppy).isEqualTo(canonical);
  }

  @Test
  void anotherFakeWithTheSameDayServesTheSameUniverse() {
    String here = download("Data Engineer", "Netherlands", "Past week");
    try (FakeBrightData other = new FakeBrightData(clock, Faults.none()).start()) {
      BrightDataHttp there = new BrightDataHttp(other);
      String id = there.triggerOk("Data Engineer", "Netherlands", "Past week");
      there.awaitReady(id);
      assertThat(there.download(id, "ndjson").body()).isEqualTo(here);
    }
  }

  @Test
  void pastMonthReturnsAboutOneHundredFiftyRecords() {
    List<JsonNode> records = http.records("Data Engineer", "Netherlands", "Past month");

    assertThat(records).hasSizeBetween(120, 180);
  }

  @Test
  void narrowerRangesReturnFewerPostings() {
    int day = ids(http.records("Data Engineer", "Netherlands", "Past 24 hours")).size();
    int week = ids(http.records("Data Engineer", "Netherlands", "Past week")).size();
    int month = ids(http.records("Data Engineer", "Netherlands", "Past month")).size();
    int any = ids(http.records("Data Engineer", "Netherlands", "Any time")).size();

    assertThat(day).isBetween(3, 7);
    assertThat(week).isBetween(25, 45);
    assertThat(month).isGreaterThan(week);
    assertThat(any).isGreaterThan(month);
  }

  @Test
  void aDayLaterNewPostingsAppearAndOldOnesRetire() {
    Set<String> today = ids(http.records("Data Engineer", "Netherlands", "Any time"));
    clock.advance(Duration.ofDays(1));
    Set<String> tomorrow = ids(http.records("Data Engineer", "Netherlands", "Any time"));

    assertThat(difference(tomorrow, today)).hasSizeBetween(4, 6);
    assertThat(difference(today, tomorrow)).isNotEmpty();
  }

  @Test
  void aPostingKeepsItsContentAcrossRequestsAndDays() {
    Map<String, JsonNode> today = byId(http.records("Data Engineer", "Netherlands", "Past week"));
    Map<String, JsonNode> month = byId(http.records("Data Engineer", "Netherlands", "Past month"));
    clock.advance(Duration.ofDays(1));
    Map<String, JsonNode> tomorrow =
        byId(http.records("Data Engineer", "Netherlands", "Past month"));

    assertThat(today).isNotEmpty();
    for (String id : today.keySet()) {
      if (month.containsKey(id)) {
        assertThat(stable(month.get(id))).isEqualTo(stable(today.get(id)));
      }
      if (tomorrow.containsKey(id)) {
        assertThat(stable(tomorrow.get(id)).get("company_name"))
            .isEqualTo(stable(today.get(id)).get("company_name"));
      }
    }
  }

  @Test
  void somePostingsChangeTitleOverTheDays() {
    Map<String, JsonNode> first = byId(http.records("Data Engineer", "Netherlands", "Past month"));
    int changed = 0;
    for (int day = 0; day < 7; day++) {
      clock.advance(Duration.ofDays(1));
      Map<String, JsonNode> next = byId(http.records("Data Engineer", "Netherlands", "Past month"));
      for (Map.Entry<String, JsonNode> e : next.entrySet()) {
        JsonNode before = first.get(e.getKey());
        if (before != null
            && before.path("job_title").isTextual()
            && e.getValue().path("job_title").isTextual()
            && !before.path("job_title").equals(e.getValue().path("job_title"))) {
          changed++;
        }
      }
    }
    assertThat(changed).isPositive();
  }

  @Test
  void recordsLookLikeTheProvidersSample() {
    List<JsonNode> records = http.records("Data Engineer", "Netherlands", "Past month");
    JsonNode record = records.stream().filter(r -> isWellFormed(r)).findFirst().orElseThrow();

    assertThat(record.get("url").asText())
        .startsWith("https://www.linkedin.com/jobs/view/")
        .endsWith(record.get("job_posting_id").asText() + "?lg=en");
    assertThat(record.get("job_posting_id").asText()).matches("\\d{10}");
    assertThat(record.get("job_title").asText()).containsIgnoringCase("Data Engineer");
    assertThat(record.get("country_code").asText()).isEqualTo("NL");
    assertThat(record.get("job_location").asText()).contains("Netherlands");
    assertThat(record.get("job_posted_time").asText())
        .matches("\\d+ (minute|hour|day|week|month)s? ago");
    assertThat(record.get("base_salary").has("min_amount")).isTrue();
    assertThat(record.get("discovery_input").get("time_range").asText()).isEqualTo("Past month");
    assertThat(record.get("input").get("url").asText()).doesNotContain("?lg=en");
    assertThat(record.get("timestamp").asText()).startsWith("2025-03-10T");
  }

  @Test
  void batchCarriesDuplicatesMalformedAndErrorRecords() {
    List<JsonNode> records = http.records("Data Engineer", "Netherlands", "Past month");
    List<JsonNode> errors = records.stream().filter(r -> r.has("error_code")).toList();
    List<JsonNode> content = records.stream().filter(r -> !r.has("error_code")).toList();
    long malformed = content.stream().filter(r -> !isWellFormed(r)).count();
    Map<String, Long> perId =
        content.stream()
            .filter(r -> r.path("job_posting_id").isTextual())
            .collect(
                Collectors.groupingBy(
                    r -> r.get("job_posting_id").asText(), Collectors.counting()));

    assertThat(errors)
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.get("error_code").asText()).isEqualTo("dead_page");
              assertThat(e.has("job_title")).isFalse();
            });
    assertThat(malformed).isBetween(2L, 8L);
    assertThat(perId.values().stream().filter(n -> n > 1).count()).isBetween(1L, 6L);
  }

  @Test
  void someEmployersAppearUnderSeveralSpellings() {
    List<JsonNode> records = http.records("Data Engineer", "Netherlands", "Any time");
    Map<String, Set<String>> spellings = new HashMap<>();
    for (JsonNode r : records) {
      if (r.path("company_name").isTextual()) {
        spellings
            .computeIfAbsent(r.get("company_id").asText(), k -> new HashSet<>())
            .add(r.get("company_name").asText());
      }
    }
    assertThat(spellings.values().stream().filter(s -> s.size() > 1).count()).isGreaterThan(2);
  }

  @Test
  void differentSearchesHaveDifferentUniverses() {
    Set<String> engineers = ids(http.records("Data Engineer", "Netherlands", "Past week"));
    Set<String> analysts = ids(http.records("Data Analyst", "Netherlands", "Past week"));

    assertThat(engineers).doesNotContainAnyElementsOf(analysts);
  }

  private String download(String keyword, String location, String range) {
    String id = http.triggerOk(keyword, location, range);
    http.awaitReady(id);
    return http.download(id, "ndjson").body();
  }

  private static boolean isWellFormed(JsonNode r) {
    if (!r.path("job_posting_id").isTextual() || !r.path("job_title").isTextual()) {
      return false;
    }
    if (!r.path("job_num_applicants").isInt() || !r.path("job_location").isTextual()) {
      return false;
    }
    try {
      OffsetDateTime.parse(r.path("job_posted_date").asText());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Posting ids taken from the url, which even a record missing job_posting_id still has. */
  private static Set<String> ids(List<JsonNode> records) {
    Set<String> ids = new HashSet<>();
    for (JsonNode r : records) {
      Matcher m = URL_ID.matcher(r.path("url").asText());
      if (m.find()) {
        ids.add(m.group(1));
      }
    }
    return ids;
  }

  /** Well-formed records by id; which records are malformed differs between batches. */
  private static Map<String, JsonNode> byId(List<JsonNode> records) {
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode r : records) {
      if (isWellFormed(r)) {
        byId.putIfAbsent(r.get("job_posting_id").asText(), r);
      }
    }
    return byId;
  }

  /** The record without the fields that legitimately differ between requests. */
  private static JsonNode stable(JsonNode record) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = record.deepCopy();
    copy.remove(
        List.of("discovery_input", "input", "timestamp", "job_posted_time", "job_posted_date"));
    return copy;
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> result = new HashSet<>(a);
    result.removeAll(b);
    return result;
  }
}
