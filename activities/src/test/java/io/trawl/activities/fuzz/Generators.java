package io.trawl.activities.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Factories and combinators of {@link Generator}s: element choice, weighted and equal choice
 * between generators, numbers with their boundaries, strings over a set of characters and bytes.
 */
public final class Generators {
  /** Every UTF-16 code unit, lone surrogates and NUL included. */
  public static final String ANY_CHAR = "";

  private Generators() {}

  /** A generator and how often it is picked, relative to the others in {@link #frequency}. */
  public record Weighted<T>(int weight, Generator<? extends T> generator) {
    public Weighted {
      if (weight <= 0) {
        throw new IllegalArgumentException("weight must be positive, got " + weight);
      }
    }
  }

  /** {@code generator} picked {@code weight} times as often as a generator of weight 1. */
  public static <T> Weighted<T> weighted(int weight, Generator<? extends T> generator) {
    return new Weighted<>(weight, generator);
  }

  /** Always {@code value}, which is also its one edge. */
  public static <T> Generator<T> just(T value) {
    Generator<T> same = random -> value;
    return same.withEdges(() -> List.of(value));
  }

  /** One of {@code values}, each as likely; the first and the last are the edges. */
  public static <T> Generator<T> elements(List<T> values) {
    List<T> choices = List.copyOf(values);
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("no values to choose from");
    }
    Generator<T> element = random -> choices.get(random.nextInt(choices.size()));
    return element.withEdges(
        () -> choices.size() == 1 ? choices : List.of(choices.getFirst(), choices.getLast()));
  }

  /** One of {@code values}, each as likely. */
  @SafeVarargs
  public static <T> Generator<T> elements(T... values) {
    return elements(Arrays.asList(values));
  }

  /** A value of one of {@code generators}, each as likely; their edges in turn. */
  @SafeVarargs
  public static <T> Generator<T> oneOf(Generator<? extends T>... generators) {
    return frequency(Arrays.stream(generators).map(g -> Generators.<T>weighted(1, g)).toList());
  }

  /** A value of one of the {@code choices}, picked by weight; their edges in turn. */
  @SafeVarargs
  public static <T> Generator<T> frequency(Weighted<T>... choices) {
    return frequency(Arrays.asList(choices));
  }

  /** A value of one of the {@code choices}, picked by weight; their edges in turn. */
  public static <T> Generator<T> frequency(List<Weighted<T>> choices) {
    List<Weighted<T>> all = List.copyOf(choices);
    int total = all.stream().mapToInt(Weighted::weight).sum();
    Generator<T> pick =
        random -> {
          int ticket = random.nextInt(total);
          for (Weighted<T> choice : all) {
            ticket -= choice.weight();
            if (ticket < 0) {
              return choice.generator().next(random);
            }
          }
          throw new IllegalStateException("weights changed while picking");
        };
    return pick.withEdges(() -> interleavedEdges(all.stream().map(Weighted::generator).toList()));
  }

  /** An int in {@code [min, max]}; edges are both ends, their neighbours and zero if inside. */
  public static Generator<Integer> ints(int min, int max) {
    if (min > max) {
      throw new IllegalArgumentException("min " + min + " is above max " + max);
    }
    Generator<Integer> inclusive = random -> (int) random.nextLong(min, (long) max + 1);
    return inclusive.withEdges(
        () -> {
          LinkedHashSet<Integer> edges = new LinkedHashSet<>();
          for (long v : new long[] {min, max, 0, (long) min + 1, (long) max - 1}) {
            if (v >= min && v <= max) {
              edges.add((int) v);
            }
          }
          return List.copyOf(edges);
        });
  }

  /**
   * Any long, small magnitudes as likely as large ones (uniform draws would almost never be small);
   * edges are zero, ±1 and both ends of the range.
   */
  public static Generator<Long> longs() {
    Generator<Long> any =
        random -> {
          int bits = random.nextInt(1, 65);
          long magnitude = bits == 64 ? random.nextLong() : random.nextLong() >>> (64 - bits);
          return random.nextBoolean() ? magnitude : -magnitude;
        };
    return any.withEdges(() -> List.of(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE));
  }

  /**
   * Strings of {@code minLength} to {@code maxLength} characters from {@code chars} ({@link
   * #ANY_CHAR} for every UTF-16 code unit); edges are the shortest string, each single character at
   * the ends of the set, and the longest string.
   */
  public static Generator<String> strings(String chars, int minLength, int maxLength) {
    Generator<Character> character =
        chars.isEmpty()
            ? random -> (char) random.nextInt(Character.MAX_VALUE + 1)
            : random -> chars.charAt(random.nextInt(chars.length()));
    char first = chars.isEmpty() ? '\u0000' : chars.charAt(0);
    char last = chars.isEmpty() ? Character.MAX_VALUE : chars.charAt(chars.length() - 1);
    Generator<String> text =
        random -> {
          int length = random.nextInt(minLength, maxLength + 1);
          StringBuilder out = new StringBuilder(length);
          for (int i = 0; i < length; i++) {
            out.append(character.next(random));
          }
          return out.toString();
        };
    return text.withEdges(
        () -> {
          LinkedHashSet<String> edges = new LinkedHashSet<>();
          edges.add(String.valueOf(first).repeat(minLength));
          if (minLength <= 1 && maxLength >= 1) {
            edges.add(String.valueOf(first));
            edges.add(String.valueOf(last));
          }
          edges.add(String.valueOf(last).repeat(maxLength));
          return List.copyOf(edges);
        });
  }

  /** Byte arrays of up to {@code maxSize} bytes; edges are empty, one byte of each end, longest. */
  public static Generator<byte[]> bytes(int maxSize) {
    Generator<byte[]> bytes =
        random -> {
          byte[] out = new byte[random.nextInt(maxSize + 1)];
          random.nextBytes(out);
          return out;
        };
    return bytes.withEdges(
        () -> {
          byte[] full = new byte[maxSize];
          Arrays.fill(full, (byte) 0xFF);
          return List.of(new byte[0], new byte[] {0}, new byte[] {(byte) 0xFF}, full);
        });
  }

  /**
   * {@code f} of a value of each generator; edges vary one component at a time over its edges, the
   * other held at its first edge (or a value drawn with seed 0 when it has none).
   */
  public static <A, B, R> Generator<R> combine(
      Generator<A> a, Generator<B> b, BiFunction<? super A, ? super B, ? extends R> f) {
    Generator<R> both = random -> f.apply(a.next(random), b.next(random));
    return both.withEdges(
        () -> {
          A a0 = anchor(a);
          B b0 = anchor(b);
          List<R> edges = new ArrayList<>();
          a.edges().forEach(edge -> edges.add(f.apply(edge, b0)));
          b.edges().forEach(edge -> edges.add(f.apply(a0, edge)));
          return edges;
        });
  }

  /** A function of three values, for {@link #combine(Generator, Generator, Generator, Fn3)}. */
  @FunctionalInterface
  public interface Fn3<A, B, C, R> {
    R apply(A a, B b, C c);
  }

  /** {@code f} of a value of each generator; edges vary one component at a time. */
  public static <A, B, C, R> Generator<R> combine(
      Generator<A> a, Generator<B> b, Generator<C> c, Fn3<? super A, ? super B, ? super C, R> f) {
    Generator<R> all = random -> f.apply(a.next(random), b.next(random), c.next(random));
    return all.withEdges(
        () -> {
          A a0 = anchor(a);
          B b0 = anchor(b);
          C c0 = anchor(c);
          List<R> edges = new ArrayList<>();
          a.edges().forEach(edge -> edges.add(f.apply(edge, b0, c0)));
          b.edges().forEach(edge -> edges.add(f.apply(a0, edge, c0)));
          c.edges().forEach(edge -> edges.add(f.apply(a0, b0, edge)));
          return edges;
        });
  }

  private static <T> T anchor(Generator<T> generator) {
    List<T> edges = generator.edges();
    return edges.isEmpty() ? generator.next(new SplittableRandom(0)) : edges.getFirst();
  }

  /** The first edge of each generator, then the second of each, and so on. */
  private static <T> List<T> interleavedEdges(List<Generator<? extends T>> generators) {
    List<List<? extends T>> lists =
        generators.stream().<List<? extends T>>map(Generator::edges).toList();
    List<T> edges = new ArrayList<>();
    int longest = lists.stream().mapToInt(List::size).max().orElse(0);
    for (int i = 0; i < longest && edges.size() < Generator.EDGE_LIMIT; i++) {
      for (List<? extends T> list : lists) {
        if (i < list.size()) {
          edges.add(list.get(i));
        }
      }
    }
    return edges;
  }
}
