package io.trawl.activities.providers;

import java.time.Duration;
import java.time.Instant;

/**
 * Text helpers the provider clients share for error messages: a provider's answer shortened to one
 * line, secrets masked, and Retry-After read.
 */
public final class ProviderText {
  private ProviderText() {}

  /** See {@link ResponseText#excerpt}: one line, at most ~200 chars, an HTML page by its title. */
  public static String excerpt(String body) {
    return ResponseText.excerpt(body);
  }

  /**
   * {@link #excerpt(String)} with {@code secret} masked first: shortening the body must not cut a
   * secret in two and leave its first half where a later redaction no longer recognises it.
   */
  public static String excerpt(String body, String secret) {
    return ResponseText.excerpt(body == null ? null : redact(body, secret));
  }

  public static boolean looksLikeHtml(String body) {
    return ResponseText.looksLikeHtml(body);
  }

  /** {@code message} with every occurrence of {@code secret} replaced by ***. */
  public static String redact(String message, String secret) {
    return secret == null || secret.length() < 4 ? message : message.replace(secret, "***");
  }

  /** Retry-After as delta-seconds or an HTTP date from now; null when absent or unreadable. */
  public static Duration parseRetryAfter(String header) {
    return ResponseText.retryAfter(header, Instant.now());
  }

  /** A URL without its trailing slash; {@code fallback} when blank. */
  public static String baseUrl(String url, String fallback) {
    String value = url == null || url.isBlank() ? fallback : url.strip();
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
