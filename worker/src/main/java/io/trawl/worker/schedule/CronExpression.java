package io.trawl.worker.schedule;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a cron expression before it reaches the server, so a typo is one clear line at {@code
 * create} or {@code apply --dry-run} time instead of a gRPC error later.
 *
 * <p>Accepts what Temporal Schedules accept in the common form: five fields (minute, hour,
 * day-of-month, month, day-of-week), each a comma list of {@code *}, {@code N} or {@code N-M}
 * with an optional {@code /step}, month and weekday names ({@code jan}, {@code mon}; Sunday is
 * 0), and the shorthands {@code @hourly}, {@code @daily}, {@code @weekly}, {@code
 * @monthly}, {@code @yearly}. The time zone is not part of the expression: it is the schedule's
 * {@code tz}.
 */
public final class CronExpression {
  private static final List<String> SHORTHANDS =
      List.of("@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly");
  private static final List<Field> FIELDS =
      List.of(
          new Field("minute", 0, 59, Map.of()),
          new Field("hour", 0, 23, Map.of()),
          new Field("day of month", 1, 31, Map.of()),
          new Field("month", 1, 12, names("jan feb mar apr may jun jul aug sep oct nov dec", 1)),
          new Field("day of week", 0, 6, names("sun mon tue wed thu fri sat", 0)));

  private CronExpression() {}

  /**
   * Returns the expression with single spaces between its fields.
   *
   * @throws IllegalArgumentException naming the field and the value that is wrong
   */
  public static String validate(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("cron expression is empty");
    }
    String normalized = String.join(" ", expression.strip().split("\\s+"));
    if (normalized.startsWith("@")) {
      if (!SHORTHANDS.contains(normalized.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "\""
                + expression
                + "\" is not a known shorthand (known: "
                + String.join(", ", SHORTHANDS)
                + ")");
      }
      return normalized.toLowerCase(Locale.ROOT);
    }
    String[] parts = normalized.split(" ");
    if (parts.length != FIELDS.size()) {
      throw new IllegalArgumentException(
          "\""
              + expression
              + "\" has "
              + parts.length
              + " fields; expected 5: minute hour day-of-month month day-of-week, e.g. \"0 2 * *"
              + " *\"");
    }
    for (int i = 0; i < parts.length; i++) {
      FIELDS.get(i).check(expression, parts[i]);
    }
    return normalized;
  }

  private static Map<String, Integer> names(String words, int first) {
    String[] list = words.split(" ");
    Map<String, Integer> names = new java.util.HashMap<>();
    for (int i = 0; i < list.length; i++) {
      names.put(list[i], first + i);
    }
    return Map.copyOf(names);
  }

  /** One field's range and names. */
  private record Field(String name, int min, int max, Map<String, Integer> names) {
    void check(String expression, String text) {
      for (String item : text.split(",", -1)) {
        checkItem(expression, item);
      }
    }

    private void checkItem(String expression, String item) {
      String range = item;
      int slash = item.indexOf('/');
      if (slash >= 0) {
        range = item.substring(0, slash);
        int step = number(expression, item.substring(slash + 1), item);
        if (step < 1) {
          throw wrong(expression, item, "the step must be 1 or more");
        }
      }
      if (range.equals("*")) {
        return;
      }
      int dash = range.indexOf('-');
      if (dash > 0) {
        int from = value(expression, range.substring(0, dash), item);
        int to = value(expression, range.substring(dash + 1), item);
        if (from > to) {
          throw wrong(expression, item, "the range runs backwards");
        }
        return;
      }
      value(expression, range, item);
    }

    private int value(String expression, String text, String item) {
      Integer named = names.get(text.toLowerCase(Locale.ROOT));
      int value = named != null ? named : number(expression, text, item);
      if (value < min || value > max) {
        throw wrong(expression, item, "must be between " + min + " and " + max);
      }
      return value;
    }

    private int number(String expression, String text, String item) {
      try {
        return Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw wrong(expression, item, "\"" + text + "\" is not a number");
      }
    }

    private IllegalArgumentException wrong(String expression, String item, String why) {
      return new IllegalArgumentException(
          name + " \"" + item + "\" in \"" + expression + "\": " + why);
    }
  }
}
