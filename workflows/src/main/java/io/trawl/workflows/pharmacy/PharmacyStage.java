package io.trawl.workflows.pharmacy;

import java.util.Locale;

/** The four stages, in order, as the original named them. */
public enum PharmacyStage {
  COLLECTION,
  DEDUP,
  CLASSIFICATION,
  VERIFICATION;

  /** The stage's name in {@code pharmacy_stage.stage}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
