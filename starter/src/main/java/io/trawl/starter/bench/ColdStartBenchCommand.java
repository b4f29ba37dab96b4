package io.trawl.starter.bench;

import io.trawl.starter.CliEnvironment;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.NumberRanges;
import io.trawl.starter.UsageException;
import io.trawl.worker.runtime.StartupPhases;
import io.trawl.worker.runtime.TrawlHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trawl bench coldstart}: the wall time of {@code ./trawl jobs scrape} on the warm embedded
 * default, phase by phase, with the launcher's class-data sharing archive and without it, measured
 * in the same run by running the real launcher script as a child process.
 */
@Command(
    name = "coldstart",
    mixinStandardHelpOptions = true,
    header =
        "Time ./trawl jobs scrape from launch to summary, with and without class-data sharing.",
    description = {
      "Runs the real ./trawl launcher as a child process: `./trawl jobs scrape \"Data Engineer\"",
      "--location Netherlands` on the embedded default (in-memory Temporal, embedded PostgreSQL,",
      "sandbox provider) under TRAWL_HOME/bench-coldstart, whose database stays warm between",
      "runs. The first run creates the class-data sharing archive; then --runs runs each",
      "without it (TRAWL_CDS=0) and with it, in turn. Prints min and median per phase (launcher",
      "script, JVM start, PostgreSQL, migrations, sandboxes, Temporal test server, worker, the",
      "run, summary, exit), the ratio of the medians, and a last line `target met` (median",
      "wall time with CDS <= 4 s) or `target missed: ...`.",
      "",
      "Example: trawl bench coldstart --runs 5 --json"
    })
public final class ColdStartBenchCommand implements Callable<Integer> {
  private static final List<String> COMMAND =
      List.of("jobs", "scrape", "Data Engineer", "--location", "Netherlands");

  /** Variables that would take the child off the embedded default or off the sandbox. */
  private static final List<String> NOT_INHERITED =
      List.of(
          "TEMPORAL_ADDRESS",
          "TEMPORAL_CONFIG_FILE",
          "TEMPORAL_PROFILE",
          "DATABASE_URL",
          "BRIGHTDATA_API_TOKEN",
          "BRIGHTDATA_BASE_URL",
          "TRAWL_CONFIG");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--runs",
      converter = NumberRanges.PositiveInt.class,
      paramLabel = "N",
      defaultValue = "3",
      description = "Runs with and without CDS each, after the first (default 3).")
  int runs;

  @Option(names = "--json", description = "Print the phases, ratio and verdict as JSON.")
  boolean json;

  @Option(
      names = "--launcher",
      paramLabel = "PATH",
      description = "The launcher script to time (default: ./trawl of this checkout).")
  Path launcher;

  @Override
  public Integer call() throws Exception {
    if (runs < 1) {
      throw new UsageException("--runs must be 1 or more, got " + runs);
    }
    Path script = launcher != null ? launcher : defaultLauncher();
    if (!Files.isExecutable(script)) {
      throw new UsageException("launcher " + script + " is not an executable file");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter progress = json ? spec.commandLine().getErr() : out;
    Path home = TrawlHome.fromEnvironment(CliEnvironment.get()).root().resolve("bench-coldstart");
    Files.createDirectories(home);
    progress.printf(
        "bench coldstart: %s %s on the warm embedded default (TRAWL_HOME=%s), %d run(s) each"
            + " with and without CDS%n",
        script, String.join(" ", COMMAND), home, runs);
    progress.flush();
    deleteArchives(home.resolve("cds"));
    ColdStartRun first = runOnce(script, home, true);
    progress.printf("  first run (creates the CDS archive): %.2f s%n", first.total());
    progress.flush();
    List<ColdStartRun> plain = new ArrayList<>();
    List<ColdStartRun> shared = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      // In turn, so drift in the machine's load falls on both sides alike.
      plain.add(runOnce(script, home, false));
      shared.add(runOnce(script, home, true));
      progress.printf(
          "  run %d: %.2f s without CDS, %.2f s with%n",
          i + 1, plain.getLast().total(), shared.getLast().total());
      progress.flush();
    }
    ColdStartReport report = new ColdStartReport(first.total(), plain, shared);
    if (json) {
      report.printJson(out);
    } else {
      report.printTable(out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** One child run of the launcher; fails with the tail of its output when it fails. */
  private ColdStartRun runOnce(Path script, Path home, boolean cds)
      throws IOException, InterruptedException {
    Path marks = home.resolve("phases.txt");
    Path output = home.resolve("coldstart-output.log");
    Files.deleteIfExists(marks);
    List<String> command = new ArrayList<>();
    command.add(script.toString());
    command.addAll(COMMAND);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
    Map<String, String> env = builder.environment();
    env.clear();
    env.putAll(childEnvironment(home, cds, marks));
    long spawned = System.currentTimeMillis();
    Process process = builder.start();
    int exit = process.waitFor();
    long ended = System.currentTimeMillis();
    if (exit != 0) {
      List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
      throw new IllegalStateException(
          script
              + " exited "
              + exit
              + (cds ? " with CDS" : " without CDS")
              + ": "
              + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())));
    }
    List<String> lines =
        Files.exists(marks) ? Files.readAllLines(marks, StandardCharsets.UTF_8) : List.of();
    return ColdStartRun.of(spawned, lines, ended);
  }

  private static Map<String, String> childEnvironment(Path home, boolean cds, Path marks) {
    Map<String, String> env = new HashMap<>(System.getenv());
    NOT_INHERITED.forEach(env::remove);
    env.put("TRAWL_HOME", home.toString());
    env.put("TRAWL_CDS", cds ? "1" : "0");
    String options = env.getOrDefault("TRAWL_JAVA_OPTS", "");
    env.put(
        "TRAWL_JAVA_OPTS",
        (options + " -D" + StartupPhases.PROPERTY + "=" + marks.toAbsolutePath()).strip());
    return env;
  }

  private static void deleteArchives(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /**
   * The {@code trawl} script beside this checkout's {@code pom.xml}, found from where this class
   * was loaded ({@code starter/target/trawl.jar} or {@code starter/target/classes}).
   */
  private static Path defaultLauncher() {
    try {
      Path location =
          Path.of(
              ColdStartBenchCommand.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
      for (Path dir = location; dir != null; dir = dir.getParent()) {
        Path script = dir.resolve("trawl");
        if (Files.isRegularFile(script) && Files.exists(dir.resolve("pom.xml"))) {
          return script;
        }
      }
    } catch (URISyntaxException | RuntimeException e) {
      // Fall through to the usage error below.
    }
    throw new UsageException("cannot find the ./trawl launcher of this checkout; give --launcher");
  }

  private static java.io.File nullDevice() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
