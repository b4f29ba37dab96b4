package io.trawl.activities.jobs;

/** A provider record that cannot be used; the message is the reason kept in job_rejects. */
final class MalformedRecordException extends RuntimeException {
  MalformedRecordException(String reason) {
    super(reason, null, false, false);
  }
}
