package io.trawl.workflows.pharmacy;

/**
 * What the LLM fallback did for one place.
 *
 * @param applied the LLM's answer was more confident than the rule's and replaced it
 * @param cacheHit answered from {@code api_cache}: no call, no charge
 * @param budgetExhausted the {@code llm} budget (or the run's cap) refused the call: nothing was
 *     sent and the rule's answer stays
 */
public record LlmReclassification(
    String placeKey, boolean applied, boolean cacheHit, boolean budgetExhausted) {
  /** Whether a paid call was made for this place. */
  public boolean called() {
    return !cacheHit && !budgetExhausted;
  }
}
