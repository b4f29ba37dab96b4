package io.trawl.starter.bench;

import io.trawl.starter.CliEnvironment;
import io.trawl.starter.Json;
import io.trawl.worker.runtime.TrawlHome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How a bench reports: a table for people that ends with its targets and the verdict line, or one
 * JSON document whose last keys are the targets and the verdict.
 */
final class BenchOutput {
  private BenchOutput() {}

  /** A bench's work in a scratch directory. */
  interface Work<R> {
    R run(Path dir) throws Exception;
  }

  /**
   * Runs {@code work} in {@code TRAWL_HOME/bench/<name>-<pid>}, which is removed afterwards whether
   * the work succeeded or not.
   */
  static <R> R inScratch(String name, Work<R> work) throws Exception {
    Path dir =
        TrawlHome.fromEnvironment(CliEnvironment.get())
            .root()
            .resolve("bench")
            .resolve(name + "-" + ProcessHandle.current().pid());
    try {
      return work.run(dir);
    } finally {
      BenchFiles.deleteRecursively(dir);
    }
  }

  /** Where progress lines go: to {@code out}, or nowhere with --json so it stays one document. */
  static PrintWriter progress(PrintWriter out, boolean json) {
    return json ? new PrintWriter(new StringWriter()) : out;
  }

  /** {@code document} with the targets and the verdict added as its last keys. */
  static Map<String, Object> withTargets(Map<String, Object> document, List<BenchTarget> targets) {
    document.put("targets", targets);
    document.put("verdict", BenchTarget.verdict(targets));
    return document;
  }

  /** Prints the JSON document, or the table followed by the targets and the verdict. */
  static void report(
      PrintWriter out,
      boolean json,
      List<BenchTarget> targets,
      Supplier<Map<String, Object>> document,
      Consumer<PrintWriter> table) {
    if (json) {
      out.println(Json.write(withTargets(document.get(), targets)));
    } else {
      table.accept(out);
      BenchTarget.print(out, targets);
    }
    out.flush();
  }
}
