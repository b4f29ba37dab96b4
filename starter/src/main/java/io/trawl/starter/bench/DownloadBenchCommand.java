package io.trawl.starter.bench;

import io.trawl.sandbox.files.FakeFileServer;
import io.trawl.sandbox.files.FileContent;
import io.trawl.starter.CliEnvironment;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.NumberRanges;
import io.trawl.starter.UsageException;
import io.trawl.worker.config.ByteSize;
import io.trawl.worker.runtime.TrawlHome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trawl bench download}: the ETL download path (stream, hash, validate, write, fsync,
 * rename) in a {@code -Xmx64m} JVM against its physical limit (SHA-256 of the same bytes from
 * memory in that JVM) and against curl on one file served over loopback, measured in the same run.
 */
@Command(
    name = "download",
    mixinStandardHelpOptions = true,
    header = "Time the ETL download path against in-JVM SHA-256 and curl on a loopback file.",
    description = {
      "Serves a synthetic Parquet file of --size from the sandbox file server, times",
      "`curl -s -o /dev/null URL` (the transfer alone) and `curl -s URL | sha256sum` (the",
      "shell baseline), then, in a JVM limited to -Xmx64m, SHA-256 of the same bytes from",
      "memory on one core (the limit) and the ETL download, hash, validation and atomic",
      "publish. Prints each in GB/s, trawl's rate as a fraction of the limit (target 0.75x",
      "or more) and over curl | sha256sum, the peak heap (target 64 MiB or less), and a",
      "last line `target met` or `target missed: ...`. Each figure is the best of --runs.",
      "",
      "Example: trawl bench download --size 1g --runs 3 --json"
    })
public final class DownloadBenchCommand implements Callable<Integer> {
  static final byte[] PAR1 = "PAR1".getBytes(StandardCharsets.US_ASCII);
  static final long WARMUP_BYTES = 64L << 20;
  private static final long SEED = 20261125;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--size",
      paramLabel = "SIZE",
      defaultValue = "1g",
      description = "File size, e.g. 256m, 1g (default 1g).")
  String size;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "2",
      description = "Runs per figure; the best counts (default 2).",
      converter = NumberRanges.PositiveInt.class)
  int runs;

  @Option(names = "--json", description = "Print the figures, ratios and verdict as JSON.")
  boolean json;

  @Option(
      names = "--jfr",
      paramLabel = "FILE",
      description = "Record a Java Flight Recording of the measured JVM into FILE.")
  Path jfr;

  @Override
  public Integer call() throws Exception {
    long bytes =
        ByteSize.parse(size)
            .orElseThrow(
                () ->
                    new UsageException(
                        "--size must be a size such as 256m or 1g, got \"" + size + "\""));
    PrintWriter out = spec.commandLine().getOut();
    // With --json the progress lines go to stderr, so stdout is one JSON document.
    PrintWriter progress = json ? spec.commandLine().getErr() : out;
    Path dir = TrawlHome.fromEnvironment(CliEnvironment.get()).root().resolve("bench");
    FileContent file = FileContent.synthetic(bytes, SEED, PAR1, PAR1);
    try (FakeFileServer server = new FakeFileServer().start()) {
      server.put("bench.parquet", file);
      server.put(
          "warmup.parquet", FileContent.synthetic(Math.min(bytes, WARMUP_BYTES), 7, PAR1, PAR1));
      String url = server.url("bench.parquet");
      progress.printf(
          "bench download: %s synthetic Parquet file at %s, best of %d run(s) each%n",
          ByteSize.format(bytes), url, runs);
      progress.flush();
      Optional<String> missing = CurlBaseline.missingTool();
      double devNull = Double.NaN;
      double curlSha = Double.NaN;
      String expected;
      if (missing.isPresent()) {
        progress.println("  curl baselines skipped: " + missing.get() + " is not on PATH");
        expected = file.sha256();
      } else {
        devNull = CurlBaseline.toDevNull(url, runs).seconds();
        CurlBaseline.Measured piped = CurlBaseline.pipedToSha256(url, runs);
        curlSha = piped.seconds();
        expected = piped.sha256();
      }
      Measured trawl = runChild(url, server.url("warmup.parquet"), dir, expected, bytes);
      DownloadBenchReport report =
          new DownloadBenchReport(
              bytes,
              runs,
              trawl.limitSeconds(),
              trawl.diskSeconds(),
              devNull,
              curlSha,
              trawl.seconds(),
              trawl.peakHeap(),
              trawl.maxHeap());
      if (json) {
        report.printJson(out);
      } else {
        report.printTable(out);
      }
      out.flush();
      return ExitCodes.OK;
    } finally {
      deleteRecursively(dir);
    }
  }

  private record Measured(
      double seconds, double limitSeconds, double diskSeconds, long peakHeap, long maxHeap) {}

  /** Runs {@link DownloadBenchMain} in a fresh JVM with the 64 MiB heap the goal names. */
  private Measured runChild(String url, String warmupUrl, Path dir, String expected, long bytes)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-Xmx64m"));
    if (jfr != null) {
      command.add(
          "-XX:StartFlightRecording=filename=" + jfr.toAbsolutePath() + ",settings=profile");
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            DownloadBenchMain.class.getName(),
            url,
            warmupUrl,
            dir.toString(),
            expected,
            Integer.toString(runs),
            Long.toString(bytes),
            Long.toString(SEED)));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    double best = Double.MAX_VALUE;
    double limit = Double.MAX_VALUE;
    double disk = Double.MAX_VALUE;
    String sha256 = null;
    long peak = -1;
    long max = -1;
    List<String> other = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        String[] parts = line.split(" ");
        if (parts[0].equals("RUN") && parts.length == 4) {
          best = Math.min(best, Double.parseDouble(parts[1]));
          sha256 = parts[3];
        } else if (parts[0].equals("LIMIT") && parts.length == 3) {
          limit = Math.min(limit, Double.parseDouble(parts[1]));
          checkSame("in-memory sha-256", parts[2], expected);
        } else if (parts[0].equals("DISK") && parts.length == 2) {
          disk = Math.min(disk, Double.parseDouble(parts[1]));
        } else if (parts[0].equals("HEAP") && parts.length == 3) {
          peak = Long.parseLong(parts[1]);
          max = Long.parseLong(parts[2]);
        } else {
          other.add(line);
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || sha256 == null) {
      throw new IllegalStateException(
          "the -Xmx64m bench JVM exited "
              + exit
              + ": "
              + String.join(" | ", other.subList(Math.max(0, other.size() - 5), other.size())));
    }
    checkSame("trawl's sha-256", sha256, expected);
    return new Measured(best, limit, disk, peak, max);
  }

  private static void checkSame(String what, String sha256, String expected) {
    if (!sha256.equals(expected)) {
      throw new IllegalStateException(what + " " + sha256 + " differs from " + expected);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
