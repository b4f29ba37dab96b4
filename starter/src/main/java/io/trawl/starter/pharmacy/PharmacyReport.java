package io.trawl.starter.pharmacy;

import io.trawl.activities.spend.BudgetStatus;
import io.trawl.workflows.pharmacy.PharmacyRunResult;
import java.io.PrintWriter;
import java.util.Locale;

/** The stage summary of a pharmacy run, as people read it. */
final class PharmacyReport {
  private PharmacyReport() {}

  static void print(PrintWriter out, PharmacyRunResult r) {
    out.println("Pharmacy run " + r.status() + (r.resumed() ? " (resumed)" : ""));
    out.printf(
        Locale.ROOT, "  Collected: %d (%d searches from cache)%n", r.collected(), r.cacheHits());
    out.printf(Locale.ROOT, "  Unique: %d%n", r.unique());
    out.printf(
        Locale.ROOT,
        "  Chain: %d  Independent: %d  Hospital: %d  Not a pharmacy: %d%n",
        r.chain(),
        r.independent(),
        r.hospital(),
        r.notPharmacy());
    out.printf(Locale.ROOT, "  Compounding: %d  Veterinary: %d%n", r.compounding(), r.veterinary());
    out.printf(
        Locale.ROOT,
        "  Verified: %d  Unverified: %d  Closed: %d%n",
        r.verified(),
        r.unverified(),
        r.closed());
    out.printf(
        Locale.ROOT,
        "  Cost: %s  Duration: %.1fs%n",
        BudgetStatus.usd(r.costUsd()),
        r.durationSeconds());
    out.println("  Provider: " + r.provider() + "  Run id: " + r.runId());
    if (r.status().equals("partial")) {
      out.println(
          "  The budget ran out during verification: run the same search again to verify the"
              + " remaining "
              + r.unverified()
              + ".");
    }
  }
}
