package io.trawl.workflows.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The scheduled flag and the notice were added to records that recorded histories already carry:
 * old payloads must still decode, and the old constructors still mean a manual run.
 */
class ScrapeRequestCompatibilityTest {
  private static final DataConverter CONVERTER = DefaultDataConverter.newDefaultInstance();

  @Test
  void theFourArgumentConstructorMakesAManualRunWithTheDefaultInterval() {
    ScrapeRequest request = new ScrapeRequest("q", "l", null, null);

    assertThat(request.scheduled()).isFalse();
    assertThat(request.minIntervalHours()).isEqualTo(6);
  }

  @Test
  void aScheduleRequestIsHeldBackByTheGivenInterval() {
    ScrapeRequest request = ScrapeRequest.forSchedule("q", "l", Duration.ofHours(1), 3);

    assertThat(request.scheduled()).isTrue();
    assertThat(request.minIntervalHours()).isEqualTo(3);
    assertThat(request.workflowId()).isEqualTo(ScrapeRequest.of("q", "l").workflowId());
  }

  @Test
  void aPayloadRecordedBeforeTheGuardDecodesAsAManualRun() {
    Payload old =
        json(
            "{\"query\":\"Data Engineer\",\"location\":\"Netherlands\",\"lookbackDays\":null,"
                + "\"pollDeadline\":7200.000000000}");

    ScrapeRequest request = CONVERTER.fromPayload(old, ScrapeRequest.class, ScrapeRequest.class);

    assertThat(request).isEqualTo(ScrapeRequest.of("Data Engineer", "Netherlands"));
  }

  @Test
  void aScheduleRequestSurvivesTheDataConverter() {
    ScrapeRequest request = ScrapeRequest.forSchedule("q", "l", Duration.ofMinutes(30), 4);

    Payload payload = CONVERTER.toPayload(request).orElseThrow();

    assertThat(CONVERTER.fromPayload(payload, ScrapeRequest.class, ScrapeRequest.class))
        .isEqualTo(request);
  }

  @Test
  void aResultRecordedBeforeTheNoticeDecodesWithoutOne() {
    ScrapeRunResult old =
        new ScrapeRunResult(
            1, "q", "l", "completed", 1, 1, 0, 0, 0, 1.0, "s", "sandbox", "Past month", null);
    Payload payload = CONVERTER.toPayload(old).orElseThrow();
    String withoutNotice = payload.getData().toStringUtf8().replace(",\"notice\":null", "");

    ScrapeRunResult decoded =
        CONVERTER.fromPayload(json(withoutNotice), ScrapeRunResult.class, ScrapeRunResult.class);

    assertThat(withoutNotice).doesNotContain("notice");
    assertThat(decoded).isEqualTo(old);
  }

  @Test
  void aSkippedResultSaysWhyInsteadOfCounts() {
    ScrapeRunResult skipped =
        new ScrapeRunResult(
                9,
                "Data Engineer",
                "Netherlands",
                "skipped",
                0,
                0,
                0,
                0,
                0,
                0,
                null,
                null,
                null,
                null)
            .withNotice("last completed run 1h 0m ago is younger than the 6 h minimum interval");

    assertThat(skipped.summary())
        .isEqualToNormalizingNewlines(
            "Scrape skipped: Data Engineer in Netherlands\n"
                + "  Reason: last completed run 1h 0m ago is younger than the 6 h minimum"
                + " interval");
  }

  @Test
  void aManualRunInsideTheIntervalSaysSoAfterItsCounts() {
    ScrapeRunResult result =
        new ScrapeRunResult(
                7,
                "Data Engineer",
                "Netherlands",
                "completed",
                150,
                25,
                10,
                3,
                2,
                45.2,
                "s_1",
                "sandbox",
                "Past month",
                null)
            .withNotice("ran inside the interval: last completed run 1h 0m ago");

    assertThat(result.summary())
        .startsWith("Scrape completed: Data Engineer in Netherlands")
        .endsWith("  Note: ran inside the interval: last completed run 1h 0m ago");
  }

  private static Payload json(String text) {
    return Payload.newBuilder()
        .putMetadata("encoding", com.google.protobuf.ByteString.copyFromUtf8("json/plain"))
        .setData(com.google.protobuf.ByteString.copyFrom(text, StandardCharsets.UTF_8))
        .build();
  }
}
