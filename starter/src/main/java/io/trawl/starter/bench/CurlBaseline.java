package io.trawl.starter.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The curl baselines of {@code trawl bench download}: what a shell script would do, timed. */
final class CurlBaseline {
  /** The best of the runs and the digest sha256sum printed (null without sha256sum). */
  record Measured(double seconds, String sha256) {}

  private CurlBaseline() {}

  /** Empty when curl, sha256sum or sh is missing from PATH. */
  static Optional<String> missingTool() {
    for (String tool : List.of("curl", "sha256sum", "sh")) {
      if (!onPath(tool)) {
        return Optional.of(tool);
      }
    }
    return Optional.empty();
  }

  /** {@code curl -s URL | sha256sum}: download and hash, as a shell script would. */
  static Measured pipedToSha256(String url, int runs) throws IOException, InterruptedException {
    return best("curl -s '" + url + "' | sha256sum", runs, true);
  }

  /** {@code curl -s -o /dev/null URL}: the loopback transfer alone, nothing hashed or written. */
  static Measured toDevNull(String url, int runs) throws IOException, InterruptedException {
    return best("curl -s -o /dev/null '" + url + "'", runs, false);
  }

  private static Measured best(String command, int runs, boolean printsSha256)
      throws IOException, InterruptedException {
    double best = Double.MAX_VALUE;
    String sha256 = null;
    for (int i = 0; i < runs; i++) {
      long started = System.nanoTime();
      Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      double seconds = (System.nanoTime() - started) / 1e9;
      if (exit != 0 || (printsSha256 && output.length() < 64)) {
        throw new IOException(command + " exited " + exit + ": " + output.strip());
      }
      sha256 = printsSha256 ? output.substring(0, 64) : null;
      best = Math.min(best, seconds);
    }
    return new Measured(best, sha256);
  }

  private static boolean onPath(String tool) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
