package io.trawl.workflows.notify;

import java.util.List;

/**
 * What became of one notification: the targets that accepted it and those that did not after every
 * retry. Target names only, never their URLs.
 *
 * @param kind the event's kind
 * @param delivered targets that answered 2xx
 * @param failed targets that refused it or stayed unreachable
 */
public record NotificationResult(String kind, List<String> delivered, List<String> failed) {
  public NotificationResult {
    delivered = delivered == null ? List.of() : List.copyOf(delivered);
    failed = failed == null ? List.of() : List.copyOf(failed);
  }
}
