package io.trawl.starter.schedule;

import io.trawl.starter.UsageException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as the schedule commands print and read them: in the schedule's own zone. */
final class ScheduleTimes {
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ENGLISH);

  private ScheduleTimes() {}

  /** E.g. {@code 2026-11-26 02:00:00 CET}; "-" for none. */
  static String format(Instant time, ZoneId zone) {
    return time == null ? "-" : SHOWN.format(time.atZone(zone));
  }

  /**
   * Reads {@code 2026-11-20T02:00:00Z}, {@code 2026-11-20T02:00+01:00}, or a time or date without
   * an offset, which is read in the schedule's zone.
   */
  static Instant parse(String option, String text, ZoneId zone) {
    String value = text.strip();
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeException notOffset) {
      // Try the forms without an offset next.
    }
    try {
      return LocalDateTime.parse(value).atZone(zone).toInstant();
    } catch (DateTimeException notLocal) {
      // Try a plain date last.
    }
    try {
      return LocalDate.parse(value).atStartOfDay(zone).toInstant();
    } catch (DateTimeException e) {
      throw new UsageException(
          option
              + " is not a time, got \""
              + text
              + "\" (use 2026-11-20, 2026-11-20T02:00 in the schedule's zone, or"
              + " 2026-11-20T01:00Z)");
    }
  }
}
