package io.trawl.workflows.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.DefaultDataConverter;
import io.trawl.workflows.etl.EtlBatchRequest;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlSourceRequest;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.lifecycle.JobLifecycleRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A workflow input typed into the Web UI's "Start Workflow" form (or {@code temporal workflow start
 * --input}) is plain JSON that leaves out whatever it can: every request record reads the missing
 * fields as their defaults, and a missing required field fails with its name.
 */
class PlainJsonInputTest {
  private static final DataConverter CONVERTER = DefaultDataConverter.newDefaultInstance();

  @Test
  void aScrapeRequestWithOnlyQueryAndLocationIsAManualRunWithTheDefaults() {
    ScrapeRequest request = decode(ScrapeRequest.EXAMPLE, ScrapeRequest.class);

    assertThat(request).isEqualTo(ScrapeRequest.of("Data Engineer", "Germany"));
    assertThat(request.scheduled()).isFalse();
    assertThat(request.pollDeadline()).isEqualTo(ScrapeRequest.DEFAULT_POLL_DEADLINE);
    assertThat(request.minIntervalHours()).isEqualTo(ScrapeRequest.DEFAULT_MIN_INTERVAL_HOURS);
    assertThat(request.lookbackDays()).isNull();
  }

  @Test
  void aScrapeRequestReadsAPollDeadlineWrittenAsAnIsoDuration() {
    ScrapeRequest request =
        decode(
            "{\"query\":\"Data Engineer\",\"location\":\"Germany\",\"pollDeadline\":\"PT30M\"}",
            ScrapeRequest.class);

    assertThat(request.pollDeadline()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aScrapeRequestWithoutAQueryFailsNamingTheField() {
    assertThatThrownBy(() -> decode("{\"location\":\"Germany\"}", ScrapeRequest.class))
        .isInstanceOf(DataConverterException.class)
        .hasMessageContaining("query is missing, e.g. " + ScrapeRequest.EXAMPLE);
  }

  @Test
  void anEmptyLifecycleRequestIsTheDefaultRun() {
    assertThat(decode("{}", JobLifecycleRequest.class)).isEqualTo(JobLifecycleRequest.defaults());
  }

  @Test
  void anEtlSourceRequestNeedsOnlyTheSourcesIdUrlFormatAndTarget() {
    EtlSourceRequest request = decode(EtlSourceRequest.EXAMPLE, EtlSourceRequest.class);

    EtlSource source = request.source();
    assertThat(source.id()).isEqualTo("cbs-population");
    assertThat(source.format()).isEqualTo(EtlFormat.GZIP);
    assertThat(source.maxBytes()).isEqualTo(EtlSource.DEFAULT_MAX_BYTES);
    assertThat(source.headers()).isEmpty();
    assertThat(source.sha256()).isNull();
    assertThat(request.forceRefresh()).isFalse();
    assertThat(request.dryRun()).isFalse();
  }

  @Test
  void anEtlSourceWithoutATargetFailsNamingTheField() {
    assertThatThrownBy(
            () ->
                decode(
                    "{\"source\":{\"id\":\"a\",\"url\":\"https://x/a.csv\",\"format\":\"csv\"}}",
                    EtlSourceRequest.class))
        .isInstanceOf(DataConverterException.class)
        .hasMessageContaining("source a: target is empty");
  }

  @Test
  void anEtlBatchWithOnlySourcesRunsAtTheDefaultConcurrency() {
    EtlBatchRequest request = decode(EtlBatchRequest.EXAMPLE, EtlBatchRequest.class);

    assertThat(request.sources()).extracting(EtlSource::id).containsExactly("cbs-population");
    assertThat(request.concurrency()).isEqualTo(EtlBatchRequest.DEFAULT_CONCURRENCY);
  }

  @Test
  void etlRequestsWrittenByTrawlStillRoundTrip() {
    EtlSource source =
        new EtlSource(
            "a", "https://x/a.gz", EtlFormat.GZIP, null, 1024, "a/a.gz", Map.of("X-Key", "v"));
    EtlBatchRequest batch = new EtlBatchRequest(List.of(source), true, false, 2);

    Payload payload = CONVERTER.toPayload(batch).orElseThrow();

    assertThat(payload.getData().toStringUtf8()).contains("\"GZIP\"").contains("\"maxBytes\":1024");
    assertThat(CONVERTER.fromPayload(payload, EtlBatchRequest.class, EtlBatchRequest.class))
        .isEqualTo(batch);
  }

  private static <T> T decode(String json, Class<T> type) {
    Payload payload =
        Payload.newBuilder()
            .putMetadata("encoding", ByteString.copyFrom("json/plain", StandardCharsets.UTF_8))
            .setData(ByteString.copyFrom(json, StandardCharsets.UTF_8))
            .build();
    return CONVERTER.fromPayload(payload, type, type);
  }
}
