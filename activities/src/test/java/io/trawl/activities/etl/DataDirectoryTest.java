package io.trawl.activities.etl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.etl.EtlFormat;
import io.trawl.workflows.etl.EtlSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targets stay inside the data directory, whatever trawl.yaml says. */
class DataDirectoryTest {
  @TempDir Path root;

  @Test
  void resolvesARelativeTargetAndCreatesItsDirectories() {
    Path target = new DataDirectory(root).target(source("cbs/2026/population.csv.gz"));

    assertThat(target).isEqualTo(root.resolve("cbs/2026/population.csv.gz"));
    assertThat(target.getParent()).isDirectory();
    assertThat(DataDirectory.partFile(target).getFileName().toString())
        .isEqualTo(".population.csv.gz.part");
  }

  @Test
  void refusesATargetWithDotDot() {
    assertRefused("../outside.csv", "must not contain \"..\"");
    assertRefused("cbs/../../outside.csv", "must not contain \"..\"");
  }

  @Test
  void refusesAnAbsoluteTarget() {
    assertRefused("/etc/passwd", "must be relative");
  }

  @Test
  void refusesATargetThroughASymbolicLink() throws Exception {
    Path outside = Files.createTempDirectory("trawl-outside");
    Files.createSymbolicLink(root.resolve("link"), outside);

    assertRefused("link/sub/file.csv", "goes through the symbolic link");
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void refusesATargetThatIsItselfASymbolicLink() throws Exception {
    Path outside = Files.createTempFile("trawl-outside", ".csv");
    Files.createSymbolicLink(root.resolve("data.csv"), outside);

    assertRefused("data.csv", "goes through the symbolic link");
  }

  private void assertRefused(String target, String problem) {
    assertThatThrownBy(() -> new DataDirectory(root).target(source(target)))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(Failures.INVALID_INPUT);
              assertThat(failure.isNonRetryable()).isTrue();
            })
        .hasMessageContaining("etl source \"demo\": target \"" + target + "\"")
        .hasMessageContaining(problem);
  }

  private static EtlSource source(String target) {
    return new EtlSource(
        "demo", "https://example.org/x", EtlFormat.CSV, null, 1 << 20, target, Map.of());
  }
}
