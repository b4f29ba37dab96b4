package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cold-start bench launches a child per run and prints every phase; its times are for people.
 * The child is this test's classpath behind a two-line launcher, so the test needs no packaged jar.
 */
class BenchColdStartCommandTest {
  @TempDir Path home;

  @Test
  void printsEveryPhaseWithAndWithoutCdsAndAVerdict() throws Exception {
    Path launcher = home.resolve("launcher.sh");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(
        launcher,
        "#!/bin/sh\nexec '"
            + java
            + "' $TRAWL_JAVA_OPTS -cp '"
            + System.getProperty("java.class.path")
            + "' io.trawl.starter.TrawlCommand \"$@\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));

    CliRun run =
        CliRun.run(
            Map.of("TRAWL_HOME", home.toString()),
            "bench",
            "coldstart",
            "--runs",
            "1",
            "--launcher",
            launcher.toString());

    assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
    String figures = " +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+\n";
    for (String phase :
        new String[] {
          "launcher script",
          "jvm start to main",
          "cli and config",
          "postgres start",
          "migrations",
          "sandboxes",
          "temporal test server",
          "worker start",
          "workflow start",
          "run \\(first poll included\\)",
          "summary",
          "exit \\(shutdown\\)",
          "total \\(launch to exit\\)"
        }) {
      assertThat(run.out()).containsPattern("\n  " + phase + figures);
    }
    assertThat(run.out())
        .containsPattern("first run with CDS \\(creates the archive\\): [0-9.]+ s")
        .containsPattern("ratio: median with CDS = [0-9.]+x without");
    assertThat(run.out().strip().lines().toList().getLast())
        .matches("target met|target missed: .+");
  }
}
