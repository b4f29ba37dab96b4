package io.trawl.starter.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.trawl.worker.config.ByteSize;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * One target of a bench: a measured figure, the goal it is held to and which side of the goal
 * counts as met. Every bench prints its targets, its last line ({@link #verdict}) and the targets
 * of its {@code --json} (this record as it serializes) through this type.
 *
 * @param name what is measured, e.g. "new rows vs raw COPY"
 * @param measured the figure this run measured; NaN when the run could not measure it (missed)
 * @param bound which side of the goal meets the target
 * @param goal the figure to reach or stay within
 * @param unit how the figure prints: "" for a count or plain ratio, "x" for a multiple, "bytes" for
 *     a size, "$" for money, or a unit written after the number ("s", "ms", "%")
 */
record BenchTarget(String name, double measured, Bound bound, double goal, String unit) {
  /** Which side of the goal a figure must be on. */
  enum Bound {
    AT_MOST("<=", "at_most"),
    AT_LEAST(">=", "at_least"),
    BELOW("<", "below"),
    ABOVE(">", "above");

    private final String symbol;
    private final String wireName;

    Bound(String symbol, String wireName) {
      this.symbol = symbol;
      this.wireName = wireName;
    }

    boolean holds(double measured, double goal) {
      return switch (this) {
        case AT_MOST -> measured <= goal;
        case AT_LEAST -> measured >= goal;
        case BELOW -> measured < goal;
        case ABOVE -> measured > goal;
      };
    }

    String symbol() {
      return symbol;
    }

    @JsonValue
    String wireName() {
      return wireName;
    }
  }

  static BenchTarget atMost(String name, double measured, double goal, String unit) {
    return new BenchTarget(name, measured, Bound.AT_MOST, goal, unit);
  }

  static BenchTarget atLeast(String name, double measured, double goal, String unit) {
    return new BenchTarget(name, measured, Bound.AT_LEAST, goal, unit);
  }

  static BenchTarget below(String name, double measured, double goal, String unit) {
    return new BenchTarget(name, measured, Bound.BELOW, goal, unit);
  }

  static BenchTarget above(String name, double measured, double goal, String unit) {
    return new BenchTarget(name, measured, Bound.ABOVE, goal, unit);
  }

  /** Whether the figure is on the goal's side; an unmeasured figure never is. */
  @JsonProperty("met")
  boolean met() {
    return !Double.isNaN(measured) && bound.holds(measured, goal);
  }

  /** e.g. {@code median wall time with CDS: 4.22 s, wanted <= 4 s (off by 0.22 s)}. */
  String missedBy() {
    if (Double.isNaN(measured)) {
      return name + ": unmeasured, wanted " + bound.symbol() + " " + format(goal);
    }
    return String.format(
        Locale.ROOT,
        "%s: %s, wanted %s %s (off by %s)",
        name,
        format(measured),
        bound.symbol(),
        format(goal),
        format(Math.abs(measured - goal)));
  }

  /** A figure in this target's unit, integers as they are and others to three digits. */
  String format(double value) {
    if (Double.isNaN(value)) {
      return "unmeasured";
    }
    if (unit.equals("bytes")) {
      return ByteSize.format((long) value);
    }
    String number =
        value == Math.rint(value) && Math.abs(value) < 1e15
            ? Long.toString((long) value)
            : new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    return switch (unit) {
      case "" -> number;
      case "$" -> "$" + number;
      case "x" -> number + "x";
      default -> number + " " + unit;
    };
  }

  /** {@code target met}, or {@code target missed: } with each missed target and by how much. */
  static String verdict(List<BenchTarget> targets) {
    List<String> missed =
        targets.stream().filter(t -> !t.met()).map(BenchTarget::missedBy).toList();
    return missed.isEmpty() ? "target met" : "target missed: " + String.join("; ", missed);
  }

  /** One line per target (figure, goal, met or missed), then the verdict as the last line. */
  static void print(PrintWriter out, List<BenchTarget> targets) {
    int width = targets.stream().mapToInt(t -> t.name().length()).max().orElse(0);
    for (BenchTarget t : targets) {
      out.printf(
          Locale.ROOT,
          "  target: %-" + width + "s %12s %-2s %-12s %s%n",
          t.name(),
          t.format(t.measured()),
          t.bound().symbol(),
          t.format(t.goal()),
          t.met() ? "met" : "MISSED");
    }
    out.println(verdict(targets));
  }
}
