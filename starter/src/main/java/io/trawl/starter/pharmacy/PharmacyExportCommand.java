package io.trawl.starter.pharmacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trawl.activities.pharmacy.store.PharmacyQueries;
import io.trawl.activities.pharmacy.store.PharmacyRow;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.NumberRanges;
import io.trawl.starter.Runtimes;
import io.trawl.worker.TrawlRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl pharmacy export}: the original's pharmacies.csv / pharmacies.json. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    header = "Write every pharmacy (or one run's) as CSV or JSON.",
    description = {"Example: trawl pharmacy export --format csv --output pharmacies.csv"})
public final class PharmacyExportCommand implements Callable<Integer> {
  /** The original's columns, in its order. */
  static final List<String> COLUMNS =
      List.of(
          "name",
          "address",
          "city",
          "state",
          "postal_code",
          "phone",
          "website",
          "place_id",
          "classification",
          "is_chain",
          "is_compounding",
          "confidence",
          "verified",
          "verification_confidence",
          "business_status");

  enum Format {
    csv,
    json
  }

  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "csv|json",
      description = "csv or json.")
  Format format;

  @Option(names = "--output", required = true, paramLabel = "FILE", description = "File to write.")
  Path output;

  @Option(
      names = "--run",
      paramLabel = "ID",
      description = "Only the places of this run.",
      converter = NumberRanges.PositiveLong.class)
  Long runId;

  @Override
  public Integer call() {
    try (TrawlRuntime runtime =
        Runtimes.open(Runtimes.Needs.DATABASE, spec.commandLine().getErr())) {
      List<PharmacyRow> rows =
          new PharmacyQueries(runtime.dataSource())
              .pharmacies(null, null, runId, Integer.MAX_VALUE);
      write(rows);
      spec.commandLine()
          .getOut()
          .println("Wrote " + rows.size() + " pharmacies to " + output + " (" + format + ")");
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }

  private void write(List<PharmacyRow> rows) {
    Path absolute = output.toAbsolutePath();
    Path temp = absolute.resolveSibling(absolute.getFileName() + ".part");
    try {
      if (absolute.getParent() != null) {
        Files.createDirectories(absolute.getParent());
      }
      // Written beside the target and moved over it: a reader never sees half a file.
      try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        if (format == Format.csv) {
          writer.write(String.join(",", COLUMNS));
          writer.write("\n");
          for (PharmacyRow row : rows) {
            writer.write(csvLine(row));
          }
        } else {
          writer.write(
              new ObjectMapper()
                  .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                  .enable(SerializationFeature.INDENT_OUTPUT)
                  .writeValueAsString(rows));
          writer.write("\n");
        }
      }
      Files.move(
          temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
    }
  }

  static String csvLine(PharmacyRow r) {
    Object[] values = {
      r.name(),
      r.address(),
      r.city(),
      r.state(),
      r.postalCode(),
      r.phone(),
      r.website(),
      r.placeId(),
      r.classification(),
      r.isChain(),
      r.isCompounding(),
      r.confidence(),
      r.verified(),
      r.verificationConfidence(),
      r.businessStatus()
    };
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(csv(values[i]));
    }
    return line.append('\n').toString();
  }

  /** RFC 4180: quote fields with commas, quotes or line breaks; double the quotes inside. */
  static String csv(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
