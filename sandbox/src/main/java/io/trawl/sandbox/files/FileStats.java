package io.trawl.sandbox.files;

import java.util.concurrent.atomic.AtomicLong;

/** What the server did for one file, for tests to assert on. Thread-safe. */
public final class FileStats {
  private final AtomicLong heads = new AtomicLong();
  private final AtomicLong gets = new AtomicLong();
  private final AtomicLong rangeRequests = new AtomicLong();
  private final AtomicLong partialResponses = new AtomicLong();
  private final AtomicLong notModified = new AtomicLong();
  private final AtomicLong bodyBytes = new AtomicLong();

  void countHead() {
    heads.incrementAndGet();
  }

  void countGet(boolean withRange) {
    gets.incrementAndGet();
    if (withRange) {
      rangeRequests.incrementAndGet();
    }
  }

  void countPartial() {
    partialResponses.incrementAndGet();
  }

  void countNotModified() {
    notModified.incrementAndGet();
  }

  void countBody(long bytes) {
    bodyBytes.addAndGet(bytes);
  }

  public long heads() {
    return heads.get();
  }

  public long gets() {
    return gets.get();
  }

  /** GETs that carried a Range header, whether or not it was honoured. */
  public long rangeRequests() {
    return rangeRequests.get();
  }

  /** GETs answered 206. */
  public long partialResponses() {
    return partialResponses.get();
  }

  /** GETs answered 304 because If-None-Match matched. */
  public long notModified() {
    return notModified.get();
  }

  /** Body bytes written to clients over all requests, including bodies cut short. */
  public long bodyBytes() {
    return bodyBytes.get();
  }

  @Override
  public String toString() {
    return "FileStats[heads="
        + heads()
        + " gets="
        + gets()
        + " ranges="
        + rangeRequests()
        + " partial="
        + partialResponses()
        + " notModified="
        + notModified()
        + " bodyBytes="
        + bodyBytes()
        + "]";
  }
}
