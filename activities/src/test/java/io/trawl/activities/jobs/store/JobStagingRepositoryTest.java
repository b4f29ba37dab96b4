package io.trawl.activities.jobs.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trawl.workflows.jobs.DateRange;
import io.trawl.workflows.jobs.DateRangeChoice;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JobStagingRepositoryTest {
  @RegisterExtension
  static PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  private JobStagingRepository staging;
  private long runId;

  @BeforeEach
  void setUp() {
    staging = new JobStagingRepository(db.getTestDatabase());
    runId =
        new ScrapeRunRepository(db.getTestDatabase())
            .openRun(
                "jobs-scrape/staging",
                UUID.randomUUID().toString(),
                "Data Engineer",
                "Staging Town",
                new DateRangeChoice(DateRange.PAST_WEEK, 7, "test"),
                "sandbox");
  }

  @Test
  void keepsAwkwardRecordsVerbatim() {
    List<String> awkward =
        List.of(
            "{\"q\":\"a \\\"quoted\\\" word, and a comma\"}",
            "line one\nline two\r\nline three",
            "\\.",
            "back\\slash \\N and \\t",
            "",
            "Café ✓ 🚀",
            "not json at all, \"unbalanced");

    staging.replace(runId, stage -> stageAll(awkward, stage));

    assertThat(staging.rawRecords(runId)).containsExactlyElementsOf(awkward);
  }

  @Test
  void nulCharacterIsKeptAsItsJsonEscape() {
    staging.replace(runId, stage -> stageAll(List.of("{\"a\":\"x\0y\"}"), stage));

    assertThat(staging.rawRecords(runId)).containsExactly("{\"a\":\"x\\u0000y\"}");
  }

  @Test
  void replacingTwiceKeepsOnlyTheSecondBatch() {
    staging.replace(runId, stage -> stageAll(List.of("a", "b", "c"), stage));
    JobStagingRepository.Replaced<String> second =
        staging.replace(runId, stage -> stageAll(List.of("d", "e"), stage));

    assertThat(second.rows()).isEqualTo(2);
    assertThat(second.result()).isEqualTo("done");
    assertThat(staging.rawRecords(runId)).containsExactly("d", "e");
  }

  @Test
  void failingLoaderLeavesTheEarlierBatchInPlace() {
    staging.replace(runId, stage -> stageAll(List.of("a", "b"), stage));

    assertThatThrownBy(
            () ->
                staging.replace(
                    runId,
                    stage -> {
                      stage.accept("half");
                      throw new IllegalStateException("provider cut the body");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("provider cut the body");
    assertThat(staging.rawRecords(runId)).containsExactly("a", "b");
  }

  @Test
  void manyRecordsStreamThroughSeveralCopyBuffers() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      many.add("{\"i\":" + i + ",\"pad\":\"" + "x".repeat(40) + "\"}");
    }

    JobStagingRepository.Replaced<String> staged =
        staging.replace(runId, stage -> stageAll(many, stage));

    assertThat(staged.rows()).isEqualTo(5_000);
    assertThat(staging.count(runId)).isEqualTo(5_000);
    assertThat(staging.rawRecords(runId)).containsExactlyElementsOf(many);
  }

  @Test
  void emptyLoaderClearsTheRun() {
    staging.replace(runId, stage -> stageAll(List.of("a"), stage));

    JobStagingRepository.Replaced<String> empty = staging.replace(runId, stage -> "none");

    assertThat(empty.rows()).isZero();
    assertThat(staging.count(runId)).isZero();
  }

  private static String stageAll(List<String> records, Consumer<String> stage) {
    records.forEach(stage);
    return "done";
  }
}
