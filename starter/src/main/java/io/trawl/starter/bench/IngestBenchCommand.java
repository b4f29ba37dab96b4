package io.trawl.starter.bench;

import io.trawl.starter.ExitCodes;
import io.trawl.starter.NumberRanges;
import io.trawl.starter.UsageException;
import io.trawl.worker.config.ByteSize;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trawl bench ingest}: the jobs ingest path against a naive row-by-row INSERT and a raw
 * COPY, on the same rows in the same private PostgreSQL.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    header = "Time the jobs ingest path against naive INSERTs and raw COPY on the same rows.",
    description = {
      "Writes a snapshot file of --records sandbox-shaped LinkedIn records, starts a private",
      "embedded PostgreSQL (fsync on, as the embedded default) under TRAWL_HOME/bench, and",
      "runs the real ingest path (stage the file, parse, normalize, dedup, upsert companies,",
      "locations and jobs) three times: all new, all unchanged, --changed of them changed.",
      "Then, on the same rows: a naive row-by-row autocommit INSERT (on the first",
      "--naive-rows records) and a raw COPY into a table without indexes (the limit).",
      "Prints rows/s per pass, ratios, tuples written to jobs, peak heap at two sizes, and",
      "a last line 'target met' or 'target missed: …'.",
      "Targets: new >= 0.6x raw COPY and >= 15x naive; unchanged >= 0.75x raw COPY with no",
      "content rewritten; peak heap at --records <= 1.5x the peak at the small size.",
      "",
      "Example: trawl bench ingest --records 200000 --changed 0.1"
    })
public final class IngestBenchCommand implements Callable<Integer> {
  static final double NEW_VS_COPY = 0.6;
  static final double NEW_VS_NAIVE = 15;
  static final double UNCHANGED_VS_COPY = 0.75;
  static final double HEAP_GROWTH = 1.5;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--records",
      converter = NumberRanges.PositiveInt.class,
      paramLabel = "N",
      defaultValue = "200000",
      description = "Records per pass (default 200000).")
  int records;

  @Option(
      names = "--changed",
      converter = NumberRanges.Fraction.class,
      paramLabel = "SHARE",
      defaultValue = "0.1",
      description = "Share of records changed in the third pass, 0..1 (default 0.1).")
  double changed;

  @Option(
      names = "--naive-rows",
      converter = NumberRanges.PositiveInt.class,
      paramLabel = "N",
      defaultValue = "5000",
      description = "Records the naive INSERT baseline writes (default 5000; its rate is flat).")
  int naiveRows;

  @Option(
      names = "--heap-probe",
      converter = NumberRanges.PositiveInt.class,
      paramLabel = "N",
      defaultValue = "50000",
      description =
          "Records of the small ingest whose peak heap is compared (default 50000, at most"
              + " --records / 4).")
  int heapProbe;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (records < 100) {
      throw new UsageException("--records must be 100 or more, got " + records);
    }
    if (!(changed > 0 && changed <= 1)) {
      throw new UsageException("--changed must be above 0 and at most 1, got " + changed);
    }
    if (naiveRows < 1) {
      throw new UsageException("--naive-rows must be 1 or more, got " + naiveRows);
    }
    PrintWriter out = spec.commandLine().getOut();
    int probe = Math.max(1, Math.min(heapProbe, records / 4));
    IngestBench.Options options = new IngestBench.Options(records, changed, naiveRows, probe);
    PrintWriter progress = BenchOutput.progress(out, json);
    if (!json) {
      out.printf(
          Locale.ROOT,
          "bench ingest: %,d records per pass, %.0f%% changed in the third%n",
          records,
          changed * 100);
      out.flush();
    }
    IngestBench.Result result =
        BenchOutput.inScratch("ingest", dir -> IngestBench.run(dir, options, progress));
    List<BenchTarget> targets = targets(result);
    BenchOutput.report(
        out, json, targets, () -> jsonOf(result), table -> printTable(table, result));
    return ExitCodes.OK;
  }

  static double rate(long rows, double seconds) {
    return rows / seconds;
  }

  private static List<BenchTarget> targets(IngestBench.Result r) {
    double copy = rate(r.copyRows(), r.copySeconds());
    double naive = rate(r.naiveRows(), r.naiveSeconds());
    IngestBench.Pass fresh = r.passes().get(0);
    IngestBench.Pass unchanged = r.passes().get(1);
    List<BenchTarget> targets = new ArrayList<>();
    targets.add(
        BenchTarget.atLeast(
            "new vs raw COPY",
            rate(fresh.records(), fresh.ingestSeconds()) / copy,
            NEW_VS_COPY,
            "x"));
    targets.add(
        BenchTarget.atLeast(
            "new vs naive INSERT",
            rate(fresh.records(), fresh.ingestSeconds()) / naive,
            NEW_VS_NAIVE,
            "x"));
    targets.add(
        BenchTarget.atLeast(
            "unchanged vs raw COPY",
            rate(unchanged.records(), unchanged.ingestSeconds()) / copy,
            UNCHANGED_VS_COPY,
            "x"));
    targets.add(
        BenchTarget.atMost("unchanged content rewritten", unchanged.contentRewritten(), 0, ""));
    targets.add(
        BenchTarget.atMost(
            "peak heap growth",
            (double) fresh.peakHeapBytes() / r.heapProbe().peakHeapBytes(),
            HEAP_GROWTH,
            "x"));
    return targets;
  }

  private static void printTable(PrintWriter out, IngestBench.Result r) {
    double copy = rate(r.copyRows(), r.copySeconds());
    double naive = rate(r.naiveRows(), r.naiveSeconds());
    out.printf(
        "  %-22s %9s %9s %9s %10s %8s %8s %9s %9s %9s %11s%n",
        "pass",
        "rows",
        "stage s",
        "ingest s",
        "rows/s",
        "x COPY",
        "x naive",
        "jobs ins",
        "jobs upd",
        "content",
        "+stage r/s");
    for (IngestBench.Pass p : r.passes()) {
      double rows = rate(p.records(), p.ingestSeconds());
      out.printf(
          Locale.ROOT,
          "  %-22s %,9d %9.2f %9.2f %,10.0f %8.2f %8.1f %,9d %,9d %,9d %,11.0f%n",
          "trawl " + p.name(),
          p.records(),
          p.stageSeconds(),
          p.ingestSeconds(),
          rows,
          rows / copy,
          rows / naive,
          p.jobsWritten().inserted(),
          p.jobsWritten().updated(),
          p.contentRewritten(),
          rate(p.records(), p.seconds()));
    }
    out.printf(
        Locale.ROOT,
        "  %-22s %,9d %9s %9.2f %,10.0f %8.2f %8.1f%n",
        "naive INSERT",
        r.naiveRows(),
        "",
        r.naiveSeconds(),
        naive,
        naive / copy,
        1.0);
    out.printf(
        Locale.ROOT,
        "  %-22s %,9d %9s %9.2f %,10.0f %8.2f %8.1f%n",
        "raw COPY (limit)",
        r.copyRows(),
        "",
        r.copySeconds(),
        copy,
        1.0,
        copy / naive);
    out.println(
        "  rows/s and ratios: the ingest step (job_staging -> jobs); +stage r/s adds writing the"
            + " file into job_staging (the download step's share)");
    IngestBench.Pass fresh = r.passes().get(0);
    out.printf(
        Locale.ROOT,
        "  peak heap: %s at %,d records, %s at %,d records%n",
        ByteSize.format(r.heapProbe().peakHeapBytes()),
        r.heapProbe().records(),
        ByteSize.format(fresh.peakHeapBytes()),
        fresh.records());
    IngestBench.Pass unchanged = r.passes().get(1);
    out.printf(
        Locale.ROOT,
        "  unchanged pass: %,d jobs seen again, content rewritten for %,d; %,d tuple versions"
            + " written (%,d HOT) to move last_seen_at%n",
        unchanged.result().updated(),
        unchanged.contentRewritten(),
        unchanged.jobsWritten().updated(),
        unchanged.jobsWritten().hotUpdated());
  }

  private static Map<String, Object> jsonOf(IngestBench.Result r) {
    double copy = rate(r.copyRows(), r.copySeconds());
    double naive = rate(r.naiveRows(), r.naiveSeconds());
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("records", r.options().records());
    root.put("changed_share", r.options().changed());
    List<Map<String, Object>> passes = new ArrayList<>();
    for (IngestBench.Pass p : r.passes()) {
      Map<String, Object> pass = new LinkedHashMap<>();
      pass.put("pass", p.name());
      pass.put("rows", p.records());
      pass.put("stage_seconds", p.stageSeconds());
      pass.put("ingest_seconds", p.ingestSeconds());
      pass.put("rows_per_second", rate(p.records(), p.ingestSeconds()));
      pass.put("vs_raw_copy", rate(p.records(), p.ingestSeconds()) / copy);
      pass.put("vs_naive_insert", rate(p.records(), p.ingestSeconds()) / naive);
      pass.put("rows_per_second_with_staging", rate(p.records(), p.seconds()));
      pass.put("new", p.result().newJobs());
      pass.put("seen_again", p.result().updated());
      pass.put("jobs_tuples_inserted", p.jobsWritten().inserted());
      pass.put("jobs_tuples_updated", p.jobsWritten().updated());
      pass.put("jobs_tuples_hot_updated", p.jobsWritten().hotUpdated());
      pass.put("content_rewritten", p.contentRewritten());
      pass.put("peak_heap_bytes", p.peakHeapBytes());
      passes.add(pass);
    }
    root.put("passes", passes);
    root.put(
        "naive_insert",
        Map.of("rows", r.naiveRows(), "seconds", r.naiveSeconds(), "rows_per_second", naive));
    root.put(
        "raw_copy",
        Map.of("rows", r.copyRows(), "seconds", r.copySeconds(), "rows_per_second", copy));
    root.put(
        "peak_heap",
        Map.of(
            "small_records", r.heapProbe().records(),
            "small_bytes", r.heapProbe().peakHeapBytes(),
            "large_records", r.passes().get(0).records(),
            "large_bytes", r.passes().get(0).peakHeapBytes()));
    return root;
  }
}
