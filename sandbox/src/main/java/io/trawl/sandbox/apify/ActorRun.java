package io.trawl.sandbox.apify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trawl.sandbox.Exchanges;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One actor run and its default dataset. Status follows the clock: READY in the start answer,
 * RUNNING while places accrue, then SUCCEEDED, FAILED or TIMED-OUT (or ABORTED when aborted) with
 * what was scraped until then. Thread-safe.
 */
final class ActorRun {
  static final double START_USD = 0.007;
  static final double PLACE_USD = 0.004;

  final String id;
  final String actId;
  final String datasetId;
  private final Instant startedAt;
  private final long startNanos;
  private final List<ObjectNode> items;
  private final int hiddenItemEvery;
  private final long runMillis;
  private final long millisPerSecond;
  private final Long timeoutMillis;
  private final ApifyFaults faults;
  private final String capMessage;
  private String terminal;
  private long terminalMillis;
  private int visibleAtEnd;
  private int readsAfterEnd;

  /**
   * @param items the dataset as it will be when complete, empty items included
   * @param timeoutSecs the run's {@code timeout} parameter, null for none
   * @param capMessage the status message when the charge cap cut the places short, else null
   */
  ActorRun(
      String id,
      String actId,
      String datasetId,
      List<ObjectNode> items,
      ApifyFaults faults,
      Integer timeoutSecs,
      String capMessage) {
    this.id = id;
    this.actId = actId;
    this.datasetId = datasetId;
    this.items = List.copyOf(items);
    this.faults = faults;
    this.hiddenItemEvery = faults.hiddenItemEvery();
    this.millisPerSecond = faults.millisPerSecond();
    this.runMillis = faults.runSeconds() * millisPerSecond;
    this.timeoutMillis = timeoutSecs == null ? null : timeoutSecs * millisPerSecond;
    this.capMessage = capMessage;
    this.startedAt = Instant.now();
    this.startNanos = System.nanoTime();
  }

  /** The status now; settles the run when its time has come. */
  synchronized String status() {
    settle();
    return terminal != null ? terminal : "RUNNING";
  }

  synchronized boolean isTerminal() {
    settle();
    return terminal != null;
  }

  /** Stops a running run; false when it had already ended. */
  synchronized boolean abort() {
    settle();
    if (terminal != null) {
      return false;
    }
    end("ABORTED", elapsedMillis(), visibleAt(elapsedMillis()));
    return true;
  }

  /** Items a dataset read sees now (raw positions, empty items included). */
  synchronized List<ObjectNode> visibleItems() {
    settle();
    int visible = terminal != null ? visibleAtEnd : visibleAt(elapsedMillis());
    return items.subList(0, visible);
  }

  /** Places billed so far: every visible item that is not an empty one. */
  synchronized int placesCharged() {
    settle();
    return charged(terminal != null ? visibleAtEnd : visibleAt(elapsedMillis()));
  }

  /**
   * The run as {@code {"data":{…}}} would carry it.
   *
   * @param shownStatus overrides the status (READY in the start answer, ABORTING in the abort one)
   * @param withUsage false hides {@code usageTotalUsd}, as Apify does without a token
   * @param countRead a run read: after the finish, the first reads show a preliminary cost
   */
  synchronized ObjectNode toJson(String shownStatus, boolean withUsage, boolean countRead) {
    settle();
    String status = shownStatus != null ? shownStatus : terminal != null ? terminal : "RUNNING";
    long elapsed = terminal != null ? terminalMillis : elapsedMillis();
    int places = placesCharged();
    boolean preliminary = terminal != null && readsAfterEnd < faults.preliminaryReads();
    if (terminal != null && countRead) {
      readsAfterEnd++;
    }
    int billed = preliminary ? (int) Math.floor(places * 0.8) : places;
    ObjectNode run = Exchanges.JSON.createObjectNode();
    run.put("id", id);
    run.put("actId", actId);
    run.put("userId", "sandboxUser00001");
    run.put("startedAt", startedAt.toString());
    if (terminal != null && shownStatus == null) {
      run.put("finishedAt", startedAt.plus(Duration.ofMillis(elapsed)).toString());
    } else {
      run.putNull("finishedAt");
    }
    run.put("status", status);
    run.put("statusMessage", statusMessage(status, places));
    run.put("isStatusMessageTerminal", terminal != null);
    run.putObject("meta").put("origin", "API");
    double runTimeSecs = elapsed / (double) millisPerSecond;
    run.putObject("stats")
        .put("runTimeSecs", round(runTimeSecs))
        .put("computeUnits", round(runTimeSecs * 0.0011));
    run.putObject("options")
        .put("build", "latest")
        .put("timeoutSecs", timeoutMillis == null ? 0 : timeoutMillis / millisPerSecond)
        .put("memoryMbytes", 4096);
    if ("SUCCEEDED".equals(status)) {
      run.put("exitCode", 0);
    } else if ("FAILED".equals(status)) {
      run.put("exitCode", 1);
    } else {
      run.putNull("exitCode");
    }
    run.put("defaultKeyValueStoreId", "kvs" + id.substring(3));
    run.put("defaultDatasetId", datasetId);
    run.put("defaultRequestQueueId", "rq" + id.substring(2));
    if (withUsage) {
      run.put("usageTotalUsd", round(START_USD + PLACE_USD * billed));
    }
    run.putObject("chargedEventCounts").put("actor-start", 1).put("place-scraped", billed);
    run.putObject("pricingInfo").put("pricingModel", "PAY_PER_EVENT");
    return run;
  }

  private String statusMessage(String status, int places) {
    return switch (status) {
      case "READY" -> "Starting the Actor";
      case "RUNNING" -> "Scraped " + places + " places so far";
      case "SUCCEEDED" ->
          capMessage != null ? capMessage : "Finished! Total " + places + " places scraped";
      case "FAILED" -> "The Actor process failed: page.goto: Timeout 60000ms exceeded";
      case "TIMED-OUT" -> "The Actor run has timed out";
      case "ABORTING" -> "Aborting the Actor run";
      default -> "The Actor run was aborted";
    };
  }

  private void settle() {
    if (terminal != null) {
      return;
    }
    long elapsed = elapsedMillis();
    if (timeoutMillis != null && timeoutMillis < runMillis && elapsed >= timeoutMillis) {
      end("TIMED-OUT", timeoutMillis, visibleAt(timeoutMillis));
    } else if (elapsed >= runMillis) {
      String outcome = faults.outcome();
      int kept =
          "SUCCEEDED".equals(outcome)
              ? items.size()
              : (int) Math.round(items.size() * faults.partialShare());
      end(outcome, runMillis, kept);
    }
  }

  private void end(String status, long atMillis, int visible) {
    terminal = status;
    terminalMillis = atMillis;
    visibleAtEnd = visible;
  }

  private int visibleAt(long elapsed) {
    if (runMillis == 0) {
      return items.size();
    }
    return (int) Math.min(items.size(), items.size() * elapsed / runMillis);
  }

  private int charged(int visible) {
    return hiddenItemEvery == 0 ? visible : visible - visible / (hiddenItemEvery + 1);
  }

  private long elapsedMillis() {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private static double round(double value) {
    return Math.round(value * 1e6) / 1e6;
  }
}
