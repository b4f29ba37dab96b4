package io.trawl.workflows.pharmacy;

/** What the {@code progress} query answers while a run works. */
public record PharmacyProgress(
    String stage,
    int searchesDone,
    int searchesTotal,
    int placesVerified,
    int placesToVerify,
    long elapsedSeconds) {}
