package io.trawl.worker.schedule;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A schedule's workflow arguments ({@code query=Data Engineer}), read by a {@link
 * ScheduledWorkflowKind}. Every problem is an {@link IllegalArgumentException} naming the argument.
 */
public final class ScheduleArgs {
  private final Map<String, String> values;

  public ScheduleArgs(Map<String, String> values) {
    this.values = new TreeMap<>(values);
  }

  /** Refuses arguments the kind does not know: a typo would otherwise be ignored silently. */
  public ScheduleArgs allow(String kind, Set<String> known) {
    for (String name : values.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            kind
                + " takes no argument \""
                + name
                + "\" (known: "
                + String.join(", ", new TreeSet<>(known))
                + ")");
      }
    }
    return this;
  }

  public String required(String kind, String name) {
    String value = optional(name);
    if (value == null) {
      throw new IllegalArgumentException(kind + " needs the argument " + name + "=…");
    }
    return value;
  }

  /** The value, stripped; null when absent or blank. */
  public String optional(String name) {
    String value = values.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A whole number of at least {@code min}, or {@code fallback} when absent. */
  public int integer(String name, int min, int fallback) {
    String value = optional(name);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min) {
        throw new NumberFormatException();
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "argument " + name + " must be a whole number >= " + min + ", got \"" + value + "\"");
    }
  }

  /** The arguments as given, sorted by name. */
  public Map<String, String> asMap() {
    return Map.copyOf(values);
  }
}
