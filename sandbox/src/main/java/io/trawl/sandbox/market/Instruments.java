package io.trawl.sandbox.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The instruments both market sandboxes serve (64, enough for a 50-symbol benchmark), read once
 * from {@code instruments.csv} beside this class and looked up by either site's name. A symbol
 * outside the list is unknown to both fakes: Yahoo answers 404, Bloomberg a page without a quote.
 */
public final class Instruments {
  private static final String CATALOGUE = "instruments.csv";

  /** Every instrument, in catalogue order. */
  public static final List<Instrument> ALL = load();

  private static final Map<String, Instrument> BY_BLOOMBERG =
      ALL.stream().collect(Collectors.toMap(Instrument::bloomberg, Function.identity()));
  private static final Map<String, Instrument> BY_YAHOO =
      ALL.stream().collect(Collectors.toMap(Instrument::yahoo, Function.identity()));

  private Instruments() {}

  /** The instrument Bloomberg calls {@code id} ({@code AAPL:US}), matched exactly. */
  public static Optional<Instrument> byBloomberg(String id) {
    return Optional.ofNullable(id == null ? null : BY_BLOOMBERG.get(id));
  }

  /** The instrument Yahoo calls {@code symbol} ({@code ^GSPC}), matched exactly. */
  public static Optional<Instrument> byYahoo(String symbol) {
    return Optional.ofNullable(symbol == null ? null : BY_YAHOO.get(symbol));
  }

  /** Bloomberg ids in catalogue order, for tests and benchmarks that want N real symbols. */
  public static List<String> bloombergIds() {
    return ALL.stream().map(Instrument::bloomberg).toList();
  }

  private static List<Instrument> load() {
    InputStream in = Instruments.class.getResourceAsStream(CATALOGUE);
    if (in == null) {
      throw new IllegalStateException(CATALOGUE + " is missing beside " + Instruments.class);
    }
    List<Instrument> instruments = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (!line.isBlank() && !line.startsWith("#")) {
          instruments.add(parse(line, number));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + CATALOGUE, e);
    }
    return List.copyOf(instruments);
  }

  private static Instrument parse(String line, int number) {
    String[] f = line.split(",", -1);
    if (f.length != 10) {
      throw new IllegalStateException(
          CATALOGUE + " line " + number + ": expected 10 fields, got " + f.length + ": " + line);
    }
    return new Instrument(
        f[0],
        f[1],
        f[2],
        f[3],
        f[4],
        Double.parseDouble(f[5]),
        Integer.parseInt(f[6]),
        Long.parseLong(f[7]),
        Long.parseLong(f[8]),
        Venue.named(f[9]));
  }
}
