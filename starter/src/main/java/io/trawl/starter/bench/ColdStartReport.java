package io.trawl.starter.bench;

import io.trawl.starter.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What {@code trawl bench coldstart} measured: min and median per phase without and with class-data
 * sharing, and the verdict on the target, a median wall time of {@link #TARGET_SECONDS} or less
 * with CDS.
 *
 * @param firstSeconds the run that created the archive
 * @param plain runs without CDS
 * @param shared runs with CDS
 */
record ColdStartReport(double firstSeconds, List<ColdStartRun> plain, List<ColdStartRun> shared) {
  static final double TARGET_SECONDS = 4.0;
  private static final String TOTAL = "total (launch to exit)";

  /** Min and median of one phase, in seconds; NaN when no run had it. */
  record Spread(double min, double median) {}

  /** One row: a phase without and with CDS. */
  record Phase(String name, Spread noCds, Spread cds) {}

  List<Phase> phases() {
    List<Phase> rows = new ArrayList<>();
    for (Map.Entry<String, String> phase : ColdStartRun.PHASES) {
      String name = phase.getKey();
      Spread noCds = spread(plain, run -> run.phases().get(name));
      Spread cds = spread(shared, run -> run.phases().get(name));
      if (!Double.isNaN(noCds.median()) || !Double.isNaN(cds.median())) {
        rows.add(new Phase(name, noCds, cds));
      }
    }
    rows.add(
        new Phase(TOTAL, spread(plain, ColdStartRun::total), spread(shared, ColdStartRun::total)));
    return rows;
  }

  double cdsMedian() {
    return spread(shared, ColdStartRun::total).median();
  }

  double noCdsMedian() {
    return spread(plain, ColdStartRun::total).median();
  }

  List<BenchTarget> targets() {
    return List.of(
        BenchTarget.atMost("median wall time with CDS", cdsMedian(), TARGET_SECONDS, "s"));
  }

  void printTable(PrintWriter out) {
    out.printf(Locale.ROOT, "  %-28s %19s %19s%n", "seconds", "without CDS", "with CDS");
    out.printf(Locale.ROOT, "  %-28s %9s %9s %9s %9s%n", "phase", "min", "median", "min", "median");
    for (Phase phase : phases()) {
      out.printf(
          Locale.ROOT,
          "  %-28s %9.2f %9.2f %9.2f %9.2f%n",
          phase.name(),
          phase.noCds().min(),
          phase.noCds().median(),
          phase.cds().min(),
          phase.cds().median());
    }
    out.printf(Locale.ROOT, "  first run with CDS (creates the archive): %.2f s%n", firstSeconds);
    out.printf(
        Locale.ROOT,
        "  ratio: median with CDS = %.2fx without (%.2f s saved)%n",
        cdsMedian() / noCdsMedian(),
        noCdsMedian() - cdsMedian());
    BenchTarget.print(out, targets());
  }

  void printJson(PrintWriter out) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("bench", "coldstart");
    json.put("runs", shared.size());
    json.put("first_run_seconds", firstSeconds);
    json.put("phases", phases());
    json.put("ratios", Map.of("cds_over_no_cds", cdsMedian() / noCdsMedian()));
    out.println(Json.write(BenchOutput.withTargets(json, targets())));
  }

  private static Spread spread(List<ColdStartRun> runs, Function<ColdStartRun, Double> figure) {
    List<Double> values = new ArrayList<>();
    for (ColdStartRun run : runs) {
      Double value = figure.apply(run);
      if (value != null) {
        values.add(value);
      }
    }
    if (values.isEmpty()) {
      return new Spread(Double.NaN, Double.NaN);
    }
    values.sort(null);
    int n = values.size();
    double median =
        n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    return new Spread(values.getFirst(), median);
  }
}
