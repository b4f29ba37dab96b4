package io.trawl.worker.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code temporal.toml} a production connection reads: {@code TEMPORAL_CONFIG_FILE}, else the
 * file the Temporal CLI uses by default ({@code ~/.config/temporalio/temporal.toml}, on macOS
 * {@code ~/Library/Application Support/temporalio/temporal.toml}).
 *
 * @param path where the file is or would be
 * @param explicit true when {@code TEMPORAL_CONFIG_FILE} named it, so a missing file is an error
 * @param exists whether it can be read
 */
record TemporalEnvFile(Path path, boolean explicit, boolean exists) {
  static TemporalEnvFile locate(Map<String, String> env) {
    String named = env.get(TemporalConnection.CONFIG_FILE_ENV);
    if (named != null && !named.isBlank()) {
      Path path = Path.of(named.trim());
      return new TemporalEnvFile(path, true, Files.isReadable(path));
    }
    Path home = Path.of(System.getProperty("user.home", "."));
    Path path =
        System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac")
            ? home.resolve("Library/Application Support/temporalio/temporal.toml")
            : home.resolve(".config/temporalio/temporal.toml");
    return new TemporalEnvFile(path, false, Files.isRegularFile(path) && Files.isReadable(path));
  }
}
