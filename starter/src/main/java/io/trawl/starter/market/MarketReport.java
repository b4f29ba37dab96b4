package io.trawl.starter.market;

import io.trawl.activities.market.UnlockerBudget;
import io.trawl.activities.market.store.MarketStats;
import io.trawl.activities.market.store.MarketStatsReport;
import io.trawl.activities.providers.unlocker.UnlockerConfig;
import io.trawl.starter.CliEnvironment;
import io.trawl.worker.config.CallBudgets;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.workflows.market.MarketQuotesResult;
import io.trawl.workflows.market.Quote;
import io.trawl.workflows.market.SymbolQuote;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Locale;
import javax.sql.DataSource;

/** The market commands' tables. */
final class MarketReport {
  private static final String QUOTE_ROW = "%-12s %14s %-4s %12s %9s %-20s %-11s %s%n";

  private MarketReport() {}

  /** Today's statistics, under the Unlocker budget this environment's workers use. */
  static MarketStatsReport stats(DataSource dataSource, TrawlConfig config) {
    String token = CliEnvironment.get().get(UnlockerConfig.TOKEN_VARIABLE);
    boolean sandbox = token == null || token.isBlank();
    CallBudgets budgets = CallBudgets.of(config);
    return new MarketStats(
            dataSource,
            UnlockerBudget.scope(sandbox),
            budgets.daily(UnlockerBudget.PROVIDER),
            budgets.zone())
        .today(Instant.now());
  }

  static void printQuotes(PrintWriter out, MarketQuotesResult result) {
    out.printf(
        QUOTE_ROW, "SYMBOL", "PRICE", "CUR", "CHANGE", "CHANGE %", "AS OF", "SOURCE", "COST");
    for (SymbolQuote line : result.quotes()) {
      Quote q = line.quote();
      if (q == null) {
        out.printf(QUOTE_ROW, line.symbol(), "-", "-", "-", "-", "-", "-", "-");
        continue;
      }
      out.printf(
          QUOTE_ROW,
          q.symbol(),
          plain(q.price()),
          q.currency() == null ? "-" : q.currency(),
          q.change() == null ? "-" : signed(q.change()),
          q.changePercent() == null
              ? "-"
              : signed(q.changePercent().setScale(2, RoundingMode.HALF_EVEN)) + "%",
          q.asOf().toString().substring(0, 19).replace('T', ' '),
          q.source().wireName(),
          usd(q.costUsd()));
    }
    out.println("Total cost: " + usd(result.costUsd()));
    for (SymbolQuote line : result.missing()) {
      out.println("No quote for " + line.symbol() + ": " + MarketQuotesCommand.why(line));
    }
  }

  static void printStats(PrintWriter out, MarketStatsReport report) {
    out.println("Market statistics since " + report.since());
    out.println();
    printBreakers(out, report);
    out.println();
    String format = "%-12s %9s %10s %9s %10s %12s %8s %8s%n";
    out.printf(
        format,
        "SOURCE",
        "REQUESTS",
        "SUCCESSES",
        "FAILURES",
        "SUCCESS %",
        "COST",
        "P50 MS",
        "P95 MS");
    for (MarketStatsReport.SourceStats s : report.sources()) {
      out.printf(
          format,
          s.source(),
          s.requests(),
          s.successes(),
          s.failures(),
          percent(s.successRatePercent()),
          usd(s.costUsd()),
          s.p50LatencyMs(),
          s.p95LatencyMs());
    }
    out.println();
    MarketStatsReport.CacheStats cache = report.cache();
    out.printf(
        "Cache: %d hits, %d misses, hit rate %s%%%n",
        cache.hits(), cache.misses(), percent(cache.hitRatePercent()));
    out.println("Total cost: " + usd(report.totalCostUsd()));
    MarketStatsReport.BudgetStats budget = report.budget();
    out.printf(
        "Budget %s on %s: %s of %s used (%s%%, %s held), %s remaining%n",
        budget.scope(),
        budget.day(),
        usd(budget.spentUsd()),
        usd(budget.limitUsd()),
        percent(budget.usedPercent()),
        usd(budget.heldUsd()),
        usd(budget.remainingUsd()));
  }

  static void printBreakers(PrintWriter out, MarketStatsReport report) {
    String format = "%-12s %-10s %7s %9s %9s %10s %11s%n";
    out.printf(
        format, "BREAKER", "STATE", "CALLS", "FAILURES", "REJECTED", "FAILURE %", "RECOVERY S");
    for (MarketStatsReport.BreakerStats b : report.breakers()) {
      out.printf(
          format,
          b.source(),
          b.state(),
          b.calls(),
          b.failures(),
          b.rejected(),
          percent(b.failureRatePercent()),
          b.recoveryInSeconds() == null ? "-" : b.recoveryInSeconds());
    }
    for (MarketStatsReport.BreakerStats b : report.breakers()) {
      for (MarketStatsReport.Transition t : b.recentTransitions()) {
        out.printf(
            "  %s %s: %s -> %s%s%n",
            t.at().toString().substring(0, 19).replace('T', ' '),
            b.source(),
            t.from(),
            t.to(),
            t.worker() == null ? "" : " (" + t.worker() + ")");
      }
    }
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().scale() < 2
        ? value.setScale(2, RoundingMode.HALF_EVEN).toPlainString()
        : value.stripTrailingZeros().toPlainString();
  }

  private static String signed(BigDecimal value) {
    return (value.signum() > 0 ? "+" : "") + plain(value);
  }

  static String usd(BigDecimal value) {
    return "$" + (value == null ? BigDecimal.ZERO : value).setScale(4, RoundingMode.HALF_EVEN);
  }

  private static String percent(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
