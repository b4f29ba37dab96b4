package io.trawl.starter.etl;

import io.trawl.activities.etl.store.EtlQuarantineRepository;
import io.trawl.activities.etl.store.EtlQuarantineRow;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.NumberRanges;
import io.trawl.starter.Runtimes;
import io.trawl.worker.TrawlRuntime;
import io.trawl.worker.config.ByteSize;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl etl quarantine}: downloads refused by validation, newest first. */
@Command(
    name = "quarantine",
    mixinStandardHelpOptions = true,
    header = "List downloads that failed validation, with the check and where the file went.",
    description = {"Example: trawl etl quarantine --source cbs-population --limit 5"})
public final class QuarantineCommand implements Callable<Integer> {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
          .withZone(ZoneId.systemDefault());

  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--source", paramLabel = "ID", description = "Only this source.")
  String source;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "Rows (default 20).",
      converter = NumberRanges.PositiveInt.class)
  int limit;

  @Option(names = "--json", description = "Print the rows as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime =
        Runtimes.open(Runtimes.Needs.DATABASE, spec.commandLine().getErr())) {
      List<EtlQuarantineRow> rows =
          new EtlQuarantineRepository(runtime.dataSource()).recent(source, limit);
      if (json) {
        out.println(Json.write(rows));
      } else if (rows.isEmpty()) {
        out.println("Nothing in quarantine" + (source == null ? "." : " for " + source + "."));
      } else {
        String format = "%-19s %-18s %-12s %10s  %s%n";
        out.printf(format, "QUARANTINED", "SOURCE", "CHECK", "SIZE", "REASON");
        for (EtlQuarantineRow row : rows) {
          out.printf(
              format,
              WHEN.format(row.quarantinedAt()),
              row.sourceId(),
              row.check(),
              ByteSize.format(row.size()),
              row.reason());
          out.println("    " + row.directory() + "/" + row.fileName() + " (reason.json beside it)");
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
