package io.trawl.activities.fuzz;

import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Runs a property over generated inputs inside one JUnit test: the generator's edge values first
 * (at most a quarter of the tries), then random values, stopping at the first failing try.
 *
 * <p>Deterministic: random try {@code i} draws from a generator seeded with {@code base + i}, where
 * the base seed is the property name's hash unless {@code -Dtrawl.fuzz.seed=N} sets it. A failure
 * names the try, its seed and an excerpt of its input; rerunning with that seed makes the failing
 * input the first random try.
 */
public final class Tries {
  /** The system property that overrides every property's base seed, to replay a failure. */
  public static final String SEED_PROPERTY = "trawl.fuzz.seed";

  private static final int INPUT_EXCERPT = 300;
  private static final int FAILURE_EXCERPT = 2_000;

  private Tries() {}

  /** Checks {@code property} on {@code tries} values of {@code generator}. */
  public static <T> void forAll(
      String name, int tries, Generator<T> generator, ThrowingConsumer<? super T> property) {
    forAll(name, Long.getLong(SEED_PROPERTY), tries, generator, property);
  }

  /** {@link #forAll(String, int, Generator, ThrowingConsumer)} with the base seed given. */
  static <T> void forAll(
      String name,
      Long seedOverride,
      int tries,
      Generator<T> generator,
      ThrowingConsumer<? super T> property) {
    List<T> edges = generator.edges();
    int edgeTries = Math.min(edges.size(), tries / 4);
    for (int i = 0; i < edgeTries; i++) {
      T input = edges.get(i);
      check(name, property, input, "edge value " + (i + 1) + " of " + edgeTries);
    }
    long base = seedOverride != null ? seedOverride : name.hashCode() * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < tries - edgeTries; i++) {
      long seed = base + i;
      T input = generator.next(new SplittableRandom(seed));
      check(
          name,
          property,
          input,
          "random try "
              + (i + 1)
              + " of "
              + (tries - edgeTries)
              + ", seed "
              + seed
              + " (replay with -D"
              + SEED_PROPERTY
              + "="
              + seed
              + ")");
    }
  }

  /** Checks {@code property} on every one of {@code inputs}, in order. */
  public static <T> void exhaustively(
      String name, List<T> inputs, ThrowingConsumer<? super T> property) {
    for (int i = 0; i < inputs.size(); i++) {
      check(name, property, inputs.get(i), "input " + (i + 1) + " of " + inputs.size());
    }
  }

  private static <T> void check(
      String name, ThrowingConsumer<? super T> property, T input, String which) {
    try {
      property.accept(input);
    } catch (OutOfMemoryError fatal) {
      throw fatal;
    } catch (Throwable failure) {
      // A StackOverflowError from a deep input is a finding like any other, so it is reported too.
      throw new AssertionError(
          name
              + " failed on "
              + which
              + ": "
              + excerpt(failure, FAILURE_EXCERPT)
              + "\ninput: "
              + excerpt(input, INPUT_EXCERPT),
          failure);
    }
  }

  /**
   * The start of {@code input}'s text with control characters other than newline and tab escaped,
   * and its length.
   */
  static String excerpt(Object input, int limit) {
    String text =
        input instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(input);
    StringBuilder out = new StringBuilder("(" + text.length() + " chars) \"");
    text.substring(0, Math.min(text.length(), limit))
        .chars()
        .forEach(
            c -> {
              if ((c < 0x20 && c != '\n' && c != '\t')
                  || c == 0x7F
                  || Character.isSurrogate((char) c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.append((char) c);
              }
            });
    return out.append(text.length() > limit ? "\"…" : "\"").toString();
  }
}
