package io.trawl.starter.cache;

import io.trawl.activities.cache.ApiCacheRepository;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Json;
import io.trawl.starter.Runtimes;
import io.trawl.worker.TrawlRuntime;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl cache list}: every cache entry, its age and whether it is still fresh. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    header = "List cache entries with their provider, size, and expiry.",
    description = {"Example: trawl cache list --prefix pharmacy_"})
public final class CacheListCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--prefix", paramLabel = "P", description = "Only keys starting with P.")
  String prefix;

  @Option(names = "--json", description = "Print the entries as JSON.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (TrawlRuntime runtime =
        Runtimes.open(Runtimes.Needs.DATABASE, spec.commandLine().getErr())) {
      List<ApiCacheRepository.CacheEntry> entries =
          new ApiCacheRepository(runtime.dataSource()).list(prefix);
      if (json) {
        out.println(Json.write(entries));
      } else if (entries.isEmpty()) {
        out.println("The cache is empty" + (prefix == null ? "." : " under \"" + prefix + "\"."));
      } else {
        Instant now = Instant.now();
        String format = "%-44s %-10s %6s %9s %-20s %s%n";
        out.printf(format, "KEY", "PROVIDER", "ITEMS", "BYTES", "EXPIRES", "STATE");
        for (ApiCacheRepository.CacheEntry e : entries) {
          boolean fresh = e.expiresAt() == null || e.expiresAt().isAfter(now);
          out.printf(
              format,
              e.key(),
              e.provider(),
              e.items() == null ? "-" : e.items(),
              e.bytes(),
              e.expiresAt() == null ? "never" : e.expiresAt().toString().substring(0, 19),
              fresh ? "fresh" : "expired");
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }
}
