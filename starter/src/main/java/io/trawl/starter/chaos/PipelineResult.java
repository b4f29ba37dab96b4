package io.trawl.starter.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pipeline's crash run next to its uninterrupted reference.
 *
 * @param pipeline the pipeline's name
 * @param referenceRun how the reference run ended
 * @param crashedRun how the crashed run ended
 * @param completed whether the crashed run completed
 * @param killsPlanned kills the plan drew
 * @param landings where each kill landed ("inside [DownloadToStaging]", "between steps"), counted
 * @param reference the reference run's figures
 * @param crashed the crashed run's figures
 */
record PipelineResult(
    String pipeline,
    String referenceRun,
    String crashedRun,
    boolean completed,
    int killsPlanned,
    Map<String, Integer> landings,
    List<Measure> reference,
    List<Measure> crashed) {

  PipelineResult {
    landings = Map.copyOf(landings);
    reference = List.copyOf(reference);
    crashed = List.copyOf(crashed);
  }

  int killsLanded() {
    return landings.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** One row per figure: name, reference value, crashed value, and the difference if any. */
  record Row(String name, Measure.Kind kind, Long reference, Long crashed, String difference) {}

  List<Row> rows() {
    Map<String, Measure> before = byName(reference);
    Map<String, Measure> after = byName(crashed);
    Set<String> names = new LinkedHashSet<>(before.keySet());
    names.addAll(after.keySet());
    List<Row> rows = new ArrayList<>();
    for (String name : names) {
      Measure ref = before.get(name);
      Measure crash = after.get(name);
      String difference;
      if (crash == null) {
        difference =
            name + " is missing after the crashes, the uninterrupted run has " + ref.value();
      } else {
        difference = crash.difference(ref);
      }
      Measure any = crash != null ? crash : ref;
      rows.add(
          new Row(
              name,
              any.kind(),
              ref == null ? null : ref.value(),
              crash == null ? null : crash.value(),
              difference));
    }
    return rows;
  }

  /** Every difference, each naming the figure and both values; the run's own failure first. */
  List<String> differences() {
    List<String> differences = new ArrayList<>();
    if (!completed) {
      differences.add("the crashed run did not complete: " + crashedRun);
    }
    for (Row row : rows()) {
      if (row.difference() != null) {
        differences.add(row.difference());
      }
    }
    return differences;
  }

  /** Rows the crashed run lacks against the reference. */
  long lost() {
    return rows().stream()
        .filter(row -> row.kind() == Measure.Kind.ROWS)
        .mapToLong(row -> Math.max(0, value(row.reference()) - value(row.crashed())))
        .sum();
  }

  /** Rows sharing a natural key, plus rows the crashed run has beyond the reference. */
  long duplicates() {
    long duplicates = 0;
    for (Row row : rows()) {
      if (row.kind() == Measure.Kind.DUPLICATES) {
        duplicates += value(row.crashed());
      } else if (row.kind() == Measure.Kind.ROWS) {
        duplicates += Math.max(0, value(row.crashed()) - value(row.reference()));
      }
    }
    return duplicates;
  }

  /**
   * Paid calls beyond the yardstick (the sandbox's expected count, else the reference) that no kill
   * in flight explains, plus every ledger figure that differs from what was billed in a way no kill
   * in flight explains. A call in flight at a kill is booked as spent by the retry: either the
   * provider billed it (one paid call beyond the yardstick) or it never reached the provider (one
   * unit the ledger books beyond the bill, on the safe side). Neither is a double charge.
   */
  long doubleCharges() {
    long paidExtra = 0;
    List<Measure> ledgerUnits = new java.util.ArrayList<>();
    Map<String, Measure> after = byName(crashed);
    for (Row row : rows()) {
      Measure crash = after.get(row.name());
      if (crash == null) {
        continue;
      }
      if (row.kind() == Measure.Kind.PAID) {
        long yardstick = crash.expected() != null ? crash.expected() : value(row.reference());
        paidExtra += Math.max(0, crash.value() - yardstick);
      } else if (row.kind() == Measure.Kind.LEDGER
          && crash.expected() != null
          && crash.value() != crash.expected()) {
        // The ledger against what was billed; against the reference it only mirrors the calls.
        ledgerUnits.add(crash);
      }
    }
    long inFlight = inFlight();
    long billedInFlight = Math.min(paidExtra, inFlight);
    long neverBilledInFlight = inFlight - billedInFlight;
    long ledgerDifferences = 0;
    for (Measure units : ledgerUnits) {
      long overBill = units.value() - units.expected();
      if (overBill > 0 && overBill <= neverBilledInFlight) {
        neverBilledInFlight -= overBill;
      } else {
        ledgerDifferences++;
      }
    }
    return paidExtra - billedInFlight + ledgerDifferences;
  }

  /** Paid calls whose request was in flight when a kill struck, made again by the retry. */
  long inFlight() {
    return crashed.stream()
        .filter(measure -> measure.kind() == Measure.Kind.IN_FLIGHT)
        .mapToLong(Measure::value)
        .sum();
  }

  /** Kills survived: those that landed in a run that then completed. */
  int killsSurvived() {
    return completed ? killsLanded() : 0;
  }

  private static long value(Long value) {
    return value == null ? 0 : value;
  }

  private static Map<String, Measure> byName(List<Measure> measures) {
    Map<String, Measure> map = new LinkedHashMap<>();
    measures.forEach(measure -> map.put(measure.name(), measure));
    return map;
  }
}
