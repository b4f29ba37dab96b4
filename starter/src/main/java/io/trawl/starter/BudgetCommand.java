package io.trawl.starter;

import io.trawl.activities.spend.BudgetStatus;
import io.trawl.activities.spend.SpendLedger;
import io.trawl.worker.TrawlRuntime;
import io.trawl.worker.config.SpendConfig;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl budget}: what each daily budget has spent, holds back and has left. */
@Command(
    name = "budget",
    mixinStandardHelpOptions = true,
    header = "Show each provider's daily budget: spent, held by runs in flight, remaining.",
    description = {
      "Runs reserve their expected cost before a paid call and settle what the delivery cost;",
      "a run the day cannot cover fails before paying. Limits: budgets: in trawl.yaml.",
      "",
      "Example: trawl budget --days 7"
    })
public final class BudgetCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "1",
      description = "Days to show, today first (default 1: today).",
      converter = Days.class)
  int days;

  @Option(names = "--json", description = "Print as JSON.")
  boolean json;

  @Override
  public Integer call() {
    SpendConfig spend = SpendConfig.of(common.loadConfig());
    LocalDate today = LocalDate.now(spend.brightData().zone());
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime =
        Runtimes.open(Runtimes.Needs.DATABASE, spec.commandLine().getErr())) {
      List<BudgetStatus> rows =
          new SpendLedger(runtime.dataSource()).since(today.minusDays(days - 1L));
      if (json) {
        out.println(Json.write(rows.stream().map(BudgetCommand::document).toList()));
      } else {
        print(out, rows, spend, today);
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  private static void print(
      PrintWriter out, List<BudgetStatus> rows, SpendConfig spend, LocalDate today) {
    if (rows.isEmpty()) {
      out.println(
          "No paid calls since "
              + today
              + " ("
              + spend.brightData().zone().getId()
              + "); Bright Data's daily limit is "
              + BudgetStatus.usd(spend.brightData().dailyLimitUsd())
              + " (budgets.brightdata.daily_usd).");
      return;
    }
    String format = "%-20s %-10s %10s %10s %10s %10s %7s%n";
    out.printf(format, "BUDGET", "DAY", "LIMIT", "SPENT", "HELD", "REMAINING", "USED");
    for (BudgetStatus row : rows) {
      out.printf(
          format,
          row.scope(),
          row.day(),
          BudgetStatus.usd(row.limitUsd()),
          BudgetStatus.usd(row.settledUsd()),
          BudgetStatus.usd(row.reservedUsd()),
          BudgetStatus.usd(row.remainingUsd()),
          String.format(Locale.ROOT, "%.1f %%", row.usedRatio() * 100));
    }
  }

  private static Map<String, Object> document(BudgetStatus row) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("budget", row.scope());
    document.put("provider", row.provider());
    document.put("mode", row.mode());
    document.put("day", row.day().toString());
    document.put("limit_usd", row.limitUsd());
    document.put("spent_usd", row.settledUsd());
    document.put("held_usd", row.reservedUsd());
    document.put("remaining_usd", row.remainingUsd());
    document.put("used_ratio", row.usedRatio());
    return document;
  }

  /** Days of spending to show: today, back to a year. */
  static final class Days extends NumberRanges.IntRange {
    Days() {
      super(1, 366);
    }
  }
}
