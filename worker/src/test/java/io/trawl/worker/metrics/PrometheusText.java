package io.trawl.worker.metrics;

import java.util.Arrays;

/** Reads sample values out of a Prometheus text exposition, enough for assertions. */
final class PrometheusText {
  private final String text;

  PrometheusText(String text) {
    this.text = text;
  }

  /** The sum of every sample of {@code name} (any labels); 0 when there is none. */
  double sum(String name) {
    return Arrays.stream(text.split("\n"))
        .filter(line -> !line.startsWith("#"))
        .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** Whether a sample of {@code name} carries {@code label="value"}. */
  boolean hasSample(String name, String label, String value) {
    return Arrays.stream(text.split("\n"))
        .anyMatch(
            line -> line.startsWith(name + "{") && line.contains(label + "=\"" + value + "\""));
  }

  /** Whether any sample of {@code name} is in the exposition (any labels, any value). */
  boolean hasFamily(String name) {
    return Arrays.stream(text.split("\n"))
        .anyMatch(line -> line.startsWith(name + "{") || line.startsWith(name + " "));
  }

  /** The value of the one sample written exactly as {@code series}, e.g. {@code x{a="b"}}. */
  double value(String series) {
    return Arrays.stream(text.split("\n"))
        .filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sample " + series + " in:\n" + text));
  }
}
