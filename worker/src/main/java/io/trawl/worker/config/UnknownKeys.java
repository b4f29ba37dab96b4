package io.trawl.worker.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;

/**
 * The check every section of trawl.yaml makes: a key nobody reads is a typo, refused with the file,
 * the full key and the keys that would have been read, e.g. {@code trawl.yaml: unknown key
 * budgets.brightdata.daily (known: daily_usd, reserve_records, usd_per_1k_records)}.
 */
final class UnknownKeys {
  private UnknownKeys() {}

  /**
   * @param prefix the mapping's own key with its dot, e.g. {@code "jobs."}; empty at the top level
   */
  static void reject(String source, String prefix, JsonNode node, Set<String> known) {
    reject(source, prefix, node, known, "");
  }

  /** As {@link #reject(String, String, JsonNode, Set)}, with {@code where} after the key. */
  static void reject(
      String source, String prefix, JsonNode node, Set<String> known, String where) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        throw new ConfigException(
            source
                + ": unknown key "
                + prefix
                + name
                + where
                + " (known: "
                + String.join(", ", known.stream().sorted().toList())
                + ")");
      }
    }
  }
}
