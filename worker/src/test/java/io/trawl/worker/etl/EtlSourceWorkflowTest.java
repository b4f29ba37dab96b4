package io.trawl.worker.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import io.trawl.activities.etl.store.EtlManifestRepository;
import io.trawl.activities.etl.store.EtlRunRepository;
import io.trawl.sandbox.files.DemoFiles;
import io.trawl.sandbox.files.FileContent;
import io.trawl.sandbox.files.FileFaults;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlOutcome;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlSourceResult;
import io.trawl.workflows.etl.ManifestRecord;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every gate decision of a source run, on the real activities, file server and database. */
class EtlSourceWorkflowTest {
  private static final String NAME = "cbs-population.csv.gz";
  private static final byte[] GZIP = DemoFiles.all().get(NAME);

  @RegisterExtension
  final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir Path data;

  private EtlTestStack stack;

  @BeforeEach
  void start() {
    stack = new EtlTestStack(db.getTestDatabase(), data, true);
    stack.files.put(NAME, GZIP);
    stack.startWorker();
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  @Test
  void downloadsValidatesAndRecordsTheManifestThenFindsItFreshOnTheSecondRun() throws Exception {
    EtlSourceResult first = stack.run(source(), false, false);

    assertThat(first.outcome()).isEqualTo(EtlOutcome.DOWNLOADED);
    assertThat(first.decision()).isEqualTo("download");
    assertThat(first.reason()).isEqualTo("no manifest record yet");
    assertThat(first.bytes()).isEqualTo(GZIP.length);
    assertThat(Files.readAllBytes(target())).isEqualTo(GZIP);
    ManifestRecord record =
        new EtlManifestRepository(db.getTestDatabase()).find("cbs").orElseThrow();
    assertThat(record.sha256()).isEqualTo(FileContent.of(GZIP).sha256());
    assertThat(record.url()).isEqualTo("sandbox://files/" + NAME);
    assertThat(record.etag()).startsWith("\"");
    assertThat(record.path()).isEqualTo(target().toString());
    assertThat(leftovers()).isEmpty();

    EtlSourceResult second = stack.run(source(), false, false);

    assertThat(second.outcome()).isEqualTo(EtlOutcome.FRESH);
    assertThat(second.decision()).isEqualTo("skip");
    assertThat(second.reason()).contains("unchanged");
    assertThat(stack.files.stats(NAME).gets()).isEqualTo(1);
    assertThat(new EtlRunRepository(db.getTestDatabase()).recent(10))
        .extracting(EtlSourceResult::outcome)
        .containsExactly(EtlOutcome.FRESH, EtlOutcome.DOWNLOADED);
  }

  @Test
  void forceRefreshDownloadsAFreshSourceAgain() {
    stack.run(source(), false, false);

    EtlSourceResult forced = stack.run(source(), true, false);

    assertThat(forced.outcome()).isEqualTo(EtlOutcome.DOWNLOADED);
    assertThat(forced.reason()).isEqualTo("force_refresh is set");
    assertThat(stack.files.stats(NAME).gets()).isEqualTo(2);
  }

  @Test
  void dryRunReportsWhatWouldBeDownloadedAndTransfersNothing() {
    EtlSourceResult dry = stack.run(source(), false, true);

    assertThat(dry.outcome()).isEqualTo(EtlOutcome.WOULD_DOWNLOAD);
    assertThat(dry.bytes()).isEqualTo(GZIP.length);
    assertThat(stack.files.stats(NAME).gets()).isZero();
    assertThat(target()).doesNotExist();
  }

  @Test
  void downloadsAgainWhenTheServerFileChanged() throws Exception {
    stack.run(source(), false, false);
    byte[] changed =
        DemoFiles.gzip("municipality,population\nGM0001,1\n".getBytes(StandardCharsets.UTF_8));
    stack.files.put(NAME, changed);

    EtlSourceResult result = stack.run(source(), false, false);

    assertThat(result.outcome()).isEqualTo(EtlOutcome.DOWNLOADED);
    assertThat(result.reason()).startsWith("ETag changed");
    assertThat(Files.readAllBytes(target())).isEqualTo(changed);
  }

  @Test
  void downloadsAgainWhenTheLocalFileWasDeletedOrEdited() throws Exception {
    stack.run(source(), false, false);
    Files.delete(target());

    EtlSourceResult missing = stack.run(source(), false, false);
    assertThat(missing.reason()).startsWith("local file is missing");
    assertThat(Files.readAllBytes(target())).isEqualTo(GZIP);

    byte[] edited = GZIP.clone();
    edited[edited.length - 1] ^= 1;
    Files.write(target(), edited);
    EtlSourceResult changedOnDisk = stack.run(source(), false, false);
    assertThat(changedOnDisk.reason()).contains("sha256").contains("differs from the manifest");
    assertThat(Files.readAllBytes(target())).isEqualTo(GZIP);
  }

  @Test
  void treats304AsFreshWhenOnlyLastModifiedMoved() {
    stack.run(source(), false, false);
    // A server that drops the ETag on HEAD and was re-deployed (new mtime, same bytes).
    stack.files.faults(NAME, FileFaults.builder().omitEtagOnHead(true).build());
    stack.files.touch(NAME);

    EtlSourceResult result = stack.run(source(), false, false);

    assertThat(result.outcome()).isEqualTo(EtlOutcome.FRESH);
    assertThat(result.decision()).isEqualTo("download");
    assertThat(result.reason()).startsWith("server answered 304 Not Modified");
    assertThat(stack.files.stats(NAME).notModified()).isEqualTo(1);
  }

  @Test
  void probesWithARangedGetWhenHeadIsRefused() {
    stack.files.faults(NAME, FileFaults.builder().refuseHead(true).build());

    EtlSourceResult result = stack.run(source(), false, false);

    assertThat(result.outcome()).isEqualTo(EtlOutcome.DOWNLOADED);
    assertThat(stack.files.stats(NAME).rangeRequests()).isEqualTo(1);
  }

  @Test
  void retriesA503AndResumesADroppedConnectionWithARangeRequest() throws Exception {
    stack.files.faults(
        NAME, FileFaults.builder().serverErrors(1).dropAfterBytes(GZIP.length / 2, 1).build());

    EtlSourceResult result = stack.run(source(), false, false);

    assertThat(result.outcome()).isEqualTo(EtlOutcome.DOWNLOADED);
    assertThat(Files.readAllBytes(target())).isEqualTo(GZIP);
    assertThat(stack.files.stats(NAME).partialResponses()).isEqualTo(1);
    assertThat(stack.files.stats(NAME).bodyBytes()).isEqualTo(GZIP.length);
  }

  @Test
  void failsAndCleansUpWhenTheFileExceedsMaxBytes() {
    EtlSource small =
        new EtlSource(
            "cbs", "sandbox://files/" + NAME, EtlFormat.GZIP, null, 1024, "cbs/" + NAME, Map.of());

    assertFailure(small, Failures.SIZE_LIMIT_EXCEEDED, "exceeds max_bytes 1024");

    // Without a Content-Length the limit is enforced while streaming, and the partial file goes.
    stack.files.faults(
        NAME, FileFaults.builder().refuseHead(true).ignoreRange(true).chunked(true).build());
    assertFailure(small, Failures.SIZE_LIMIT_EXCEEDED, "body past 1024 bytes");
    assertThat(leftovers()).isEmpty();
    assertThat(target()).doesNotExist();
  }

  @Test
  void refusesFileAndFtpUrlsBeforeAnyDownload() {
    for (String url : new String[] {"file:///etc/passwd", "ftp://ftp.example.org/data.csv.gz"}) {
      EtlSource source =
          new EtlSource("evil", url, EtlFormat.GZIP, null, 1 << 20, "evil.gz", Map.of());
      assertFailure(source, Failures.INVALID_INPUT, "url must be http or https");
    }
  }

  @Test
  void refusesATargetOutsideTheDataDirectory() {
    EtlSource escape =
        new EtlSource(
            "evil",
            "sandbox://files/" + NAME,
            EtlFormat.GZIP,
            null,
            1 << 20,
            "../../etc/cron.d/x",
            Map.of());

    assertFailure(escape, Failures.INVALID_INPUT, "must not contain \"..\"");
    assertThat(stack.files.stats(NAME).gets()).isZero();
  }

  private void assertFailure(EtlSource source, String type, String message) {
    assertThatThrownBy(() -> stack.run(source, false, false))
        .isInstanceOf(WorkflowFailedException.class)
        .satisfies(
            e -> {
              Throwable cause = e;
              while (cause != null && !(cause instanceof ApplicationFailure)) {
                cause = cause.getCause();
              }
              assertThat(cause).isInstanceOf(ApplicationFailure.class);
              assertThat(((ApplicationFailure) cause).getType()).isEqualTo(type);
              assertThat(((ApplicationFailure) cause).getOriginalMessage()).contains(message);
            });
    assertThat(new EtlRunRepository(db.getTestDatabase()).recent(1).get(0).outcome())
        .isEqualTo(EtlOutcome.FAILED);
  }

  private static EtlSource source() {
    return new EtlSource(
        "cbs", "sandbox://files/" + NAME, EtlFormat.GZIP, null, 1 << 30, "cbs/" + NAME, Map.of());
  }

  private Path target() {
    return data.resolve("cbs").resolve(NAME);
  }

  /** Partial or staged files left beside the target. */
  private Stream<Path> leftovers() {
    try {
      return Files.list(data.resolve("cbs"))
          .filter(p -> p.getFileName().toString().startsWith("."))
          .toList()
          .stream();
    } catch (java.io.IOException e) {
      return Stream.empty();
    }
  }
}
