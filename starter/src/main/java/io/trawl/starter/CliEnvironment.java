package io.trawl.starter;

import java.util.Map;

/**
 * The environment variables commands read. Tests replace it to run the CLI in-process against a
 * temporary TRAWL_HOME without touching the real environment.
 */
public final class CliEnvironment {
  private static volatile Map<String, String> override;

  private CliEnvironment() {}

  public static Map<String, String> get() {
    Map<String, String> current = override;
    return current != null ? current : System.getenv();
  }

  /** Replaces the environment until {@link #reset()}; for tests. */
  public static void override(Map<String, String> env) {
    override = Map.copyOf(env);
  }

  public static void reset() {
    override = null;
  }
}
