package io.trawl.sandbox.brightdata;

import io.trawl.sandbox.brightdata.FakeBrightData.Faults;

/**
 * One triggered collection and where its progress stands. Progress advances per poll, not per
 * second, so tests control it exactly.
 */
final class Snapshot {
  static final String STARTING = "starting";
  static final String RUNNING = "running";
  static final String READY = "ready";
  static final String FAILED = "failed";
  static final String CANCELLED = "cancelled";

  private final String id;
  private final SnapshotBatch batch;
  private int polls;
  private String status = STARTING;
  private String errorMessage;

  Snapshot(String id, SnapshotBatch batch) {
    this.id = id;
    this.batch = batch;
  }

  String id() {
    return id;
  }

  SnapshotBatch batch() {
    return batch;
  }

  /** One progress poll under the given faults; returns the status it now reports. */
  synchronized String poll(Faults faults) {
    polls++;
    if (isTerminal()) {
      return status;
    }
    if (polls > faults.pollsBeforeReady()) {
      if (faults.progressFailure() != null) {
        status = FAILED;
        errorMessage = faults.progressFailure();
      } else {
        status = READY;
      }
      return status;
    }
    if (faults.unknownStatus() != null) {
      return faults.unknownStatus();
    }
    status = polls == 1 && faults.pollsBeforeReady() > 1 ? STARTING : RUNNING;
    return status;
  }

  synchronized String status() {
    return status;
  }

  synchronized String errorMessage() {
    return errorMessage;
  }

  /** Cancels a collection still going; false when it already ended. */
  synchronized boolean cancel() {
    if (isTerminal()) {
      return false;
    }
    status = CANCELLED;
    return true;
  }

  private boolean isTerminal() {
    return READY.equals(status) || FAILED.equals(status) || CANCELLED.equals(status);
  }
}
