package io.trawl.starter.runs;

import io.trawl.starter.UsageException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The visibility query {@code ./trawl runs} sends: trawl's runs (those carrying {@code
 * TrawlPipeline}), narrowed by pipeline, status and start time.
 */
record RunQuery(String pipeline, String status, Instant since) {
  private static final Pattern SINCE = Pattern.compile("(\\d+)([mhdw])");
  // Keyword values go inside single quotes; refusing quotes keeps the query well-formed.
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.:-]+");

  RunQuery {
    checkValue("--pipeline", pipeline);
    checkValue("--status", status);
  }

  /** Parses {@code --since} as {@code 30m}, {@code 12h}, {@code 1d} or {@code 2w} before now. */
  static Instant since(String text, Instant now) {
    if (text == null) {
      return null;
    }
    Matcher m = SINCE.matcher(text.strip());
    if (!m.matches()) {
      throw new UsageException(
          "--since must be a number and a unit (m, h, d or w), e.g. 1d; got \"" + text + "\"");
    }
    try {
      long amount = Long.parseLong(m.group(1));
      Duration duration =
          switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofDays(Math.multiplyExact(7, amount));
          };
      return now.minus(duration).truncatedTo(ChronoUnit.SECONDS);
    } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
      throw new UsageException("--since reaches back past any date, got \"" + text + "\"");
    }
  }

  String text() {
    List<String> clauses = new ArrayList<>();
    clauses.add(
        pipeline == null ? "TrawlPipeline IS NOT NULL" : "TrawlPipeline = '" + pipeline + "'");
    if (status != null) {
      clauses.add("TrawlStatus = '" + status + "'");
    }
    if (since != null) {
      clauses.add("StartTime >= '" + since + "'");
    }
    // No ORDER BY: SQL visibility (the dev server, PostgreSQL/MySQL clusters) refuses it; the
    // server's own order is newest first, and the command sorts what it takes.
    return String.join(" AND ", clauses);
  }

  private static void checkValue(String option, String value) {
    if (value != null && !VALUE.matcher(value).matches()) {
      throw new UsageException(
          option + " takes a plain word (letters, digits, _ . : -); got \"" + value + "\"");
    }
  }
}
