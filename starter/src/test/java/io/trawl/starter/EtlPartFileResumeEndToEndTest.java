package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.trawl.worker.runtime.DevServerExtension;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlOutcome;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlSourceRequest;
import io.trawl.workflows.etl.EtlSourceResult;
import io.trawl.workflows.etl.EtlSourceWorkflow;
import io.zonky.test.db.postgres.embedded.FlywayPreparer;
import io.zonky.test.db.postgres.junit5.EmbeddedPostgresExtension;
import io.zonky.test.db.postgres.junit5.PreparedDbExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker JVM SIGKILLed twice in the middle of a download from a real, throttled nginx: each
 * resume starts from the bytes already in the {@code .part} file (re-hashed, confirmed with
 * If-Range), not from the last heartbeat the server received, which lags the file by up to ~8 s of
 * transfer. nginx's own access log counts what was sent.
 */
class EtlPartFileResumeEndToEndTest {
  private static final Logger log = LoggerFactory.getLogger(EtlPartFileResumeEndToEndTest.class);
  private static final int SIZE = 128 << 20;
  private static final long RATE = 24L << 20;
  private static final String NAME = "kadaster.parquet";
  private static final byte[] PAR1 = "PAR1".getBytes(StandardCharsets.US_ASCII);

  @RegisterExtension static final DevServerExtension temporal = new DevServerExtension();

  @RegisterExtension
  static final PreparedDbExtension db =
      EmbeddedPostgresExtension.preparedDatabase(
          FlywayPreparer.forClasspathLocation("db/migration"));

  @TempDir Path home;
  @TempDir Path nginxDir;

  private NginxFileServer nginx;
  private String sha256;

  @BeforeEach
  void serve() throws Exception {
    nginx = NginxFileServer.start(nginxDir, RATE);
    sha256 = writeParquetLike(nginx.root().resolve(NAME));
  }

  @AfterEach
  void stop() throws InterruptedException {
    nginx.close();
  }

  @Test
  void twoKilledWorkersResumeFromTheirPartFilesSoNginxSendsUnderATenthMore() throws Exception {
    EtlSource source =
        new EtlSource(
            "kadaster",
            nginx.url(NAME),
            EtlFormat.PARQUET,
            sha256,
            1L << 30,
            "kadaster/" + NAME,
            Map.of());
    Path target = home.resolve("data/kadaster").resolve(NAME);
    Path part = target.resolveSibling("." + NAME + ".part");
    WorkflowClient client = temporal.workflowClient();
    EtlSourceWorkflow run =
        client.newWorkflowStub(
            EtlSourceWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(source.workflowId())
                .setTaskQueue(EtlSourceWorkflow.TASK_QUEUE)
                .build());

    try (WorkerJvm first = WorkerJvm.start(workerEnv()).awaitPolling(Duration.ofSeconds(60))) {
      WorkflowClient.start(run::run, new EtlSourceRequest(source, false, false));
      awaitPartOf(part, 32L << 20);
      first.kill();
    }
    try (WorkerJvm second = WorkerJvm.start(workerEnv()).awaitPolling(Duration.ofSeconds(60))) {
      awaitPartOf(part, 80L << 20);
      second.kill();
    }
    EtlSourceResult result;
    try (WorkerJvm third = WorkerJvm.start(workerEnv()).awaitPolling(Duration.ofSeconds(60))) {
      result = WorkflowStub.fromTyped(run).getResult(60, TimeUnit.SECONDS, EtlSourceResult.class);
    }

    log.info("nginx sent file_bytes={} responses={}", SIZE, nginx.log());
    assertThat(result.outcome()).isEqualTo(EtlOutcome.DOWNLOADED);
    assertThat(result.sha256()).isEqualTo(sha256);
    assertThat(Files.mismatch(target, nginx.root().resolve(NAME))).as("byte-exact").isEqualTo(-1);
    assertThat(nginx.log())
        .as("two resumes with a Range request, each answered 206")
        .filteredOn(logged -> logged.status() == 206)
        .hasSize(2);
    assertThat(nginx.bodyBytesSent())
        .as("body bytes nginx sent for a %d-byte file: %s", SIZE, nginx.log())
        .isLessThan((long) (SIZE * 1.1));
  }

  /** Waits until the download has written {@code bytes} to its partial file. */
  private static void awaitPartOf(Path part, long bytes) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> Files.exists(part) && Files.size(part) >= bytes);
  }

  private Map<String, String> workerEnv() {
    return ProductionEnv.of(temporal, db, home);
  }

  /** Random bytes framed by Parquet's magic; returns their SHA-256. */
  private static String writeParquetLike(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Random random = new Random(15);
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int written = 0; written < SIZE; written += chunk.length) {
        random.nextBytes(chunk);
        if (written == 0) {
          System.arraycopy(PAR1, 0, chunk, 0, PAR1.length);
        }
        if (written + chunk.length == SIZE) {
          System.arraycopy(PAR1, 0, chunk, chunk.length - PAR1.length, PAR1.length);
        }
        digest.update(chunk);
        out.write(chunk);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
