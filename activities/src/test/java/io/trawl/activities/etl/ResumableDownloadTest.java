package io.trawl.activities.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import io.trawl.sandbox.files.FakeFileServer;
import io.trawl.sandbox.files.FileContent;
import io.trawl.sandbox.files.FileFaults;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.etl.DownloadCheckpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One download attempt: streaming, hashing, resuming, restarting, limits and 304. */
class ResumableDownloadTest {
  private static final int SIZE = 5 << 20;
  private static final String NAME = "data.parquet";
  private static final byte[] PAR1 = "PAR1".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path dir;

  private final FileContent content = FileContent.synthetic(SIZE, 11, PAR1, PAR1);
  private final FakeFileServer server = new FakeFileServer().start().put(NAME, content);
  private final ResumableDownload download = new ResumableDownload(EtlHttp.newClient());
  private final AtomicReference<DownloadCheckpoint> lastCheckpoint = new AtomicReference<>();

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void streamsTheWholeFileAndHashesItInTheSamePass() throws Exception {
    ResumableDownload.Result result =
        download.run(spec(Long.MAX_VALUE, null), null, lastCheckpoint::set);

    assertThat(result.bytes()).isEqualTo(SIZE);
    assertThat(result.sha256()).isEqualTo(content.sha256());
    assertThat(result.declaredLength()).isEqualTo(SIZE);
    assertThat(result.etag()).startsWith("\"");
    assertThat(Files.readAllBytes(part())).isEqualTo(content.toByteArray());
    assertThat(lastCheckpoint.get().offset()).isEqualTo(SIZE);
  }

  @Test
  void resumesFromTheCheckpointWithRangeAndIfRangeAfterABrokenConnection() throws Exception {
    server.faults(NAME, FileFaults.builder().dropAfterBytes(3 << 20, 1).build());

    assertThatThrownBy(() -> download.run(spec(Long.MAX_VALUE, null), null, lastCheckpoint::set))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(failure.getType()).isEqualTo(Failures.PROVIDER_UNAVAILABLE))
        .hasMessageContaining("broke after");
    DownloadCheckpoint checkpoint = lastCheckpoint.get();
    assertThat(checkpoint.offset()).isEqualTo(3 << 20);

    ResumableDownload.Result result =
        download.run(spec(Long.MAX_VALUE, null), checkpoint, lastCheckpoint::set);

    assertThat(result.resumedFrom()).isEqualTo(3 << 20);
    assertThat(result.sha256()).isEqualTo(content.sha256());
    assertThat(Files.readAllBytes(part())).isEqualTo(content.toByteArray());
    assertThat(server.stats(NAME).partialResponses()).isEqualTo(1);
    assertThat(server.stats(NAME).bodyBytes()).isEqualTo(SIZE);
  }

  @Test
  void resumesFromThePartFileOnDiskWhenNoHeartbeatReachedTheServer() throws Exception {
    server.faults(NAME, FileFaults.builder().dropAfterBytes(3 << 20, 1).build());
    assertThatThrownBy(() -> download.run(spec(Long.MAX_VALUE, null), null, lastCheckpoint::set))
        .isInstanceOf(ApplicationFailure.class);
    assertThat(PartRecord.pathOf(part())).exists();

    ResumableDownload.Result result =
        download.run(spec(Long.MAX_VALUE, null), null, lastCheckpoint::set);

    assertThat(result.resumedFrom()).isEqualTo(3 << 20);
    assertThat(result.sha256()).isEqualTo(content.sha256());
    assertThat(Files.readAllBytes(part())).isEqualTo(content.toByteArray());
    assertThat(server.stats(NAME).bodyBytes()).isEqualTo(SIZE);
    assertThat(PartRecord.pathOf(part())).doesNotExist();
  }

  @Test
  void resumesFromThePartFileRatherThanAnOlderHeartbeatOffset() throws Exception {
    server.faults(NAME, FileFaults.builder().dropAfterBytes(3 << 20, 1).build());
    assertThatThrownBy(() -> download.run(spec(Long.MAX_VALUE, null), null, lastCheckpoint::set))
        .isInstanceOf(ApplicationFailure.class);
    DownloadCheckpoint stale =
        new DownloadCheckpoint(
            part().toString(),
            1 << 20,
            lastCheckpoint.get().etag(),
            lastCheckpoint.get().lastModified(),
            SIZE);

    ResumableDownload.Result result =
        download.run(spec(Long.MAX_VALUE, null), stale, lastCheckpoint::set);

    assertThat(result.resumedFrom()).isEqualTo(3 << 20);
    assertThat(Files.readAllBytes(part())).isEqualTo(content.toByteArray());
    assertThat(server.stats(NAME).bodyBytes()).isEqualTo(SIZE);
  }

  @Test
  void keepsOnlyTheSyncedBytesOfAPartFileWrittenBeforeAReboot() throws Exception {
    server.faults(NAME, FileFaults.builder().dropAfterBytes(3 << 20, 1).build());
    assertThatThrownBy(() -> download.run(spec(Long.MAX_VALUE, null), null, lastCheckpoint::set))
        .isInstanceOf(ApplicationFailure.class);
    PartRecord written = PartRecord.read(part()).orElseThrow();
    new PartRecord(
            written.url(),
            written.etag(),
            written.lastModified(),
            written.totalLength(),
            "another-boot",
            1 << 20)
        .write(part());

    ResumableDownload.Result result =
        download.run(spec(Long.MAX_VALUE, null), lastCheckpoint.get(), lastCheckpoint::set);

    assertThat(result.resumedFrom()).isEqualTo(1 << 20);
    assertThat(Files.readAllBytes(part())).isEqualTo(content.toByteArray());
  }

  @Test
  void startsOverFromThePartFileWhenTheFileChangedOnTheServer() throws Exception {
    server.faults(NAME, FileFaults.builder().dropAfterBytes(1 << 20, 1).build());
    assertThatThrownBy(() -> download.run(spec(Long.MAX_VALUE, null), null, lastCheckpoint::set))
        .isInstanceOf(ApplicationFailure.class);
    FileContent changed = FileContent.synthetic(SIZE, 12, PAR1, PAR1);
    server.put(NAME, changed);

    ResumableDownload.Result result =
        download.run(spec(Long.MAX_VALUE, null), null, lastCheckpoint::set);

    assertThat(result.restarts()).isEqualTo(1);
    assertThat(result.sha256()).isEqualTo(changed.sha256());
    assertThat(Files.readAllBytes(part())).isEqualTo(changed.toByteArray());
  }

  @Test
  void startsOverWhenThePartFileCameFromAnotherUrl() throws Exception {
    server.put("other.parquet", content);
    server.faults(NAME, FileFaults.builder().dropAfterBytes(3 << 20, 1).build());
    assertThatThrownBy(() -> download.run(spec(Long.MAX_VALUE, null), null, lastCheckpoint::set))
        .isInstanceOf(ApplicationFailure.class);
    ResumableDownload.Spec other =
        new ResumableDownload.Spec(
            "bench",
            HttpUrl.get(server.url("other.parquet")),
            Headers.of(),
            part(),
            Long.MAX_VALUE,
            null);

    ResumableDownload.Result result = download.run(other, null, lastCheckpoint::set);

    assertThat(result.resumedFrom()).isZero();
    assertThat(server.stats("other.parquet").partialResponses()).isZero();
    assertThat(Files.readAllBytes(part())).isEqualTo(content.toByteArray());
  }

  @Test
  void startsOverWhenTheServerIgnoresTheRange() throws Exception {
    server.faults(NAME, FileFaults.builder().dropAfterBytes(1 << 20, 1).ignoreRange(true).build());
    assertThatThrownBy(() -> download.run(spec(Long.MAX_VALUE, null), null, lastCheckpoint::set))
        .isInstanceOf(ApplicationFailure.class);

    ResumableDownload.Result result =
        download.run(spec(Long.MAX_VALUE, null), lastCheckpoint.get(), lastCheckpoint::set);

    assertThat(result.resumedFrom()).isZero();
    assertThat(result.restarts()).isEqualTo(1);
    assertThat(Files.readAllBytes(part())).isEqualTo(content.toByteArray());
  }

  @Test
  void startsOverWhenTheFileChangedSinceTheCheckpoint() throws Exception {
    server.faults(NAME, FileFaults.builder().dropAfterBytes(1 << 20, 1).build());
    assertThatThrownBy(() -> download.run(spec(Long.MAX_VALUE, null), null, lastCheckpoint::set))
        .isInstanceOf(ApplicationFailure.class);
    FileContent changed = FileContent.synthetic(SIZE, 12, PAR1, PAR1);
    server.put(NAME, changed);

    ResumableDownload.Result result =
        download.run(spec(Long.MAX_VALUE, null), lastCheckpoint.get(), lastCheckpoint::set);

    assertThat(result.restarts()).isEqualTo(1);
    assertThat(result.sha256()).isEqualTo(changed.sha256());
    assertThat(server.stats(NAME).partialResponses()).isZero();
  }

  @Test
  void abortsAndDeletesThePartialFileWhenTheAnnouncedLengthExceedsMaxBytes() {
    assertThatThrownBy(() -> download.run(spec(1 << 20, null), null, lastCheckpoint::set))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(Failures.SIZE_LIMIT_EXCEEDED);
              assertThat(failure.isNonRetryable()).isTrue();
            })
        .hasMessageContaining("exceeds max_bytes 1048576");
    assertThat(part()).doesNotExist();
  }

  @Test
  void abortsAndDeletesThePartialFileWhenAnUnannouncedBodyGrowsPastMaxBytes() {
    server.faults(NAME, FileFaults.builder().chunked(true).build());

    assertThatThrownBy(() -> download.run(spec(2 << 20, null), null, lastCheckpoint::set))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> assertThat(failure.getType()).isEqualTo(Failures.SIZE_LIMIT_EXCEEDED))
        .hasMessageContaining("body past 2097152 bytes");
    assertThat(part()).doesNotExist();
  }

  @Test
  void reportsNotModifiedWhenIfNoneMatchHolds() throws Exception {
    String etag = download.run(spec(Long.MAX_VALUE, null), null, lastCheckpoint::set).etag();

    ResumableDownload.Result result =
        download.run(spec(Long.MAX_VALUE, etag), null, lastCheckpoint::set);

    assertThat(result.notModified()).isTrue();
    assertThat(server.stats(NAME).notModified()).isEqualTo(1);
  }

  private ResumableDownload.Spec spec(long maxBytes, String ifNoneMatch) {
    return new ResumableDownload.Spec(
        "bench", HttpUrl.get(server.url(NAME)), Headers.of(), part(), maxBytes, ifNoneMatch);
  }

  private Path part() {
    return dir.resolve(".data.parquet.part");
  }
}
