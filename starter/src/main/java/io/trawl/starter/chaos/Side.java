package io.trawl.starter.chaos;

import java.util.Locale;

/**
 * The two runs of every pipeline: an uninterrupted reference and the one whose worker is killed.
 */
enum Side {
  REFERENCE,
  CHAOS;

  /** The database and directory name of this side's run. */
  String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
