package io.trawl.workflows.etl;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One configured ETL source: where it lives, what it must be, and where it goes.
 *
 * <p>Header values are passed as written in trawl.yaml; a value {@code ${env:NAME}} is resolved by
 * the worker from its own environment, so a token never enters a workflow history.
 *
 * @param id stable name, e.g. "cbs-population"; keys the manifest and the workflow id
 * @param url http(s) URL, or {@code sandbox://files/<name>} for the local sandbox file server
 * @param format what the file must be
 * @param sha256 expected SHA-256 (64 hex digits), or null
 * @param maxBytes refuse files larger than this
 * @param target path relative to the worker's data directory
 * @param headers extra request headers
 */
public record EtlSource(
    String id,
    String url,
    EtlFormat format,
    String sha256,
    long maxBytes,
    String target,
    Map<String, String> headers) {

  /** 10 GiB: big enough for any public dataset file, small enough to stop a runaway stream. */
  public static final long DEFAULT_MAX_BYTES = 10L << 30;

  /** Ids are used in workflow ids and directory names, so they stay plain. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public EtlSource {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "source id must be letters, digits, '.', '_' or '-' (at most 100), got \"" + id + "\"");
    }
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("source " + id + ": url is empty");
    }
    if (format == null) {
      throw new IllegalArgumentException("source " + id + ": format is missing");
    }
    if (sha256 != null) {
      sha256 = sha256.strip().toLowerCase(java.util.Locale.ROOT);
      if (!SHA256.matcher(sha256).matches()) {
        throw new IllegalArgumentException(
            "source " + id + ": sha256 must be 64 hex digits, got \"" + sha256 + "\"");
      }
    }
    if (maxBytes <= 0) {
      throw new IllegalArgumentException(
          "source " + id + ": max_bytes must be positive, got " + maxBytes);
    }
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("source " + id + ": target is empty");
    }
    headers = headers == null ? Map.of() : Map.copyOf(new TreeMap<>(headers));
  }

  /**
   * From JSON (a workflow input typed into the Web UI): {@code sha256}, {@code maxBytes} and {@code
   * headers} may be left out; a missing {@code maxBytes} is {@link #DEFAULT_MAX_BYTES} rather than
   * the 0 a missing {@code long} would read as.
   */
  @JsonCreator
  static EtlSource fromJson(
      @JsonProperty("id") String id,
      @JsonProperty("url") String url,
      @JsonProperty("format") EtlFormat format,
      @JsonProperty("sha256") String sha256,
      @JsonProperty("maxBytes") Long maxBytes,
      @JsonProperty("target") String target,
      @JsonProperty("headers") Map<String, String> headers) {
    return new EtlSource(
        id, url, format, sha256, maxBytes == null ? DEFAULT_MAX_BYTES : maxBytes, target, headers);
  }

  /**
   * The workflow id of this source's runs. One id per source means Temporal itself refuses a second
   * concurrent run, so two downloads never write the same target.
   */
  public String workflowId() {
    return "etl-source/" + id;
  }
}
