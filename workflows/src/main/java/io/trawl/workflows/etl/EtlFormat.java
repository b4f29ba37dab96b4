package io.trawl.workflows.etl;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a source declares it serves; the validation step checks the file against it. */
public enum EtlFormat {
  GZIP(true),
  ZIP(true),
  PDF(true),
  PNG(true),
  JPEG(true),
  PARQUET(true),
  CSV(false),
  JSON(false),
  NDJSON(false),
  XML(false),
  /** No format checks: only size, truncation and checksum. */
  ANY(false);

  private final boolean binary;

  EtlFormat(boolean binary) {
    this.binary = binary;
  }

  /** True for formats whose files are never text, so an HTML page is always an error page. */
  public boolean binary() {
    return binary;
  }

  /** The name trawl.yaml uses: {@code gzip}, {@code ndjson}, … */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<EtlFormat> fromConfigName(String name) {
    return Arrays.stream(values())
        .filter(format -> format.configName().equals(name.strip().toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  /**
   * From JSON: the enum's own name as histories carry it ({@code CSV}) or the trawl.yaml name a
   * person types into the Web UI ({@code csv}).
   */
  @JsonCreator
  static EtlFormat fromJson(String name) {
    if (name == null) {
      return null;
    }
    return fromConfigName(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "format must be one of " + names() + ", got \"" + name + "\""));
  }

  /** "gzip, zip, …, any", for error messages. */
  public static String names() {
    return Arrays.stream(values()).map(EtlFormat::configName).collect(Collectors.joining(", "));
  }
}
