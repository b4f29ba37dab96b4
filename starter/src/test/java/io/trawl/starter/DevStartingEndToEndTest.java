package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.trawl.worker.runtime.DevServerExtension;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command started while {@code ./trawl dev} is still starting (its embedded PostgreSQL holds the
 * data directory, its {@code dev.lock} is not written yet) waits for it and attaches, instead of
 * running embedded and failing on the data directory.
 *
 * <p>The dev stack is held in that window by the Temporal CLI it runs: a wrapper script that waits
 * for the test to open a gate before it execs the real binary. So the command certainly starts
 * inside the window, however fast or slow the machine is.
 */
class DevStartingEndToEndTest {
  @TempDir Path home;
  @TempDir Path gate;

  @Test
  void commandStartedWhileTrawlDevIsStartingWaitsForItAndAttaches() throws Exception {
    Path cli = gatedCli(DevServerExtension.temporalCli());
    try (DevProcess dev = DevProcess.start(home, Map.of("TRAWL_TEMPORAL_CLI", cli.toString()))) {
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> Files.exists(gate.resolve("cli-started")) || !dev.process.isAlive());
      assertThat(dev.process.isAlive()).as(dev.output()).isTrue();
      assertThat(home.resolve("dev.lock")).doesNotExist();

      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      CompletableFuture<CliRun> scrape =
          CompletableFuture.supplyAsync(
              () ->
                  CliRun.run(
                      Map.of("TRAWL_HOME", home.toString()),
                      out,
                      err,
                      "jobs",
                      "scrape",
                      "Data Engineer",
                      "--location",
                      "Netherlands"));
      await()
          .atMost(Duration.ofMinutes(1))
          .until(() -> err.toString().contains("waiting for ./trawl dev") || scrape.isDone());
      assertThat(err.toString())
          .as("the command waits for the starting dev stack")
          .contains("trawl: waiting for ./trawl dev to finish starting (pid " + dev.process.pid());
      Files.createFile(gate.resolve("open"));

      CliRun run = scrape.get(3, TimeUnit.MINUTES);
      assertThat(run.exitCode()).as(run.err() + dev.output()).isZero();
      assertThat(run.err())
          .containsOnlyOnce("waiting for ./trawl dev to finish starting")
          .contains("attached to ./trawl dev")
          .doesNotContain("data directory")
          .doesNotContain("in-memory");
      assertThat(run.out()).startsWith("Scrape completed: Data Engineer in Netherlands");
      dev.awaitReady(Duration.ofMinutes(1));
      assertThat(home.resolve("dev.starting")).doesNotExist();

      dev.stop(Duration.ofSeconds(30));
    }
  }

  /** A stand-in for the Temporal CLI that waits for {@code gate/open}, then runs the real one. */
  private Path gatedCli(Path real) throws IOException {
    Path script = gate.resolve("temporal");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "touch '"
            + gate.resolve("cli-started")
            + "'\n"
            + "while [ ! -e '"
            + gate.resolve("open")
            + "' ]; do sleep 0.05; done\n"
            + "exec '"
            + real
            + "' \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }
}
