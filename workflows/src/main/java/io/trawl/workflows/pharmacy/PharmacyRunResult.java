package io.trawl.workflows.pharmacy;

import java.math.BigDecimal;

/** A pharmacy run's summary, as the run row holds it. */
public record PharmacyRunResult(
    long runId,
    String workflowId,
    String status,
    String provider,
    int collected,
    int unique,
    int chain,
    int independent,
    int hospital,
    int compounding,
    int veterinary,
    int notPharmacy,
    int verified,
    int unverified,
    int closed,
    int cacheHits,
    BigDecimal costUsd,
    double durationSeconds,
    boolean resumed) {}
