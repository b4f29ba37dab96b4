package io.trawl.activities.providers;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/** How provider clients quote an answer in an error message, and read its Retry-After. */
public final class ResponseText {
  private static final int EXCERPT_CHARS = 200;
  private static final Pattern TITLE = Pattern.compile("(?is)<title>(.*?)</title>");

  private ResponseText() {}

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

  /**
   * The whole body as UTF-8 text, or null when it is longer than {@code maxBytes}: reads at most
   * one byte past the limit, so an endless or huge answer never fills the heap.
   */
  public static String readAtMost(ResponseBody body, long maxBytes) throws IOException {
    BufferedSource source = body.source();
    if (source.request(maxBytes + 1)) {
      return null;
    }
    return source.readUtf8();
  }

  /**
   * The most a JSON answer of a provider API may hold. Real answers are kilobytes (a page of 20
   * Places results, a run record, a page of actor items is a few MB at most); anything larger is a
   * broken or hostile server, refused before it fills the heap.
   */
  public static final long MAX_ANSWER_BYTES = 32L << 20;

  /** An answer longer than the client reads into memory. */
  public static final class AnswerTooLargeException extends IOException {
    public AnswerTooLargeException(long maxBytes) {
      super("the answer is larger than " + maxBytes + " bytes");
    }
  }

  /**
   * The whole body as UTF-8 text, or {@link AnswerTooLargeException} when it is longer than {@link
   * #MAX_ANSWER_BYTES}: the clients' IOException handling turns it into their typed failure.
   */
  public static String readCapped(ResponseBody body) throws IOException {
    String text = readAtMost(body, MAX_ANSWER_BYTES);
    if (text == null) {
      throw new AnswerTooLargeException(MAX_ANSWER_BYTES);
    }
    return text;
  }

  public static boolean looksLikeHtml(String body) {
    String start = body == null ? "" : body.stripLeading();
    return start.startsWith("<");
  }

  /** Retry-After as delta-seconds or an HTTP date; null when absent or unreadable. */
  public static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(value));
      } catch (NumberFormatException e) {
        // More seconds than a long holds is no wait anyone means; the caller's backoff applies.
        return null;
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration wait = Duration.between(now, at);
      return wait.isNegative() ? Duration.ZERO : wait;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
