package io.trawl.starter.etl;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.trawl.workflows.etl.EtlBatchProgress;
import io.trawl.workflows.etl.EtlBatchResult;
import io.trawl.workflows.etl.EtlBatchWorkflow;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlSourceProgress;
import io.trawl.workflows.etl.EtlSourceResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Waits for a batch while showing it: on a terminal one byte progress bar over every source (sizes
 * from the probes, bytes so far from the downloads' heartbeats); otherwise one line per finished
 * source.
 */
final class BatchWatcher {
  private static final Duration TICK = Duration.ofMillis(300);

  private final WorkflowClient client;
  private final PrintWriter err;
  private final boolean terminal;
  private final DownloadProgress downloads;

  BatchWatcher(WorkflowClient client, PrintWriter err, boolean terminal) {
    this.client = client;
    this.err = err;
    this.terminal = terminal;
    this.downloads = new DownloadProgress(client);
  }

  EtlBatchResult await(EtlBatchWorkflow batch, List<EtlSource> sources) {
    CompletableFuture<EtlBatchResult> result =
        WorkflowStub.fromTyped(batch).getResultAsync(EtlBatchResult.class);
    Set<String> announced = new HashSet<>();
    Map<String, Long> expected = new HashMap<>();
    ProgressBar bar = null;
    try {
      while (!result.isDone()) {
        EtlBatchProgress progress = queryQuietly(batch);
        if (progress != null) {
          long done = 0;
          for (EtlSourceResult finished : progress.finished()) {
            done += finished.bytes();
            if (announced.add(finished.sourceId()) && !terminal) {
              err.println("trawl: " + finished.sourceId() + ": " + EtlReport.oneLine(finished));
              err.flush();
            }
          }
          for (String running : progress.running()) {
            expected.computeIfAbsent(running, this::expectedBytes);
            done += downloads.bytesSoFar(running);
          }
          long total = expected.values().stream().mapToLong(v -> Math.max(0, v)).sum();
          if (terminal && bar == null && total > 0) {
            // Made once a size is known, so the unit suits the files: KiB for demo files.
            bar = newBar(sources.size(), total);
          }
          if (bar != null) {
            bar.maxHint(Math.max(total, done));
            bar.stepTo(done);
            bar.setExtraMessage(
                " "
                    + progress.finished().size()
                    + "/"
                    + sources.size()
                    + " sources, running "
                    + String.join(" ", progress.running()));
          }
        }
        waitFor(result);
      }
    } finally {
      if (bar != null) {
        bar.close();
      }
    }
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the ETL batch", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "the ETL batch failed: " + io.trawl.workflows.common.Failures.describe(e.getCause()),
          e.getCause());
    }
  }

  private long expectedBytes(String sourceId) {
    try {
      EtlSourceProgress progress =
          client
              .newUntypedWorkflowStub("etl-source/" + sourceId)
              .query("progress", EtlSourceProgress.class);
      return progress.expectedBytes();
    } catch (RuntimeException e) {
      return -1; // Not started or not probed yet; the next tick asks again.
    }
  }

  private static EtlBatchProgress queryQuietly(EtlBatchWorkflow batch) {
    try {
      return batch.progress();
    } catch (RuntimeException e) {
      return null; // The batch's first workflow task may not have run yet.
    }
  }

  private static void waitFor(CompletableFuture<?> result) {
    try {
      result.get(TICK.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Timeout: next reading. Failure: reported by the caller.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ProgressBar newBar(int sources, long expectedBytes) {
    boolean large = expectedBytes >= 64L << 20;
    return new ProgressBarBuilder()
        .setTaskName("etl " + sources + " sources")
        .setInitialMax(expectedBytes)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(large ? " MiB" : " KiB", large ? 1 << 20 : 1 << 10)
        .showSpeed()
        .continuousUpdate()
        .build();
  }
}
