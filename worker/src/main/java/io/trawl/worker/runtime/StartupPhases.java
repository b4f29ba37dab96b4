package io.trawl.worker.runtime;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Marks the moments a command passes on its way from JVM start to its summary, for {@code trawl
 * bench coldstart}: one {@code name epoch-millis} line per mark, appended to the file named by the
 * system property {@value #PROPERTY}. Without that property every call is a no-op.
 */
public final class StartupPhases {
  /** The system property that names the file, e.g. {@code -Dtrawl.phases=/tmp/phases.txt}. */
  public static final String PROPERTY = "trawl.phases";

  private StartupPhases() {}

  /** Marks the JVM's own start (before any of our code ran) and now, as {@code main}. */
  public static void markMain() {
    if (System.getProperty(PROPERTY) != null) {
      write("jvm", ManagementFactory.getRuntimeMXBean().getStartTime());
      mark("main");
    }
  }

  /** Marks now as {@code name}. */
  public static void mark(String name) {
    if (System.getProperty(PROPERTY) != null) {
      write(name, System.currentTimeMillis());
    }
  }

  private static void write(String name, long epochMillis) {
    try {
      Files.writeString(
          Path.of(System.getProperty(PROPERTY)),
          name + " " + epochMillis + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // A measuring aid only: a command never fails because its marks could not be written.
    }
  }
}
