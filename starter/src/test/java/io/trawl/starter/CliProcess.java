package io.trawl.starter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI as its own JVM with the shipped logback.xml (not the test one the classpath would
 * pick first), so a test sees the terminal exactly as a user does: stdout and stderr in one stream.
 */
record CliProcess(int exitCode, String output) {
  static final Path SHIPPED_LOGBACK = Path.of("src/main/resources/logback.xml").toAbsolutePath();

  static CliProcess run(Path home, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dlogback.configurationFile=" + SHIPPED_LOGBACK);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(TrawlCommand.class.getName());
    command.addAll(List.of(args));
    Path terminal = Files.createTempFile(home, "terminal", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(terminal.toFile());
    builder.environment().remove("TEMPORAL_ADDRESS");
    builder.environment().remove("BRIGHTDATA_API_TOKEN");
    builder.environment().remove("TRAWL_LOG_LEVEL");
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError("trawl did not finish:\n" + Files.readString(terminal));
    }
    return new CliProcess(process.exitValue(), Files.readString(terminal));
  }
}
