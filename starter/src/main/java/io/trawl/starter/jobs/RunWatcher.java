package io.trawl.starter.jobs;

import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.jobs.ScrapeProgress;
import io.trawl.workflows.jobs.ScrapeRunResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Waits for a started run while showing its progress: a progress bar on a terminal, one plain
 * line per change of step otherwise.
 */
final class RunWatcher {
  private static final Duration QUERY_INTERVAL = Duration.ofMillis(400);

  private final PrintWriter err;
  private final boolean terminal;

  RunWatcher(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** The outcome of a watched run: the result, or the failure message when the workflow failed. */
  record Outcome(ScrapeRunResult result, String failure) {
    boolean succeeded() {
      return result != null && result.completed();
    }
  }

  Outcome await(ScrapeStarter.StartedRun run) {
    WorkflowStub untyped = WorkflowStub.fromTyped(run.stub());
    CompletableFuture<ScrapeRunResult> result = untyped.getResultAsync(ScrapeRunResult.class);
    String label = run.request().query() + " in " + run.request().location();
    try (ProgressBar bar = terminal ? newBar(label) : null) {
      String lastLine = null;
      while (!result.isDone()) {
        ScrapeProgress progress = queryQuietly(run);
        if (progress != null) {
          String line = describe(progress);
          if (bar != null) {
            bar.maxHint(Math.max(progress.records(), 1));
            bar.stepTo(progress.records());
            bar.setExtraMessage(line);
          } else if (!Objects.equals(line, lastLine)) {
            err.println("trawl: " + label + ": " + line);
            err.flush();
          }
          lastLine = line;
        }
        waitFor(result);
      }
    }
    try {
      return new Outcome(result.get(), null);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof WorkflowFailedException failed) {
        return new Outcome(null, Failures.describe(failed.getCause()));
      }
      return new Outcome(null, Failures.describe(cause));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(null, "interrupted while waiting for " + run.workflowId());
    }
  }

  private static ScrapeProgress queryQuietly(ScrapeStarter.StartedRun run) {
    try {
      return run.stub().progress();
    } catch (RuntimeException e) {
      // The first workflow task may not have run yet; the next tick will tell.
      return null;
    }
  }

  static String describe(ScrapeProgress progress) {
    return progress.step()
        + " (provider status "
        + progress.status()
        + ", "
        + progress.records()
        + " records, "
        + progress.polls()
        + " polls, "
        + progress.elapsedSeconds()
        + "s)";
  }

  private static void waitFor(CompletableFuture<?> result) {
    try {
      result.get(QUERY_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Timeout: time for the next progress reading. Failure: handled by the caller.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ProgressBar newBar(String label) {
    return new ProgressBarBuilder()
        .setTaskName(label)
        .setInitialMax(-1)
        .setStyle(ProgressBarStyle.ASCII)
        .setUnit(" records", 1)
        .continuousUpdate()
        .build();
  }
}
