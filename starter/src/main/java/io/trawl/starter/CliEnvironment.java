package io.trawl.starter;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment variables commands read. Tests replace it to run the CLI in-process against a
 * temporary TRAWL_HOME without touching the real environment.
 */
public final class CliEnvironment {
  private static volatile Map<String, String> override;
  private static volatile Path configOption;

  private CliEnvironment() {}

  /**
   * The environment, with {@code TRAWL_CONFIG} pointing at {@code --config} when it was given, so
   * a worker this command starts reads the same file as the command.
   */
  public static Map<String, String> get() {
    Map<String, String> current = override;
    Map<String, String> env = current != null ? current : System.getenv();
    Path config = configOption;
    if (config == null) {
      return env;
    }
    Map<String, String> withConfig = new HashMap<>(env);
    withConfig.put("TRAWL_CONFIG", config.toAbsolutePath().toString());
    return Map.copyOf(withConfig);
  }

  /** Remembers the command's {@code --config} for {@link #get()}. */
  static void useConfig(Path config) {
    configOption = config;
  }

  /** Replaces the environment until {@link #reset()}; for tests. */
  public static void override(Map<String, String> env) {
    override = Map.copyOf(env);
  }

  public static void reset() {
    override = null;
    configOption = null;
  }
}
