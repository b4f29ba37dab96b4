package io.trawl.sandbox.files;

import java.time.Instant;

/**
 * One file in the server's catalog: its current content and validators, the faults armed on it and
 * the count-limited faults still to be consumed. Guarded by its own monitor.
 */
final class ServedFile {
  private FileContent content;
  private Instant lastModified;
  private FileFaults faults = FileFaults.none();
  private int dropsLeft;
  private boolean stallArmed;
  private int serverErrorsLeft;

  ServedFile(FileContent content, Instant lastModified) {
    this.content = content;
    this.lastModified = lastModified;
  }

  synchronized void replace(FileContent newContent, Instant newLastModified) {
    content = newContent;
    lastModified = newLastModified;
  }

  synchronized void touch(Instant newLastModified) {
    lastModified = newLastModified;
  }

  synchronized void arm(FileFaults newFaults) {
    faults = newFaults;
    dropsLeft = newFaults.dropTimes();
    stallArmed = newFaults.stallAfterBytes() >= 0;
    serverErrorsLeft = newFaults.serverErrors();
  }

  synchronized FileContent content() {
    return content;
  }

  synchronized Instant lastModified() {
    return lastModified;
  }

  synchronized FileFaults faults() {
    return faults;
  }

  /** True once per armed 503; the caller answers 503 instead of the file. */
  synchronized boolean takeServerError() {
    if (serverErrorsLeft > 0) {
      serverErrorsLeft--;
      return true;
    }
    return false;
  }

  /** The byte count after which this GET is dropped, or -1; consumes one drop. */
  synchronized long takeDrop() {
    if (dropsLeft > 0 && faults.dropAfterBytes() >= 0) {
      dropsLeft--;
      return faults.dropAfterBytes();
    }
    return -1;
  }

  /** The byte count after which this GET stalls, or -1; a stall happens once per arming. */
  synchronized long takeStall() {
    if (stallArmed) {
      stallArmed = false;
      return faults.stallAfterBytes();
    }
    return -1;
  }
}
