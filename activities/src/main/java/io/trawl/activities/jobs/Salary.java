package io.trawl.activities.jobs;

import java.math.BigDecimal;

/**
 * The provider's {@code base_salary} block; every part may be absent.
 *
 * @param min lower bound of the range
 * @param max upper bound of the range
 * @param currency e.g. "EUR"
 * @param period e.g. "YEAR"
 */
public record Salary(BigDecimal min, BigDecimal max, String currency, String period) {
  public static final Salary NONE = new Salary(null, null, null, null);
}
