package io.trawl.sandbox.places;

import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code nextPageToken}s handed out: each is bound to the request it continues, so a token sent
 * with other parameters, or a token never issued, is INVALID_ARGUMENT, as Google does.
 */
final class PageTokens {
  private record Continuation(String fingerprint, int offset) {}

  private final Map<String, Continuation> issued = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  String issue(String fingerprint, int offset) {
    String raw = "sandbox-page:" + sequence.incrementAndGet() + ":" + fingerprint.hashCode();
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes());
    issued.put(token, new Continuation(fingerprint, offset));
    return token;
  }

  /**
   * The offset the token continues from.
   *
   * @throws IllegalArgumentException with Google's message when the token is unknown or was issued
   *     for other parameters
   */
  int resume(String token, String fingerprint) {
    Continuation continuation = issued.get(token);
    if (continuation == null) {
      throw new IllegalArgumentException("Invalid page token.");
    }
    if (!continuation.fingerprint().equals(fingerprint)) {
      throw new IllegalArgumentException(
          "Request parameters must be the same as in the request that returned the page token.");
    }
    return continuation.offset();
  }
}
