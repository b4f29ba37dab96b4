package io.trawl.activities.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shared store package holds JDBC plumbing only: a pipeline's repositories and SQL live in that
 * pipeline's package, so four pipelines never share a grab-bag.
 */
class StoreLayoutTest {
  private static final Path STORE = Path.of("src/main/java/io/trawl/activities/store");
  private static final Pattern TABLE_SQL =
      Pattern.compile(
          "(?i)\\b(insert\\s+into|update\\s+\\w+\\s+set|delete\\s+from|select\\s.+\\sfrom)\\b");

  @Test
  void sharedStorePackageHoldsNoRepositoryAndNoSql() throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.list(STORE)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).toList();
    }
    assertThat(sources).isNotEmpty();
    for (Path source : sources) {
      String name = source.getFileName().toString();
      assertThat(name)
          .as("a repository or row type in activities.store")
          .doesNotEndWith("Repository.java");
      assertThat(name).doesNotEndWith("Row.java");
      assertThat(TABLE_SQL.matcher(Files.readString(source)).find())
          .as("%s runs SQL against a pipeline's tables", name)
          .isFalse();
    }
  }
}
