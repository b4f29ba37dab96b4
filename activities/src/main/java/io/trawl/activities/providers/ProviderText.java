package io.trawl.activities.providers;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text helpers the provider clients share for error messages: a provider's answer shortened to one
 * line, secrets masked, and Retry-After read.
 */
public final class ProviderText {
  private static final int EXCERPT_CHARS = 200;
  private static final Pattern TITLE = Pattern.compile("(?is)<title>(.*?)</title>");

  private ProviderText() {}

  /** The provider's text on one line and at most ~200 chars; an HTML page by its title. */
  public static String excerpt(String body) {
    if (body == null || body.isBlank()) {
      return "(empty body)";
    }
    String text = body;
    if (looksLikeHtml(body)) {
      Matcher title = TITLE.matcher(body);
      text = title.find() ? "HTML page \"" + title.group(1).strip() + "\"" : "HTML page";
    }
    text = text.replaceAll("\\s+", " ").strip();
    return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "…";
  }

  public static boolean looksLikeHtml(String body) {
    return body != null && body.stripLeading().startsWith("<");
  }

  /** {@code message} with every occurrence of {@code secret} replaced by ***. */
  public static String redact(String message, String secret) {
    return secret == null || secret.length() < 4 ? message : message.replace(secret, "***");
  }

  /** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
  public static Duration parseRetryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(Instant.now(), at);
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A URL without its trailing slash; {@code fallback} when blank. */
  public static String baseUrl(String url, String fallback) {
    String value = url == null || url.isBlank() ? fallback : url.strip();
    return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
  }
}
