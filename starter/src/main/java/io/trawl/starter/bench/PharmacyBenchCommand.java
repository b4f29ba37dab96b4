package io.trawl.starter.bench;

import io.trawl.starter.ExitCodes;
import io.trawl.starter.NumberRanges;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code trawl bench pharmacy}: collect, dedup, classify and verify sandbox places through the real
 * pharmacy workflow, then run the same search again and count what the repeat paid for.
 */
@Command(
    name = "pharmacy",
    mixinStandardHelpOptions = true,
    header = "Measure the pharmacy pipeline per stage, and what a repeat run costs.",
    description = {
      "Runs the real pharmacy workflow on the embedded default (in-memory Temporal,",
      "a private embedded PostgreSQL) against the Apify and Places sandboxes, which",
      "share one Maps universe: --places places from one search per city (at most",
      "5,000 each), collected, deduplicated, classified by the rules and verified.",
      "Then the same search again. Prints places/s per stage for both runs, and for",
      "the repeat: its cost (target $0), its Apify calls (target 0: the query cache",
      "answers) and its Places calls (target: only the places not yet verified,",
      "none when the first run verified them all). The daily budgets are set to",
      "twice what the places cost at list prices, so no stage stops for money.",
      "The last line is 'target met' or 'target missed: ...'.",
      "",
      "Example: trawl bench pharmacy --places 20000"
    })
public final class PharmacyBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--places",
      converter = NumberRanges.PositiveInt.class,
      paramLabel = "N",
      defaultValue = "20000",
      description = "Places to collect and verify (default 20000).")
  int places;

  @Option(names = "--json", description = "Print the figures as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PharmacyBench.Plan plan = PharmacyBench.Plan.of(places);
    PrintWriter progress = BenchOutput.progress(out, json);
    if (!json) {
      out.printf(
          Locale.ROOT,
          "bench pharmacy: %d places, \"%s\" in %d cities of %d places each; embedded engine,"
              + " Apify and Places sandboxes%n",
          plan.places(),
          PharmacyBench.QUERY,
          plan.locations().size(),
          plan.perSearch());
      out.flush();
    }
    PharmacyBench.Result result =
        BenchOutput.inScratch("pharmacy", dir -> PharmacyBench.run(dir, places, progress));
    List<BenchTarget> targets = targets(result);
    BenchOutput.report(
        out, json, targets, () -> jsonOf(result), table -> printTable(table, result));
    return ExitCodes.OK;
  }

  private static List<BenchTarget> targets(PharmacyBench.Result r) {
    PharmacyBench.Run repeat = r.repeat();
    return List.of(
        BenchTarget.atMost("repeat run cost", repeat.result().costUsd().doubleValue(), 0, "$"),
        BenchTarget.atMost("repeat run Apify calls", repeat.apifyRequests(), 0, ""),
        BenchTarget.atMost(
            "repeat run Places calls (goal: places left unverified)",
            repeat.placesCalls(),
            r.first().unverifiedAfter(),
            ""),
        BenchTarget.atMost("places unverified after the repeat", repeat.unverifiedAfter(), 0, ""));
  }

  private static void printTable(PrintWriter out, PharmacyBench.Result r) {
    out.printf(Locale.ROOT, "  %-22s %28s   %28s%n", "", "first run", "repeat run (same search)");
    out.printf(
        Locale.ROOT,
        "  %-22s %8s %9s %9s   %8s %9s %9s%n",
        "stage",
        "places",
        "seconds",
        "places/s",
        "places",
        "seconds",
        "places/s");
    for (int i = 0; i < r.first().stages().size(); i++) {
      PharmacyBench.Stage a = r.first().stages().get(i);
      PharmacyBench.Stage b = r.repeat().stages().get(i);
      out.printf(
          Locale.ROOT,
          "  %-22s %8d %9.2f %9s   %8d %9.2f %9s%n",
          a.name(),
          a.places(),
          a.seconds(),
          rate(a.perSecond()),
          b.places(),
          b.seconds(),
          rate(b.perSecond()));
    }
    row(out, "whole run, wall s", r, run -> String.format(Locale.ROOT, "%.2f", run.wallSeconds()));
    row(out, "unique places", r, run -> Integer.toString(run.result().unique()));
    row(out, "cost (sandbox, $)", r, run -> run.result().costUsd().toPlainString());
    row(out, "searches from cache", r, run -> Integer.toString(run.result().cacheHits()));
    row(out, "Apify actor runs", r, run -> Long.toString(run.apifyRuns()));
    row(out, "Apify requests", r, run -> Long.toString(run.apifyRequests()));
    row(out, "Places calls", r, run -> Long.toString(run.placesCalls()));
    row(out, "unverified after run", r, run -> Long.toString(run.unverifiedAfter()));
    out.printf(
        Locale.ROOT,
        "  budgets set: apify $%s, places $%s a day (twice the list price of the places)%n",
        r.budgets().get("apify").toPlainString(),
        r.budgets().get("places").toPlainString());
    out.printf(
        Locale.ROOT,
        "  Places at its configured 5 calls/s would take %.0f s for %d places (the embedded"
            + " engine does not enforce queue rates)%n",
        r.first().placesCalls() / 5.0,
        r.first().placesCalls());
  }

  private static void row(
      PrintWriter out,
      String name,
      PharmacyBench.Result r,
      Function<PharmacyBench.Run, String> figure) {
    out.printf(
        Locale.ROOT,
        "  %-22s %28s   %28s%n",
        name,
        figure.apply(r.first()),
        figure.apply(r.repeat()));
  }

  private static String rate(double perSecond) {
    return Double.isNaN(perSecond) ? "-" : String.format(Locale.ROOT, "%.0f", perSecond);
  }

  private static Map<String, Object> jsonOf(PharmacyBench.Result r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("bench", "pharmacy");
    root.put("places", r.plan().places());
    root.put("places_per_search", r.plan().perSearch());
    root.put("locations", r.plan().locations());
    root.put("budgets_usd", r.budgets());
    root.put("first", runJson(r.first()));
    root.put("repeat", runJson(r.repeat()));
    return root;
  }

  private static Map<String, Object> runJson(PharmacyBench.Run run) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", run.result().runId());
    m.put("status", run.result().status());
    m.put("collected", run.result().collected());
    m.put("unique", run.result().unique());
    m.put("cost_usd", run.result().costUsd());
    m.put("cache_hits", run.result().cacheHits());
    m.put("apify_actor_runs", run.apifyRuns());
    m.put("apify_requests", run.apifyRequests());
    m.put("places_calls", run.placesCalls());
    m.put("unverified_after", run.unverifiedAfter());
    m.put("wall_seconds", run.wallSeconds());
    Map<String, Object> stages = new LinkedHashMap<>();
    for (PharmacyBench.Stage s : run.stages()) {
      Map<String, Object> stage = new LinkedHashMap<>();
      stage.put("places", s.places());
      stage.put("seconds", s.seconds());
      stage.put("places_per_second", Double.isNaN(s.perSecond()) ? null : s.perSecond());
      stages.put(s.name(), stage);
    }
    m.put("stages", stages);
    return m;
  }
}
