package io.trawl.workflows.pharmacy;

import io.temporal.activity.ActivityInterface;

/**
 * The optional LLM classifier, one place per activity on the rate-limited {@code
 * trawl-provider-llm}; registered only where {@code pharmacy.llm} is configured and {@code
 * LLM_API_KEY} is set.
 */
@ActivityInterface
public interface PlaceLlmActivities {
  /**
   * Asks the LLM about one place the rules were unsure of: the {@code api_cache} entry for its
   * normalized name and address first, else one chat completion reserved against the {@code llm}
   * budget and the run's cap. The answer replaces the rule's only when its confidence is higher. A
   * place the LLM already labelled answers from the table, so a retry pays once; a refused
   * reservation sends nothing and answers {@code budgetExhausted}.
   *
   * <p>Fails with {@code ProviderRateLimited} / {@code ProviderUnavailable} (retried), {@code
   * ProviderRejected} or {@code ValidationFailed} (final; the workflow keeps the rule's answer).
   */
  LlmReclassification reclassify(PharmacyRunRef run, String placeKey);
}
