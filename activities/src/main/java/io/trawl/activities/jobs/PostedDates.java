package io.trawl.activities.jobs;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posting dates: the provider's ISO {@code job_posted_date} when it has one, else the relative
 * {@code job_posted_time} ("2 weeks ago") counted back from when the record was scraped.
 *
 * <p>Both are approximate: the provider itself back-computes the ISO date from the relative text. A
 * month counts as 30 days and a year as 365; "30+ days ago" counts as 30 days.
 */
public final class PostedDates {
  private static final Pattern RELATIVE =
      Pattern.compile(
          "^(?:reposted\\s+)?(\\d+|an?|one)\\+?\\s+"
              + "(second|sec|minute|min|hour|hr|day|week|month|year)s?\\s+ago$");

  private PostedDates() {}

  /** Parses an ISO instant, offset date-time, local date-time (UTC) or date (UTC midnight). */
  public static Optional<Instant> parseIso(String text) {
    String value = JobNormalizer.collapse(text);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException notInstant) {
      // fall through to the looser forms
    }
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException notOffset) {
      // fall through
    }
    try {
      return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException notLocal) {
      // fall through
    }
    try {
      return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException notDate) {
      return Optional.empty();
    }
  }

  /**
   * Counts a relative text back from {@code observedAt}; empty when the text is not one of the
   * forms LinkedIn uses.
   */
  public static Optional<Instant> fromRelative(String text, Instant observedAt) {
    String value = JobNormalizer.collapse(text);
    if (value == null || observedAt == null) {
      return Optional.empty();
    }
    String lower = value.toLowerCase(Locale.ROOT);
    switch (lower) {
      case "just now", "now", "today", "moments ago", "a moment ago" -> {
        return Optional.of(observedAt);
      }
      case "yesterday" -> {
        return Optional.of(observedAt.minus(Duration.ofDays(1)));
      }
      default -> {
        // handled by the pattern below
      }
    }
    Matcher m = RELATIVE.matcher(lower);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      long amount =
          m.group(1).chars().allMatch(Character::isDigit) ? Long.parseLong(m.group(1)) : 1;
      return Optional.of(observedAt.minus(unit(m.group(2)).multipliedBy(amount)));
    } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
      // "99999999999999999999 years ago" names no date an Instant can hold.
      return Optional.empty();
    }
  }

  private static Duration unit(String name) {
    return switch (name) {
      case "second", "sec" -> Duration.ofSeconds(1);
      case "minute", "min" -> Duration.ofMinutes(1);
      case "hour", "hr" -> Duration.ofHours(1);
      case "day" -> Duration.ofDays(1);
      case "week" -> Duration.ofDays(7);
      case "month" -> Duration.ofDays(30);
      case "year" -> Duration.ofDays(365);
      default -> throw new IllegalArgumentException("unit " + name);
    };
  }
}
