package io.trawl.activities.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.trawl.workflows.jobs.ScrapeRunResult;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A scheduled run held back by the interval guard is still a row, with its reason. */
class ScrapeRunSkippedTest {
  @RegisterExtension
  static PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @Test
  void recordsASkippedRunWithItsReasonOnceAcrossRetries() {
    ScrapeRunRepository runs = new ScrapeRunRepository(db.getTestDatabase());
    String temporalRunId = UUID.randomUUID().toString();
    String reason = "last completed run 1h 0m ago is younger than the 6 h minimum interval";

    long first =
        runs.recordSkipped("wf-skip", temporalRunId, "Data Engineer", "Netherlands", reason);
    long retried =
        runs.recordSkipped("wf-skip", temporalRunId, "Data Engineer", "Netherlands", reason);

    assertThat(retried).isEqualTo(first);
    ScrapeRunRow row =
        runs.recent(1000).stream().filter(r -> r.id() == first).findFirst().orElseThrow();
    assertThat(row.status()).isEqualTo("skipped");
    assertThat(row.finishedAt()).isNotNull();
    assertThat(row.error()).isNull();
    assertThat(row.metadata()).contains("\"skip_reason\": \"" + reason + "\"");
    ScrapeRunResult result = runs.find(first).orElseThrow();
    assertThat(result.skipped()).isTrue();
    assertThat(runs.lastCompletedStart("Data Engineer", "Netherlands")).isEmpty();
  }
}
