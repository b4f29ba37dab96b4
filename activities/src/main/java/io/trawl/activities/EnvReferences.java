package io.trawl.activities;

import java.util.regex.Pattern;

/**
 * {@code ${env:NAME}} in trawl.yaml: a value the worker reads from its own environment when it uses
 * it, so tokens and secret URLs stay out of trawl.yaml, workflow inputs and histories. ETL request
 * headers and webhook URLs both take it.
 */
public final class EnvReferences {
  /** One reference; group 1 is the variable's name. */
  public static final Pattern PATTERN = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");

  private EnvReferences() {}
}
