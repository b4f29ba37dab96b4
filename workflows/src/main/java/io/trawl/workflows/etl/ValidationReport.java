package io.trawl.workflows.etl;

import java.time.Instant;
import java.util.List;

/**
 * A file that passed validation.
 *
 * @param checks the checks it passed, e.g. ["not-empty", "length", "magic", "gzip-stream"]
 * @param validatedAt when
 */
public record ValidationReport(List<String> checks, Instant validatedAt) {
  public ValidationReport {
    checks = List.copyOf(checks);
  }
}
