package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.trawl.sandbox.brightdata.FakeBrightData;
import io.trawl.worker.TemporalClients;
import io.trawl.worker.runtime.DevLock;
import io.trawl.worker.runtime.TrawlHome;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlOutcome;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlSourceRequest;
import io.trawl.workflows.etl.EtlSourceResult;
import io.trawl.workflows.etl.EtlSourceWorkflow;
import io.trawl.workflows.jobs.ScrapeRequest;
import io.trawl.workflows.jobs.ScrapeRunResult;
import io.trawl.workflows.jobs.ScrapeRunWorkflow;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./trawl dev} stopped with SIGTERM while a scrape waits between progress polls and an ETL
 * download is mid-file, then started again on the same TRAWL_HOME: the Temporal dev server reads
 * both runs back from its SQLite file and they complete. The provider and the file server live in
 * the test, so they outlive the restart and count what the runs asked of them.
 */
class DevServerRestartEndToEndTest {
  private static final int FILE_SIZE = 48 << 20;
  private static final String FILE = "kadaster.parquet";
  private static final byte[] PAR1 = "PAR1".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path home;
  @TempDir Path nginxDir;

  // Never ready before the stop, however slow the machine; ready at the first poll after it.
  private final FakeBrightData brightData =
      new FakeBrightData(
              Clock.systemUTC(), FakeBrightData.Faults.builder().pollsBeforeReady(1_000).build())
          .start();

  @AfterEach
  void stop() {
    brightData.close();
  }

  @Test
  void scrapeAndEtlDownloadInFlightCompleteAfterTrawlDevRestartsOnTheSameHome() throws Exception {
    try (NginxFileServer nginx = NginxFileServer.start(nginxDir, 8L << 20)) {
      String sha256 = writeParquetLike(nginx.root().resolve(FILE));
      Map<String, String> env =
          Map.of(
              "BRIGHTDATA_API_TOKEN", "restart-test-token",
              "BRIGHTDATA_BASE_URL", brightData.baseUrl(),
              "TRAWL_DATA_DIR", home.resolve("data").toString());
      int grpc = DevProcess.freePort();
      int ui = DevProcess.freePort();
      ScrapeRequest scrape = new ScrapeRequest("Data Engineer", "Netherlands", 7, null, false, 0);
      EtlSource source =
          new EtlSource(
              "kadaster",
              nginx.url(FILE),
              EtlFormat.PARQUET,
              sha256,
              1L << 30,
              "kadaster/" + FILE,
              Map.of());
      Path part = home.resolve("data/kadaster/." + FILE + ".part");

      try (DevProcess first = DevProcess.start(home, env, grpc, ui)) {
        first.awaitReady(Duration.ofMinutes(2));
        WorkflowClient client = TemporalClients.connect("127.0.0.1:" + grpc, "default");
        try {
          WorkflowClient.start(scrapeStub(client, scrape)::run, scrape);
          WorkflowClient.start(
              etlStub(client, source)::run, new EtlSourceRequest(source, false, false));
          await().atMost(Duration.ofSeconds(60)).until(() -> brightData.progressPolls() >= 1);
          await()
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(20))
              .until(() -> Files.exists(part) && Files.size(part) >= 8L << 20);
        } finally {
          TemporalClients.close(client);
        }
        assertThat(first.stop(Duration.ofSeconds(60))).isIn(0, 130, 143);
      }
      assertThat(brightData.downloads()).as("the scrape was still polling").isZero();
      assertThat(Files.size(part)).as("the download was still running").isLessThan(FILE_SIZE);
      brightData.faults(FakeBrightData.Faults.none());

      ScrapeRunResult scraped;
      EtlSourceResult downloaded;
      String jdbcUrl;
      try (DevProcess second = DevProcess.start(home, env, grpc, ui)) {
        second.awaitReady(Duration.ofMinutes(2));
        jdbcUrl =
            DevLock.readLive(TrawlHome.fromEnvironment(Map.of("TRAWL_HOME", home.toString())))
                .orElseThrow()
                .jdbcUrl();
        WorkflowClient client = TemporalClients.connect("127.0.0.1:" + grpc, "default");
        try {
          scraped =
              client
                  .newUntypedWorkflowStub(scrape.workflowId())
                  .getResult(120, TimeUnit.SECONDS, ScrapeRunResult.class);
          downloaded =
              client
                  .newUntypedWorkflowStub(source.workflowId())
                  .getResult(120, TimeUnit.SECONDS, EtlSourceResult.class);
        } finally {
          TemporalClients.close(client);
        }
        assertThat(scraped.status()).as(second.output()).isEqualTo("completed");
        assertThat(scraped.jobsFound()).isPositive();
        assertThat(brightData.triggersAccepted()).as("one trigger, one payment").isEqualTo(1);
        assertThat(brightData.downloads()).isEqualTo(1);
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
            Statement sql = db.createStatement()) {
          assertThat(count(sql, "SELECT count(*) FROM scrape_runs WHERE status = 'completed'"))
              .isEqualTo(1);
          assertThat(count(sql, "SELECT count(*) FROM scrape_runs")).isEqualTo(1);
          assertThat(count(sql, "SELECT count(*) FROM jobs")).isEqualTo(scraped.jobsNew());
          assertThat(count(sql, "SELECT count(*) FROM etl_manifest WHERE source_id = 'kadaster'"))
              .isEqualTo(1);
        }

        assertThat(downloaded.outcome()).isEqualTo(EtlOutcome.DOWNLOADED);
        assertThat(downloaded.sha256()).isEqualTo(sha256);
        assertThat(
                Files.mismatch(home.resolve("data/kadaster/" + FILE), nginx.root().resolve(FILE)))
            .isEqualTo(-1);
        assertThat(nginx.log())
            .as("the download resumed with a Range request")
            .anyMatch(logged -> logged.status() == 206);
      }
    }
  }

  private static ScrapeRunWorkflow scrapeStub(WorkflowClient client, ScrapeRequest request) {
    return client.newWorkflowStub(
        ScrapeRunWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(request.workflowId())
            .setTaskQueue(ScrapeRunWorkflow.TASK_QUEUE)
            .build());
  }

  private static EtlSourceWorkflow etlStub(WorkflowClient client, EtlSource source) {
    return client.newWorkflowStub(
        EtlSourceWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(source.workflowId())
            .setTaskQueue(EtlSourceWorkflow.TASK_QUEUE)
            .build());
  }

  private static long count(Statement sql, String query) throws Exception {
    try (ResultSet rows = sql.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Random bytes framed by Parquet's magic; returns their SHA-256. */
  private static String writeParquetLike(Path file) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    Random random = new Random(15);
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (int written = 0; written < FILE_SIZE; written += chunk.length) {
        random.nextBytes(chunk);
        if (written == 0) {
          System.arraycopy(PAR1, 0, chunk, 0, PAR1.length);
        }
        if (written + chunk.length == FILE_SIZE) {
          System.arraycopy(PAR1, 0, chunk, chunk.length - PAR1.length, PAR1.length);
        }
        digest.update(chunk);
        out.write(chunk);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
