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
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trawl bench download}: the ETL download path (stream, hash, validate, write, fsync,
 * rename) in a {@code -Xmx64m} JVM against {@code curl -s URL | sha256sum}, on one file served over
 * loopback, measured in the same run.
 */
@Command(
    name = "download",
    mixinStandardHelpOptions = true,
    header = "Time the ETL download path against curl | sha256sum on a file served over loopback.",
    description = {
      "Serves a synthetic Parquet file of --size from the sandbox file server, times",
      "`curl -s URL | sha256sum`, then runs the ETL download, hash, validation and atomic",
      "publish in a JVM limited to -Xmx64m, and prints both speeds in GB/s and their ratio",
      "(goal: 2.5x or more). Each side runs --runs times; the best run counts.",
      "",
      "Example: trawl bench download --size 1g"
    })
public final class DownloadBenchCommand implements Callable<Integer> {
  private static final byte[] PAR1 = "PAR1".getBytes(StandardCharsets.US_ASCII);
  private static final long WARMUP_BYTES = 64L << 20;

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
      description = "Runs per side; the best counts (default 2).",
      converter = NumberRanges.PositiveInt.class)
  int runs;

  @Override
  public Integer call() throws Exception {
    long bytes =
        ByteSize.parse(size)
            .orElseThrow(
                () ->
                    new UsageException(
                        "--size must be a size such as 256m or 1g, got \"" + size + "\""));
    PrintWriter out = spec.commandLine().getOut();
    Path dir = TrawlHome.fromEnvironment(CliEnvironment.get()).root().resolve("bench");
    FileContent file = FileContent.synthetic(bytes, 20261125, PAR1, PAR1);
    try (FakeFileServer server = new FakeFileServer().start()) {
      server.put("bench.parquet", file);
      server.put(
          "warmup.parquet", FileContent.synthetic(Math.min(bytes, WARMUP_BYTES), 7, PAR1, PAR1));
      String url = server.url("bench.parquet");
      out.printf(
          "bench download: %s synthetic Parquet file at %s, best of %d run(s) each%n",
          ByteSize.format(bytes), url, runs);
      out.flush();
      Optional<String> missing = CurlBaseline.missingTool();
      CurlBaseline.Measured baseline = null;
      if (missing.isPresent()) {
        out.println("  baseline skipped: " + missing.get() + " is not on PATH, so no ratio");
      } else {
        baseline = CurlBaseline.measure(url, runs);
        out.printf(
            Locale.ROOT,
            "  %-36s %7.2f s  %5.2f GB/s%n",
            "curl -s URL | sha256sum",
            baseline.seconds(),
            bytes / baseline.seconds() / 1e9);
        out.flush();
      }
      String expected = baseline != null ? baseline.sha256() : file.sha256();
      Measured trawl = runChild(url, server.url("warmup.parquet"), dir, expected);
      if (!trawl.sha256().equals(expected)) {
        throw new IllegalStateException(
            "trawl's sha256 " + trawl.sha256() + " differs from " + expected);
      }
      out.printf(
          Locale.ROOT,
          "  %-36s %7.2f s  %5.2f GB/s  (-Xmx64m, peak heap %s)%n",
          "trawl download+hash+validate+write",
          trawl.seconds(),
          bytes / trawl.seconds() / 1e9,
          ByteSize.format(trawl.peakHeap()));
      if (baseline != null) {
        out.printf(
            Locale.ROOT,
            "  ratio: %.2fx curl -s URL | sha256sum (goal >= 2.5x)%n",
            baseline.seconds() / trawl.seconds());
      }
      out.flush();
      return ExitCodes.OK;
    } finally {
      deleteRecursively(dir);
    }
  }

  private record Measured(double seconds, String sha256, long peakHeap) {}

  /** Runs {@link DownloadBenchMain} in a fresh JVM with the 64 MiB heap the goal names. */
  private Measured runChild(String url, String warmupUrl, Path dir, String expected)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xmx64m",
            "-cp",
            System.getProperty("java.class.path"),
            DownloadBenchMain.class.getName(),
            url,
            warmupUrl,
            dir.toString(),
            expected,
            Integer.toString(runs));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    double best = Double.MAX_VALUE;
    String sha256 = null;
    long peak = -1;
    List<String> other = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        String[] parts = line.split(" ");
        if (parts[0].equals("RUN") && parts.length == 4) {
          best = Math.min(best, Double.parseDouble(parts[1]));
          sha256 = parts[3];
        } else if (parts[0].equals("HEAP") && parts.length == 3) {
          peak = Long.parseLong(parts[1]);
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
    return new Measured(best, sha256, peak);
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
