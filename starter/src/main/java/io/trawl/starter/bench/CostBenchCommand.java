package io.trawl.starter.bench;

import io.trawl.starter.ExitCodes;
import io.trawl.starter.NumberRanges;
import io.trawl.starter.UsageException;
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
 * {@code trawl bench cost}: records paid for a week of scheduled scrapes with the date strategy
 * against always asking for the past month, and the jobs each way ends with.
 */
@Command(
    name = "cost",
    mixinStandardHelpOptions = true,
    header = "Compare paid records of the date strategy with always 'Past month' over a week.",
    description = {
      "Simulates --days days of 6-hourly scrapes of --queries searches against the Bright",
      "Data sandbox on a virtual clock (postings go up and come down by day), twice: with",
      "the date strategy (past month first, then the past 24 hours or week since the last",
      "completed run) and always asking for the past month. Both run the real activities",
      "(date range, trigger, progress, download into staging, ingest) into a private",
      "embedded PostgreSQL, and the two jobs tables are compared.",
      "Prints records paid and their cost at $1.50 per 1,000 records, the strategy's share,",
      "jobs missed by the strategy, and a last line 'target met' or 'target missed: …'.",
      "Targets: the strategy pays for <= 10%% of the naive records and misses no job.",
      "",
      "Example: trawl bench cost --queries 10 --days 7"
    })
public final class CostBenchCommand implements Callable<Integer> {
  static final double USD_PER_RECORD = 1.50 / 1000;
  static final double SHARE_GOAL = 0.10;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--queries",
      converter = NumberRanges.PositiveInt.class,
      paramLabel = "N",
      defaultValue = "10",
      description = "Searches scraped every 6 hours (default 10).")
  int queries;

  @Option(
      names = "--days",
      converter = NumberRanges.PositiveInt.class,
      paramLabel = "N",
      defaultValue = "7",
      description = "Days simulated (default 7).")
  int days;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    if (queries < 1 || queries > 100) {
      throw new UsageException("--queries must be 1..100, got " + queries);
    }
    if (days < 1 || days > 60) {
      throw new UsageException("--days must be 1..60, got " + days);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter progress = BenchOutput.progress(out, json);
    if (!json) {
      out.printf(
          Locale.ROOT,
          "bench cost: %d searches, %d days of scrapes every %d h from %s (virtual clock),"
              + " $1.50 per 1,000 records%n",
          queries,
          days,
          CostBench.EVERY.toHours(),
          CostBench.START);
      out.flush();
    }
    CostBench.Result result =
        BenchOutput.inScratch("cost", dir -> CostBench.run(dir, queries, days, progress));
    List<BenchTarget> targets =
        List.of(
            BenchTarget.atMost("records vs always past month", share(result), SHARE_GOAL, ""),
            BenchTarget.atMost("jobs missed", result.missed(), 0, ""));
    BenchOutput.report(
        out, json, targets, () -> jsonOf(result), table -> printTable(table, result));
    return ExitCodes.OK;
  }

  private static double share(CostBench.Result r) {
    return r.naive().recordsPaid() == 0
        ? 0
        : (double) r.strategy().recordsPaid() / r.naive().recordsPaid();
  }

  private static void printTable(PrintWriter out, CostBench.Result r) {
    out.printf(
        "  %-20s %6s %13s %10s %8s  %s%n",
        "mode", "runs", "records paid", "cost USD", "jobs", "date ranges asked");
    for (CostBench.Week w : List.of(r.strategy(), r.naive())) {
      out.printf(
          Locale.ROOT,
          "  %-20s %,6d %,13d %10.2f %,8d  %s%n",
          w.mode(),
          w.runs(),
          w.recordsPaid(),
          w.recordsPaid() * USD_PER_RECORD,
          w.jobs().size(),
          w.ranges());
    }
    out.printf(
        Locale.ROOT,
        "  strategy pays for %.1f%% of the records (%.2f USD saved over %d days)%n",
        share(r) * 100,
        (r.naive().recordsPaid() - r.strategy().recordsPaid()) * USD_PER_RECORD,
        r.days());
    out.printf(
        Locale.ROOT,
        "  jobs missed by the strategy: %,d (%,d of them malformed in every record of them it"
            + " got); jobs whose stored content differs from the naive table: %,d%n",
        r.missed(),
        r.missedMalformed(),
        r.stale());
  }

  private static Map<String, Object> jsonOf(CostBench.Result r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("searches", r.searches());
    root.put("days", r.days());
    root.put("usd_per_1000_records", USD_PER_RECORD * 1000);
    List<Map<String, Object>> weeks = new ArrayList<>();
    for (CostBench.Week w : List.of(r.strategy(), r.naive())) {
      Map<String, Object> week = new LinkedHashMap<>();
      week.put("mode", w.mode());
      week.put("runs", w.runs());
      week.put("records_paid", w.recordsPaid());
      week.put("cost_usd", w.recordsPaid() * USD_PER_RECORD);
      week.put("jobs", w.jobs().size());
      Map<String, Integer> ranges = new LinkedHashMap<>();
      w.ranges()
          .forEach((label, n) -> ranges.put(label.toLowerCase(Locale.ROOT).replace(' ', '_'), n));
      week.put("date_ranges", ranges);
      weeks.add(week);
    }
    root.put("modes", weeks);
    root.put("strategy_share", share(r));
    root.put("jobs_missed", r.missed());
    root.put("jobs_missed_malformed", r.missedMalformed());
    root.put("jobs_content_differs", r.stale());
    return root;
  }
}
