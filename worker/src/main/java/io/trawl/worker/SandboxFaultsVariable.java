package io.trawl.worker;

import io.trawl.sandbox.market.FaultsAdmin;
import java.util.Map;

/**
 * Arms faults in a market sandbox the worker starts itself, so a demo on the embedded default can
 * show what a robot page or an outage does: {@code TRAWL_SANDBOX_UNLOCKER_FAULTS='{"alwaysRobot":
 * true}'}. The value is the JSON a sandbox's {@code POST /__admin/faults} takes; fields left out
 * keep the sandbox's everyday values.
 */
final class SandboxFaultsVariable {
  static final String UNLOCKER = "TRAWL_SANDBOX_UNLOCKER_FAULTS";
  static final String YAHOO = "TRAWL_SANDBOX_YAHOO_FAULTS";

  private SandboxFaultsVariable() {}

  /**
   * The faults {@code variable} arms, or {@code everyday} when it is unset or blank.
   *
   * @throws IllegalArgumentException naming the variable and what is wrong with its value
   */
  static <F extends Record> F read(
      Map<String, String> env, String variable, Class<F> type, F everyday) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      return everyday;
    }
    try {
      return FaultsAdmin.merge(type, everyday, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(variable + ": " + e.getMessage(), e);
    }
  }
}
