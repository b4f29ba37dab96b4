package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done means" on the real dev server: {@code trawl dev} in its own process, and from
 * "another terminal" apply (twice), list, describe, trigger the lifecycle, see its result, pause,
 * and refuse a duplicate name.
 */
class ScheduleEndToEndTest {
  @TempDir Path home;

  @Test
  void appliesTheDemoSchedulesAndRunsTheLifecycleOnDemand() throws Exception {
    try (DevProcess dev = DevProcess.start(home, Map.of())) {
      dev.awaitReady(Duration.ofMinutes(2));
      Map<String, String> env = Map.of("TRAWL_HOME", home.toString());

      CliRun apply = CliRun.run(env, "schedule", "apply");
      assertThat(apply.exitCode()).as(apply.err()).isZero();
      assertThat(apply.out())
          .contains("created       jobs-lifecycle")
          .contains(
              "4 created, 0 updated, 0 deleted, 0 unchanged (from built-in demo configuration)");
      CliRun again = CliRun.run(env, "schedule", "apply");
      assertThat(again.out()).contains("0 created, 0 updated, 0 deleted, 4 unchanged");

      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  CliRun.run(env, "schedule", "list")
                      .out()
                      .contains("jobs-scrape-ml-engineer-germany"));
      CliRun list = CliRun.run(env, "schedule", "list");
      assertThat(list.out())
          .contains("NAME", "NEXT RUN", "jobs-lifecycle", "cron \"0 2 * * *\" Europe/Amsterdam")
          .containsPattern("jobs-lifecycle .* \\d{4}-\\d\\d-\\d\\d 02:00:00 CES?T")
          .contains("Web UI: http://");

      CliRun trigger = CliRun.run(env, "schedule", "trigger", "jobs-lifecycle");
      assertThat(trigger.exitCode()).as(trigger.err() + trigger.out()).isZero();
      assertThat(trigger.out()).contains("jobs-lifecycle: started jobs-lifecycle-");
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  CliRun.run(env, "schedule", "describe", "jobs-lifecycle")
                      .out()
                      .matches(
                          "(?s).*Recent runs:\\s+\\S+ \\S+"
                              + " \\S+\\s+jobs-lifecycle-\\S+\\s+completed.*"));
      CliRun inactive = CliRun.run(env, "jobs", "inactive");
      assertThat(inactive.exitCode()).as(inactive.err()).isZero();
      assertThat(inactive.out()).contains("Total active: 0", "Total inactive: 0", "Last 7 days: 0");

      CliRun duplicate =
          CliRun.run(
              env,
              "schedule",
              "create",
              "jobs-lifecycle",
              "--workflow",
              "jobs-lifecycle",
              "--cron",
              "@daily");
      assertThat(duplicate.exitCode()).isEqualTo(2);
      assertThat(duplicate.err()).contains("schedule \"jobs-lifecycle\" already exists");

      CliRun pause =
          CliRun.run(env, "schedule", "pause", "jobs-lifecycle", "--note", "maintenance");
      assertThat(pause.exitCode()).as(pause.err()).isZero();
      assertThat(CliRun.run(env, "schedule", "describe", "jobs-lifecycle").out())
          .contains("State: paused (maintenance)");
      assertThat(CliRun.run(env, "schedule", "apply").out())
          .as("apply keeps a paused schedule paused and unchanged")
          .contains("4 unchanged");
      assertThat(CliRun.run(env, "schedule", "unpause", "jobs-lifecycle").out())
          .startsWith("unpaused jobs-lifecycle; next run ");

      CliRun missing = CliRun.run(env, "schedule", "describe", "no-such-schedule");
      assertThat(missing.exitCode()).isEqualTo(2);
      assertThat(missing.err())
          .contains("schedule \"no-such-schedule\" does not exist (see ./trawl schedule list)");

      dev.stop(Duration.ofSeconds(30));
    }
  }
}
