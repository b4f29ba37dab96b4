package io.trawl.starter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs the CLI in-process with a given environment and captures what it prints. */
record CliRun(int exitCode, String out, String err) {
  static CliRun run(Map<String, String> env, String... args) {
    return run(env, new StringWriter(), new StringWriter(), args);
  }

  /** Like {@link #run(Map, String...)}, printing into writers another thread may read meanwhile. */
  static CliRun run(Map<String, String> env, StringWriter out, StringWriter err, String... args) {
    CliEnvironment.override(env);
    try {
      CommandLine commandLine = TrawlCommand.newCommandLine();
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      int code = commandLine.execute(args);
      return new CliRun(code, out.toString(), err.toString());
    } finally {
      CliEnvironment.reset();
    }
  }
}
