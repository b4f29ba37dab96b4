package io.trawl.starter.jobs;

import io.trawl.activities.spend.BudgetStatus;
import io.trawl.activities.spend.SpendLedger;
import io.trawl.starter.Json;
import io.trawl.workflows.jobs.ScrapeRunResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Prints the outcome of one or more scrape runs: the original's summary block, or JSON. */
final class ScrapeReport {
  private ScrapeReport() {}

  static void print(
      PrintWriter out,
      List<ScrapeStarter.StartedRun> runs,
      List<RunWatcher.Outcome> outcomes,
      Function<Long, Optional<SpendLedger.RunCost>> costs,
      boolean json) {
    if (json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (int i = 0; i < runs.size(); i++) {
        Map<String, Object> row = row(runs.get(i), outcomes.get(i));
        ScrapeRunResult result = outcomes.get(i).result();
        if (result != null) {
          costs.apply(result.runId()).ifPresent(cost -> row.put("cost", cost));
        }
        rows.add(row);
      }
      out.println(Json.write(rows.size() == 1 ? rows.get(0) : rows));
      out.flush();
      return;
    }
    for (int i = 0; i < runs.size(); i++) {
      RunWatcher.Outcome outcome = outcomes.get(i);
      ScrapeStarter.StartedRun run = runs.get(i);
      if (outcome.result() != null) {
        out.println(outcome.result().summary());
        out.println(
            "  Provider: "
                + outcome.result().provider()
                + "  Date range: "
                + outcome.result().dateRange()
                + "  Snapshot: "
                + outcome.result().snapshotId()
                + "  Run id: "
                + outcome.result().runId());
        costs.apply(outcome.result().runId()).ifPresent(cost -> out.println(costLine(cost)));
      } else {
        out.println("Scrape failed: " + run.request().query() + " in " + run.request().location());
        out.println("  Error: " + outcome.failure());
        out.println("  Workflow: " + run.workflowId());
      }
    }
    if (runs.size() > 1) {
      printTotals(out, outcomes);
    }
    out.flush();
  }

  /** {@code --detach}: each started run's workflow id and run id, as text or JSON. */
  static void printStarted(PrintWriter out, List<ScrapeStarter.StartedRun> runs, boolean json) {
    if (!json) {
      runs.forEach(run -> out.println(run.workflowId() + " " + run.runId()));
      out.flush();
      return;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ScrapeStarter.StartedRun run : runs) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("workflow_id", run.workflowId());
      row.put("temporal_run_id", run.runId());
      rows.add(row);
    }
    out.println(Json.write(rows.size() == 1 ? rows.get(0) : rows));
    out.flush();
  }

  /** e.g. " Cost: $0.22 for 145 records (budget brightdata-sandbox, ./trawl budget)". */
  private static String costLine(SpendLedger.RunCost cost) {
    if (!"settled".equals(cost.state())) {
      return "  Cost: nothing settled (" + cost.state() + ", budget " + cost.scope() + ")";
    }
    return "  Cost: "
        + BudgetStatus.usd(cost.costUsd())
        + " for "
        + cost.units()
        + " records (budget "
        + cost.scope()
        + ", ./trawl budget)";
  }

  private static void printTotals(PrintWriter out, List<RunWatcher.Outcome> outcomes) {
    int found = 0;
    int fresh = 0;
    int updated = 0;
    int failed = 0;
    for (RunWatcher.Outcome outcome : outcomes) {
      ScrapeRunResult result = outcome.result();
      if (result == null || !result.completed()) {
        failed++;
        continue;
      }
      found += result.jobsFound();
      fresh += result.jobsNew();
      updated += result.jobsUpdated();
    }
    out.printf(
        "Total: %d runs, %d jobs found, %d new, %d updated, %d failed%n",
        outcomes.size(), found, fresh, updated, failed);
  }

  private static Map<String, Object> row(ScrapeStarter.StartedRun run, RunWatcher.Outcome outcome) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("workflow_id", run.workflowId());
    row.put("temporal_run_id", run.runId());
    if (outcome.result() != null) {
      row.put("result", outcome.result());
    } else {
      row.put("query", run.request().query());
      row.put("location", run.request().location());
      row.put("status", "failed");
      row.put("error", outcome.failure());
    }
    return row;
  }
}
