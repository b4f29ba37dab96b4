package io.trawl.starter.pharmacy;

import io.trawl.activities.pharmacy.store.PharmacyQueries;
import io.trawl.activities.pharmacy.store.PharmacyRow;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.NumberRanges;
import io.trawl.starter.Runtimes;
import io.trawl.starter.UsageException;
import io.trawl.worker.TrawlRuntime;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl pharmacy list}: the pharmacies found so far, filtered by class and state. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    header = "List pharmacies found so far, by classification and state.",
    description = {"Example: trawl pharmacy list --class independent --state CA"})
public final class PharmacyListCommand implements Callable<Integer> {
  static final Set<String> CLASSES = Set.of("chain", "independent", "hospital", "not_pharmacy");

  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--class",
      paramLabel = "C",
      description = "chain, independent, hospital or not_pharmacy.")
  String classification;

  @Option(names = "--state", paramLabel = "S", description = "A state name or two-letter code.")
  String state;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "100",
      description = "Rows (100).",
      converter = NumberRanges.PositiveInt.class)
  int limit;

  @Option(names = "--json", description = "Print the rows as JSON.")
  boolean json;

  @Override
  public Integer call() {
    if (classification != null && !CLASSES.contains(classification)) {
      throw new UsageException(
          "--class must be one of chain, independent, hospital, not_pharmacy; got \""
              + classification
              + "\"");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime =
        Runtimes.open(Runtimes.Needs.DATABASE, spec.commandLine().getErr())) {
      List<PharmacyRow> rows =
          new PharmacyQueries(runtime.dataSource()).pharmacies(classification, state, null, limit);
      if (json) {
        out.println(Json.write(rows));
      } else if (rows.isEmpty()) {
        out.println("No pharmacies match.");
      } else {
        String format = "%-34s %-18s %-12s %-13s %-5s %-5s %-8s%n";
        out.printf(format, "NAME", "CITY", "STATE", "CLASS", "COMP", "VERIF", "STATUS");
        for (PharmacyRow r : rows) {
          out.printf(
              format,
              clip(r.name(), 34),
              clip(r.city(), 18),
              clip(r.state(), 12),
              r.classification(),
              yes(r.isCompounding()),
              yes(r.verified()),
              r.businessStatus() == null ? "-" : r.businessStatus().toLowerCase());
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  private static String yes(Boolean flag) {
    return flag == null ? "-" : flag ? "yes" : "no";
  }

  private static String clip(String text, int width) {
    if (text == null) {
      return "-";
    }
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
