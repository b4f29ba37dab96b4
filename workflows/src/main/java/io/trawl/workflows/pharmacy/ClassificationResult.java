package io.trawl.workflows.pharmacy;

/** Stage 3's counts over the run's places. */
public record ClassificationResult(
    int chain,
    int independent,
    int hospital,
    int notPharmacy,
    int compounding,
    int veterinary,
    int llmCalls) {}
