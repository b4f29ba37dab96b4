package io.trawl.starter.pharmacy;

import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.pharmacy.PharmacyProgress;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a pharmacy run, printing one line per change of stage or count. */
final class PharmacyRunWatcher {
  private final PrintWriter err;

  PharmacyRunWatcher(PrintWriter err) {
    this.err = err;
  }

  record Outcome(PharmacyRunResult result, String failure) {
    boolean succeeded() {
      return result != null
          && (result.status().equals("completed") || result.status().equals("partial"));
    }
  }

  Outcome await(PharmacyStarter.StartedRun run) {
    WorkflowStub untyped = WorkflowStub.fromTyped(run.stub());
    CompletableFuture<PharmacyRunResult> result = untyped.getResultAsync(PharmacyRunResult.class);
    String last = null;
    while (!result.isDone()) {
      PharmacyProgress progress = queryQuietly(run);
      if (progress != null) {
        String line = describe(progress);
        if (!Objects.equals(line, last)) {
          err.println("trawl: pharmacy: " + line);
          err.flush();
          last = line;
        }
      }
      try {
        result.get(400, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // Next progress reading, or the failure handled below.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Outcome(null, "interrupted while waiting for " + run.workflowId());
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

  static String describe(PharmacyProgress p) {
    return switch (p.stage()) {
      case "collection" ->
          "collection (" + p.searchesDone() + "/" + p.searchesTotal() + " searches)";
      case "verification" ->
          "verification (" + p.placesVerified() + "/" + p.placesToVerify() + " places)";
      default -> p.stage();
    };
  }

  private static PharmacyProgress queryQuietly(PharmacyStarter.StartedRun run) {
    try {
      return run.stub().progress();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
