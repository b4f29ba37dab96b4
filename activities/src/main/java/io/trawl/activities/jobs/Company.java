package io.trawl.activities.jobs;

/**
 * The company a posting names, normalized.
 *
 * @param key the canonical name key (see {@link CompanyNames#key}); unique in {@code companies}
 * @param name the display name: whitespace collapsed, legal suffix removed
 * @param linkedinId LinkedIn's company id, when given
 * @param url the company's LinkedIn page, when given
 */
public record Company(String key, String name, String linkedinId, String url) {
  public Company {
    if (key == null || key.isEmpty() || name == null || name.isEmpty()) {
      throw new IllegalArgumentException("company key and name are required, got " + key);
    }
  }
}
