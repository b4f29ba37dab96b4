package io.trawl.worker.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.etl.store.EtlManifestRepository;
import io.trawl.activities.etl.store.EtlRunRepository;
import io.trawl.sandbox.files.DemoFiles;
import io.trawl.sandbox.files.FileFaults;
import io.trawl.sandbox.files.FileStats;
import io.trawl.worker.faults.ActivityRetries;
import io.trawl.worker.faults.ActivityRetries.Backoff;
import io.trawl.worker.faults.ActivityRetries.Retried;
import io.trawl.worker.faults.FaultOutcome;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlOutcome;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlSourceResult;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ETL pipeline under every fault the file server can inject, one row per knob, on a first
 * download of a gzip source: the run downloads, quarantines with the failed check, or fails with a
 * typed, readable error; the step the fault hits was retried a bounded number of times with at
 * least its backoff between tries; the bytes the server sent show a resume picked up where the
 * connection dropped; and no partial or staged file, target or manifest record is left by a run
 * that did not download. ETL sources are free, so the table counts GETs rather than paid calls.
 */
class EtlProviderFaultTest {
  private static final String NAME = "cbs-population.csv.gz";
  private static final byte[] GZIP = DemoFiles.all().get(NAME);
  private static final Backoff SECOND = Backoff.exponential(Duration.ofSeconds(1));

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir Path data;

  private EtlTestStack stack;

  @AfterEach
  void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  /**
   * One knob and what it must lead to.
   *
   * @param knob the fault, as a reader of the table says it
   * @param faults the file's faults
   * @param outcome DOWNLOADED, QUARANTINED or FAILED
   * @param says the failed check (quarantine) or failure type and message part (failure); null for
   *     a download
   * @param gets GET requests the server answered
   * @param retried the activity type the fault hits; null when none is retried
   * @param retries its failed tries
   * @param stats more about what the server sent; null for nothing more
   */
  record Row(
      String knob,
      FileFaults faults,
      EtlOutcome outcome,
      String says,
      long gets,
      String retried,
      int retries,
      Consumer<FileStats> stats) {
    @Override
    public String toString() {
      return knob
          + " → "
          + outcome.name().toLowerCase(java.util.Locale.ROOT)
          + (says == null ? "" : " \"" + says + "\"")
          + ", GETs "
          + gets
          + ", paid calls 0";
    }
  }

  private static FileFaults.Builder file() {
    return FileFaults.builder();
  }

  static List<Row> faults() {
    return List.of(
        new Row(
            "503 ×3, then the file",
            file().serverErrors(3).build(),
            EtlOutcome.DOWNLOADED,
            null,
            1,
            "EtlProbe",
            3,
            null),
        new Row(
            "503 on every request",
            file().serverErrors(1_000).build(),
            EtlOutcome.FAILED,
            Failures.PROVIDER_UNAVAILABLE + ": probe of etl source \"cbs\" answered 503",
            0,
            "EtlProbe",
            4,
            null),
        new Row(
            "connection reset a quarter into the body ×2",
            file().dropAfterBytes(GZIP.length / 4, 2).build(),
            EtlOutcome.DOWNLOADED,
            null,
            3,
            "EtlDownload",
            2,
            stats -> {
              assertThat(stats.partialResponses()).as("resumed with Range").isEqualTo(2);
              assertThat(stats.bodyBytes()).as("bytes sent").isEqualTo(GZIP.length);
            }),
        new Row(
            "connection reset mid-body ×1 on a server that ignores Range",
            file().dropAfterBytes(GZIP.length / 2, 1).ignoreRange(true).build(),
            EtlOutcome.DOWNLOADED,
            null,
            2,
            "EtlDownload",
            1,
            stats -> assertThat(stats.partialResponses()).isZero()),
        new Row(
            "HEAD refused with 405",
            file().refuseHead(true).build(),
            EtlOutcome.DOWNLOADED,
            null,
            2,
            null,
            0,
            null),
        new Row(
            "HEAD without ETag",
            file().omitEtagOnHead(true).build(),
            EtlOutcome.DOWNLOADED,
            null,
            1,
            null,
            0,
            null),
        new Row(
            "chunked body without Content-Length",
            file().chunked(true).build(),
            EtlOutcome.DOWNLOADED,
            null,
            1,
            null,
            0,
            null),
        new Row(
            "slow body at 1 MiB/s",
            file().bytesPerSecond(1 << 20).build(),
            EtlOutcome.DOWNLOADED,
            null,
            1,
            null,
            0,
            null),
        new Row(
            "HTML error page with 200",
            file().htmlErrorPage(true).build(),
            EtlOutcome.QUARANTINED,
            "html-page",
            1,
            null,
            0,
            null),
        new Row(
            "half the file served as a complete 200",
            file().truncateTo(GZIP.length / 2).build(),
            EtlOutcome.QUARANTINED,
            "truncated",
            1,
            null,
            0,
            null),
        new Row(
            "empty file",
            file().empty(true).build(),
            EtlOutcome.QUARANTINED,
            "empty",
            1,
            null,
            0,
            null),
        new Row(
            "corrupt bytes in the middle",
            file().corrupt(true).build(),
            EtlOutcome.QUARANTINED,
            "gzip-stream",
            1,
            null,
            0,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("faults")
  void endsAsTheTableSaysAndLeavesNothingHalfWritten(Row row) {
    stack = new EtlTestStack(db.getTestDatabase(), data, true);
    stack.files.put(NAME, GZIP);
    stack.files.faults(NAME, row.faults());
    stack.startWorker();
    EtlSource source =
        new EtlSource(
            "cbs",
            "sandbox://files/" + NAME,
            EtlFormat.GZIP,
            null,
            1 << 30,
            "cbs/" + NAME,
            Map.of());

    EtlSourceResult[] result = new EtlSourceResult[1];
    WorkflowFailedException failed =
        catchThrowableOfType(
            WorkflowFailedException.class, () -> result[0] = stack.run(source, false, false));

    if (row.outcome() == EtlOutcome.FAILED) {
      assertThat(failed).as("the run fails").isNotNull();
      ApplicationFailure failure = FaultOutcome.applicationFailure(failed);
      assertThat(failure.getType() + ": " + failure.getOriginalMessage()).startsWith(row.says());
      assertThat(new EtlRunRepository(db.getTestDatabase()).recent(1).get(0).outcome())
          .isEqualTo(EtlOutcome.FAILED);
    } else {
      assertThat(failed).as("the run fails with %s", FaultOutcome.describe(failed)).isNull();
      assertThat(result[0].outcome()).isEqualTo(row.outcome());
      if (row.says() != null) {
        assertThat(result[0].error()).startsWith(row.says() + ": ");
      }
    }
    Path target = data.resolve("cbs").resolve(NAME);
    if (row.outcome() == EtlOutcome.DOWNLOADED) {
      assertThat(target).hasBinaryContent(GZIP);
      assertThat(new EtlManifestRepository(db.getTestDatabase()).find("cbs")).isPresent();
    } else {
      assertThat(target).doesNotExist();
      assertThat(new EtlManifestRepository(db.getTestDatabase()).find("cbs")).isEmpty();
    }
    assertThat(leftovers()).as("partial or staged files").isEmpty();
    FileStats stats = stack.files.stats(NAME);
    assertThat(stats.gets()).as("GETs of %s", stats).isEqualTo(row.gets());
    if (row.stats() != null) {
      row.stats().accept(stats);
    }
    if (row.retried() != null) {
      List<Retried> retried =
          ActivityRetries.ofType(stack.client(), source.workflowId(), row.retried());
      assertThat(retried.stream().mapToInt(r -> r.attempts() - 1).sum())
          .as("failed tries of " + row.retried())
          .isEqualTo(row.retries());
      assertThat(retried)
          .allSatisfy(
              r ->
                  assertThat(r.waited())
                      .as("waits before attempt %d", r.attempts())
                      .isGreaterThanOrEqualTo(SECOND.before(r.attempts() - 1)));
    }
  }

  /** Files whose names start with a dot: partial downloads and staged copies. */
  private List<Path> leftovers() {
    Path directory = data.resolve("cbs");
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
