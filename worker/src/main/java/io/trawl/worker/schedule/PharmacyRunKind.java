package io.trawl.worker.schedule;

import io.temporal.common.SearchAttributes;
import io.trawl.worker.config.PharmacyConfig;
import io.trawl.worker.config.TrawlConfig;
import io.trawl.workflows.pharmacy.PharmacyRunRequest;
import io.trawl.workflows.pharmacy.PharmacyRunWorkflow;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code pharmacy-run}: one pharmacy run of queries × locations, defaults from trawl.yaml's {@code
 * pharmacy:} section. Several queries or locations are separated by {@code ;} (a location holds a
 * comma: "San Francisco, CA").
 *
 * <p>Each firing gets its own workflow id (the schedule appends the action's time to the search's
 * id) and the schedule's overlap policy skips a firing while the previous run is still going, so a
 * search is never collected twice at once; a failed run is resumed by the next firing.
 */
final class PharmacyRunKind implements ScheduledWorkflowKind {
  static final String NAME = "pharmacy-run";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "one pharmacy run; args query=…, location=… (several separated by ;),"
        + " [verify=true|false], [max_places=N], [max_cost=USD], [verify_scope=unverified|all]";
  }

  @Override
  public Class<?> workflowInterface() {
    return PharmacyRunWorkflow.class;
  }

  @Override
  public String taskQueue() {
    return PharmacyRunWorkflow.TASK_QUEUE;
  }

  @Override
  public Object input(ScheduleArgs args, TrawlConfig config) {
    args.allow(
        NAME, Set.of("query", "location", "verify", "max_places", "max_cost", "verify_scope"));
    PharmacyConfig pharmacy = PharmacyConfig.of(config);
    String scope = args.optional("verify_scope");
    if (scope != null && !scope.equals("unverified") && !scope.equals("all")) {
      throw new IllegalArgumentException(
          "argument verify_scope must be unverified or all, got \"" + scope + "\"");
    }
    return new PharmacyRunRequest(
        list(args.required(NAME, "query")),
        list(args.required(NAME, "location")),
        flag(args, "verify", pharmacy.verify()),
        args.integer("max_places", 1, pharmacy.maxPlaces()),
        false,
        money(args, "max_cost"),
        scope == null ? pharmacy.verifyAll() : scope.equals("all"),
        true);
  }

  @Override
  public String workflowId(Object input) {
    return ((PharmacyRunRequest) input).workflowId();
  }

  @Override
  public SearchAttributes searchAttributes(Object input) {
    return ((PharmacyRunRequest) input).searchAttributes();
  }

  @Override
  public String summary(Object input) {
    return ((PharmacyRunRequest) input).summary();
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static boolean flag(ScheduleArgs args, String name, boolean fallback) {
    String value = args.optional(name);
    if (value == null) {
      return fallback;
    }
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(
          "argument " + name + " must be true or false, got \"" + value + "\"");
    }
    return Boolean.parseBoolean(value);
  }

  private static BigDecimal money(ScheduleArgs args, String name) {
    String value = args.optional(name);
    if (value == null) {
      return null;
    }
    try {
      BigDecimal amount = new BigDecimal(value);
      if (amount.signum() >= 0) {
        return amount;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "argument " + name + " must be a number >= 0 (US dollars), got \"" + value + "\"");
  }
}
