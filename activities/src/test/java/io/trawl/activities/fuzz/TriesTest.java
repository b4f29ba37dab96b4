package io.trawl.activities.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The property harness: edges first, the same inputs on every run, failures that can be replayed.
 */
class TriesTest {
  private static final Generator<String> WORDS = Generators.strings("abc\u0000", 0, 12);

  @Test
  void triesEdgeValuesBeforeRandomOnes() {
    List<Integer> seen = new ArrayList<>();

    Tries.forAll("edges", null, 40, Generators.ints(-5, 1_000), seen::add);

    assertThat(seen).hasSize(40).startsWith(-5, 1_000, 0, -4, 999);
  }

  @Test
  void triesTheSameInputsOnEveryRunOfAProperty() {
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();

    Tries.forAll("same", null, 200, WORDS, first::add);
    Tries.forAll("same", null, 200, WORDS, second::add);

    assertThat(first).isEqualTo(second).hasSize(200);
    assertThat(first.stream().distinct().count()).isGreaterThan(100);
  }

  @Test
  void aFailureNamesTheSeedThatReplaysItsInputFirst() {
    List<String> tried = new ArrayList<>();
    AssertionError failure =
        catchThrowableOfType(
            AssertionError.class,
            () ->
                Tries.forAll(
                    "fails",
                    null,
                    300,
                    WORDS,
                    word -> {
                      tried.add(word);
                      assertThat(word).doesNotContain("cab");
                    }));
    String failing = tried.getLast();
    Matcher seed =
        Pattern.compile("seed (-?\\d+) \\(replay with -Dtrawl\\.fuzz\\.seed=")
            .matcher(failure.getMessage());
    assertThat(seed.find()).as(failure.getMessage()).isTrue();
    assertThat(failure.getMessage()).startsWith("fails failed on random try");

    List<String> replayed = new ArrayList<>();
    // One try leaves no room for edges, so it is the first random try.
    Tries.forAll("fails", Long.parseLong(seed.group(1)), 1, WORDS, replayed::add);

    assertThat(replayed).singleElement().isEqualTo(failing);
  }

  @Test
  void aFailureShowsTheInputWithControlCharactersEscaped() {
    AssertionError failure =
        catchThrowableOfType(
            AssertionError.class,
            () ->
                Tries.exhaustively(
                    "nul",
                    List.of("ok", "a\u0000b"),
                    word -> assertThat(word).doesNotContain("\u0000")));

    assertThat(failure.getMessage())
        .startsWith("nul failed on input 2 of 2")
        .contains("input: (3 chars) \"a\\u0000b\"");
  }
}
