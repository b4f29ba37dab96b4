package io.trawl.starter.chaos;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.trawl.sandbox.files.FakeFileServer;
import io.trawl.sandbox.files.FileContent;
import io.trawl.sandbox.files.FileFaults;
import io.trawl.starter.chaos.Measure.Kind;
import io.trawl.workflows.etl.EtlBatchRequest;
import io.trawl.workflows.etl.EtlBatchWorkflow;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlSourceWorkflow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The ETL pipeline under crashes: a batch of parquet files from the sandbox file server, served at
 * a limited rate so kills land mid-download and the downloads resume.
 */
final class EtlCrash implements CrashPipeline {
  static final String NAME = "etl";
  private static final int SOURCES = 4;
  private static final int SIZE = 6 << 20;
  private static final long BYTES_PER_SECOND = 4L << 20;
  private static final byte[] PAR1 = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private final FakeFileServer files = new FakeFileServer().start();
  private final List<EtlSource> sources = new ArrayList<>();

  EtlCrash() {
    for (int i = 1; i <= SOURCES; i++) {
      String name = "chaos-" + i + ".parquet";
      FileContent content = FileContent.synthetic(SIZE, i, PAR1, PAR1);
      files.put(name, content);
      files.faults(name, FileFaults.builder().bytesPerSecond(BYTES_PER_SECOND).build());
      sources.add(
          new EtlSource(
              "chaos-" + i,
              files.url(name),
              EtlFormat.PARQUET,
              content.sha256(),
              EtlSource.DEFAULT_MAX_BYTES,
              "chaos/" + name,
              Map.of()));
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Map<String, String> providerEnvironment() {
    return Map.of();
  }

  @Override
  public String start(WorkflowClient client, String workflowId) {
    EtlBatchWorkflow run =
        client.newWorkflowStub(
            EtlBatchWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(EtlSourceWorkflow.TASK_QUEUE)
                .build());
    WorkflowClient.start(run::run, new EtlBatchRequest(sources, false, false, 2));
    return workflowId;
  }

  @Override
  public String awaitResult(WorkflowClient client, String workflowId) {
    Map<?, ?> result = ChaosProviders.result(client, workflowId, timeout());
    List<?> rows = (List<?>) result.get("results");
    List<String> outcomes = new ArrayList<>();
    for (Object row : rows) {
      String outcome = String.valueOf(((Map<?, ?>) row).get("outcome"));
      if (!"DOWNLOADED".equalsIgnoreCase(outcome)) {
        throw new IllegalStateException(
            "source " + ((Map<?, ?>) row).get("sourceId") + " ended " + outcome);
      }
      outcomes.add(outcome);
    }
    return "completed: " + outcomes.size() + " of " + SOURCES + " sources downloaded";
  }

  @Override
  public List<Measure> measures(DataSource database, Path sideDirectory) {
    List<Measure> measures = new ArrayList<>();
    measures.add(Figures.rows(database, "etl_runs"));
    measures.add(Figures.rows(database, "etl_manifest"));
    measures.add(Figures.rows(database, "etl_quarantine"));
    measures.add(Figures.duplicates(database, "etl_runs", "source_id"));
    measures.add(
        Measure.exactly(
            "files stored byte-exact",
            Kind.ROWS,
            intactFiles(sideDirectory.resolve("data")),
            SOURCES));
    long served = 0;
    for (EtlSource source : sources) {
      served += files.stats(source.target().substring("chaos/".length())).bodyBytes();
    }
    // What the resumes cost in bandwidth: shown, not compared (a resume repeats some bytes).
    measures.add(
        new Measure(
            "bytes served per 1000 bytes stored",
            Kind.OTHER,
            served * 1000 / ((long) SIZE * SOURCES),
            null,
            false));
    measures.add(Figures.leftoverFiles(sideDirectory));
    return measures;
  }

  private long intactFiles(Path data) {
    long intact = 0;
    for (EtlSource source : sources) {
      Path file = data.resolve(source.target());
      if (Files.isRegularFile(file) && source.sha256().equals(sha256(file))) {
        intact++;
      }
    }
    return intact;
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int read; (read = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    files.close();
  }
}
