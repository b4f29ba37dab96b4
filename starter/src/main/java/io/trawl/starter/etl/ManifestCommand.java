package io.trawl.starter.etl;

import io.trawl.activities.etl.store.EtlManifestRepository;
import io.trawl.starter.CliEnvironment;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.Runtimes;
import io.trawl.worker.TrawlRuntime;
import io.trawl.worker.config.ByteSize;
import io.trawl.worker.etl.EtlWorkerSettings;
import io.trawl.workflows.etl.ManifestRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl etl manifest}: the last good download of every source, or the original's file. */
@Command(
    name = "manifest",
    mixinStandardHelpOptions = true,
    header = "List the manifest (last validated download per source), or export it as JSON.",
    description = {
      "--export writes the original pipeline's downloads.manifest.json: metadata (process,",
      "etl_version, root_dir) and one record per source.",
      "",
      "Example: trawl etl manifest --export downloads.manifest.json"
    })
public final class ManifestCommand implements Callable<Integer> {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
          .withZone(ZoneId.systemDefault());

  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--export", paramLabel = "FILE", description = "Write the manifest file here.")
  Path export;

  @Option(names = "--json", description = "Print the records as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime =
        Runtimes.open(Runtimes.Needs.DATABASE, spec.commandLine().getErr())) {
      List<ManifestRecord> records = new EtlManifestRepository(runtime.dataSource()).all();
      if (export != null) {
        Path root = EtlWorkerSettings.dataDirectory(CliEnvironment.get());
        ManifestExport.write(export, records, root);
        out.println("wrote " + records.size() + " records to " + export.toAbsolutePath());
      } else if (json) {
        out.println(Json.write(records));
      } else {
        printTable(out, records);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  private static void printTable(PrintWriter out, List<ManifestRecord> records) {
    if (records.isEmpty()) {
      out.println("The manifest is empty. Download the configured sources: ./trawl etl run");
      return;
    }
    String format = "%-18s %10s %-14s %-19s  %s%n";
    out.printf(format, "SOURCE", "SIZE", "SHA256", "DOWNLOADED", "PATH");
    for (ManifestRecord record : records) {
      out.printf(
          format,
          record.sourceId(),
          ByteSize.format(record.size()),
          record.sha256().substring(0, 12) + "…",
          WHEN.format(record.downloadedAt()),
          record.path());
    }
  }
}
