package io.trawl.workflows.market;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every source's answer for one symbol that got no quote: the first detail of the activity's {@code
 * QuoteUnavailable} failure, so a workflow can report why per source.
 */
public record SourceAttempts(String symbol, List<SourceAttempt> attempts) {
  public SourceAttempts {
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }

  /** One line: {@code cache: failure (miss); yahoo: failure (Yahoo answered 503 …)}. */
  public String describe() {
    return attempts.stream().map(SourceAttempt::describe).collect(Collectors.joining("; "));
  }
}
