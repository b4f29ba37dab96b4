package io.trawl.activities.fuzz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A source of test inputs for {@link Tries}: a random value from a seeded generator, plus the edge
 * values (empty, longest, boundary numbers) that are tried before any random one.
 *
 * <p>Factories live in {@link Generators}; edges are computed only when {@link Tries} asks, and
 * combinators keep them few (each component's edges in turn, never their product).
 */
@FunctionalInterface
public interface Generator<T> {
  /** How many edge values one generator offers at most. */
  int EDGE_LIMIT = 24;

  /** One random value drawn from {@code random}. */
  T next(RandomGenerator random);

  /** The values worth trying first, in order; none unless the factory says otherwise. */
  default List<T> edges() {
    return List.of();
  }

  /** This generator with {@code edges} as its edge values. */
  default Generator<T> withEdges(Supplier<List<T>> edges) {
    Generator<T> self = this;
    return new Generator<>() {
      // Combinators ask their parts for edges more than once; big edges (1 MB strings) are made
      // once.
      private List<T> computed;

      @Override
      public T next(RandomGenerator random) {
        return self.next(random);
      }

      @Override
      public List<T> edges() {
        if (computed == null) {
          List<T> values = edges.get();
          computed =
              Collections.unmodifiableList(
                  new ArrayList<>(values.subList(0, Math.min(values.size(), EDGE_LIMIT))));
        }
        return computed;
      }
    };
  }

  /** Values of this generator passed through {@code f}, edges included. */
  default <R> Generator<R> map(Function<? super T, ? extends R> f) {
    Generator<R> mapped = random -> f.apply(next(random));
    return mapped.withEdges(() -> edges().stream().<R>map(f).toList());
  }

  /** A value of the generator {@code f} makes from a value of this one. */
  default <R> Generator<R> flatMap(Function<? super T, Generator<R>> f) {
    Generator<R> flat = random -> f.apply(next(random)).next(random);
    return flat.withEdges(
        () -> {
          List<R> values = new ArrayList<>();
          for (T edge : edges()) {
            values.addAll(f.apply(edge).edges());
          }
          return values;
        });
  }
}
