package io.trawl.worker.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of workflows a schedule may start, by name. Every pipeline with recurring work adds
 * its {@link ScheduledWorkflowKind} to {@link #standard()}; nothing else changes.
 */
public final class ScheduledWorkflowKinds {
  private final Map<String, ScheduledWorkflowKind> byName = new LinkedHashMap<>();

  private ScheduledWorkflowKinds(List<ScheduledWorkflowKind> kinds) {
    for (ScheduledWorkflowKind kind : kinds) {
      if (byName.putIfAbsent(kind.name(), kind) != null) {
        throw new IllegalArgumentException("workflow kind " + kind.name() + " registered twice");
      }
    }
  }

  /** Every kind trawl ships. */
  public static ScheduledWorkflowKinds standard() {
    return new ScheduledWorkflowKinds(
        List.of(
            new JobsScrapeKind(),
            new JobsLifecycleKind(),
            new PharmacyRunKind(),
            new MarketCollectKind(),
            new MarketCacheCleanupKind(),
            new MaintenanceRetentionKind()));
  }

  /** These kinds plus {@code kind}; for tests that schedule a workflow of their own. */
  public ScheduledWorkflowKinds with(ScheduledWorkflowKind kind) {
    List<ScheduledWorkflowKind> kinds = new ArrayList<>(byName.values());
    kinds.add(kind);
    return new ScheduledWorkflowKinds(kinds);
  }

  /**
   * The kind called {@code name}.
   *
   * @throws IllegalArgumentException naming the known kinds when there is none
   */
  public ScheduledWorkflowKind find(String name) {
    ScheduledWorkflowKind kind = byName.get(name);
    if (kind == null) {
      throw new IllegalArgumentException(
          "unknown workflow \"" + name + "\" (known: " + String.join(", ", names()) + ")");
    }
    return kind;
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  public List<ScheduledWorkflowKind> all() {
    return List.copyOf(byName.values());
  }
}
