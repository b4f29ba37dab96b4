package io.trawl.workflows.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every record that crosses Temporal survives its data converter: a helper named like a getter
 * would become a JSON property that the converter then refuses to read back.
 */
class BoundaryRecordsRoundTripTest {
  private static final DataConverter CONVERTER = DefaultDataConverter.newDefaultInstance();

  @Test
  void everyJobsBoundaryRecordRoundTripsThroughTheDataConverter() {
    List<Object> records =
        List.of(
            new ScrapeRequest("Data Engineer", "Netherlands", 3, Duration.ofMinutes(30)),
            new DateRangeChoice(DateRange.PAST_WEEK, 7, "manual"),
            new RunRef(1, "jobs-scrape/a/b", "a", "b"),
            new ProviderRef("brightdata", ProviderRef.SANDBOX),
            new SnapshotRef("s_1", true),
            new SnapshotProgress("ready", 10, 1, null),
            new StagedBatch(1, 10, 2048),
            new IngestResult(10, 5, 3, 1, 1, 0),
            new ScrapeProgress("polling", "running", 0, 2, 5),
            new ScrapeRunResult(
                1, "a", "b", "completed", 10, 5, 3, 1, 1, 2.5, "s_1", "sandbox", "Past week", null));
    for (Object record : records) {
      Object back =
          CONVERTER.fromPayloads(
              0, CONVERTER.toPayloads(record), record.getClass(), record.getClass());
      assertThat(back).isEqualTo(record);
    }
  }
}
