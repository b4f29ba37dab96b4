package io.trawl.activities.spend;

import java.math.BigDecimal;

/**
 * Hears about money as it is committed, so the worker can export it as metrics and warn people; the
 * activities stay free of those concerns.
 */
public interface SpendListener {
  SpendListener NONE = new SpendListener() {};

  /** A paid provider call was made: a Bright Data trigger, say. Not called for reused ones. */
  default void paidCall(String provider, String mode) {}

  /** A run's delivery was counted and its cost settled. */
  default void settled(String provider, String mode, long units, BigDecimal costUsd) {}

  /** A budget changed (after a reservation, a release or a settlement). */
  default void budgetChanged(BudgetStatus status) {}
}
