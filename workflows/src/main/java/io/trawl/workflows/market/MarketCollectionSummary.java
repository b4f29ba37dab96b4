package io.trawl.workflows.market;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What one collection did.
 *
 * @param symbols tracked symbols at the start
 * @param quoted symbols that got a quote
 * @param quotesBySource quotes per source wire name ({@code cache}, {@code bright_data}, {@code
 *     yahoo})
 * @param failures symbols without a quote
 * @param failedSymbols those symbols (a collection tracks tens, not thousands)
 * @param costUsd what the collection's paid requests cost
 * @param cacheHits quotes the cache served
 * @param budgetExhausted the day's budget refused a paid request: the rest came from free sources
 */
public record MarketCollectionSummary(
    int symbols,
    int quoted,
    Map<String, Integer> quotesBySource,
    int failures,
    List<String> failedSymbols,
    BigDecimal costUsd,
    int cacheHits,
    boolean budgetExhausted) {
  public MarketCollectionSummary {
    quotesBySource = quotesBySource == null ? Map.of() : Map.copyOf(quotesBySource);
    failedSymbols = failedSymbols == null ? List.of() : List.copyOf(failedSymbols);
    costUsd = costUsd == null ? BigDecimal.ZERO : costUsd;
  }

  /** e.g. "48/50 quoted (cache 30, yahoo 18), $0.0000, budget exhausted". */
  public String describe() {
    StringBuilder text = new StringBuilder();
    text.append(quoted).append('/').append(symbols).append(" quoted");
    if (!quotesBySource.isEmpty()) {
      text.append(" (");
      text.append(
          String.join(
              ", ",
              new java.util.TreeMap<>(quotesBySource)
                  .entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
      text.append(')');
    }
    text.append(", $").append(costUsd.setScale(4, java.math.RoundingMode.HALF_UP).toPlainString());
    if (budgetExhausted) {
      text.append(", budget exhausted");
    }
    return text.toString();
  }
}
