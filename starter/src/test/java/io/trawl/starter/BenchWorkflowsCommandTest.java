package io.trawl.starter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workflows bench runs end to end at tiny sizes; its speed is for people, not assertions. */
class BenchWorkflowsCommandTest {
  @TempDir Path home;

  @Test
  void printsOverheadAndScaleFiguresAndAVerdictForTinySizes() {
    CliRun run =
        CliRun.run(
            Map.of("TRAWL_HOME", home.toString()),
            "bench",
            "workflows",
            "--runs",
            "5",
            "--concurrent",
            "20",
            "--server",
            "embedded");

    assertThat(run.exitCode()).as(run.err()).isZero();
    String number = "[0-9.]+";
    assertThat(run.out()).containsPattern("direct method calls +" + number);
    assertThat(run.out())
        .containsPattern(
            "embedded test server +5 +"
                + number
                + " +"
                + number
                + " +"
                + number
                + " +"
                + number
                + " +"
                + number
                + " +"
                + number
                + " +"
                + number
                + "x");
    // Every run of both children completed, and each printed heap, RSS and threads.
    String sizes = " +" + number + " \\S+ +" + number + " \\S+ +" + number + " \\S+ +[0-9]+";
    assertThat(run.out())
        .containsPattern("virtual +20 +20 +" + number + " +" + number + sizes)
        .containsPattern("platform +20 +20 +" + number + " +" + number + sizes);
    List<String> lines = run.out().strip().lines().toList();
    assertThat(lines.getLast()).matches("target met|target missed: .+");
    assertThat(home.resolve("bench")).doesNotExist();
  }
}
