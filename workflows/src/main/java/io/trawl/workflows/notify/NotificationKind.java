package io.trawl.workflows.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a notification reports; the config name is what trawl.yaml lists under {@code events}. */
public enum NotificationKind {
  /** A pipeline run ended failed (not cancelled). */
  RUN_FAILED("run_failed", "run failed"),
  /** An ETL download failed validation and was moved to quarantine. */
  FILE_QUARANTINED("file_quarantined", "file quarantined"),
  /** A budget reached 80 % of its limit for the period. */
  BUDGET_WARNING("budget_warning", "budget warning"),
  /** A provider's circuit breaker opened. */
  BREAKER_OPENED("breaker_opened", "breaker opened");

  private final String configName;
  private final String label;

  NotificationKind(String configName, String label) {
    this.configName = configName;
    this.label = label;
  }

  /** The snake_case name used in trawl.yaml, workflow ids and JSON payloads. */
  public String configName() {
    return configName;
  }

  /** A few words for people, e.g. "run failed". */
  public String label() {
    return label;
  }

  public static Optional<NotificationKind> fromConfigName(String name) {
    return Arrays.stream(values()).filter(k -> k.configName.equals(name)).findFirst();
  }

  /** Every config name, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(NotificationKind::configName).toList();
  }
}
