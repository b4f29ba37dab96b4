package io.trawl.starter.chaos;

/**
 * One figure read after a run, compared between the reference run and the crashed one.
 *
 * @param name what it counts, e.g. "rows jobs"
 * @param kind how a difference reads in the last line (lost rows, duplicates, double charges)
 * @param value the figure
 * @param expected what it must be in the crashed run whatever the reference says, or null
 * @param compared whether it must equal the reference's figure (false for what the reference cannot
 *     show, such as the temporary files of a worker that ran in a shared directory)
 */
record Measure(String name, Kind kind, long value, Long expected, boolean compared) {
  /** How a difference in a measure is counted. */
  enum Kind {
    /** Stored rows: fewer is lost data, more is duplicated data. */
    ROWS,
    /** Rows sharing a natural key. */
    DUPLICATES,
    /** Paid provider calls: more is a double charge. */
    PAID,
    /** The cost ledger: differing from what the provider billed is a double (or lost) charge. */
    LEDGER,
    /**
     * Paid calls whose request was in flight when their worker was killed (the ledger booked them
     * as spent): the provider may have billed them and the retry made them again. Counted apart
     * from double charges: no bookkeeping can save a call whose answer died with the process.
     */
    IN_FLIGHT,
    /** Left behind after the run: staging rows, open ledger holds, partial files. */
    LEFTOVER,
    /** Anything else that must match. */
    OTHER
  }

  static Measure same(String name, Kind kind, long value) {
    return new Measure(name, kind, value, null, true);
  }

  static Measure exactly(String name, Kind kind, long value, long expected) {
    return new Measure(name, kind, value, expected, true);
  }

  /** The crash-side difference this measure shows against {@code reference}, or null when none. */
  String difference(Measure reference) {
    if (expected != null && value != expected) {
      return name + " is " + value + ", expected " + expected;
    }
    if (compared && reference != null && value != reference.value()) {
      return name + " is " + value + ", the uninterrupted run has " + reference.value();
    }
    return null;
  }
}
