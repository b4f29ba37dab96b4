package io.trawl.starter.cache;

import io.trawl.activities.cache.ApiCacheRepository;
import io.trawl.starter.CommonOptions;
import io.trawl.starter.ExitCodes;
import io.trawl.starter.Runtimes;
import io.trawl.starter.UsageException;
import io.trawl.worker.TrawlRuntime;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code trawl cache clear}: delete entries by key prefix, or the expired ones. */
@Command(
    name = "clear",
    mixinStandardHelpOptions = true,
    header = "Delete cache entries under a key prefix, or every expired entry.",
    description = {
      "The next collection of a cleared search calls its provider again (and pays).",
      "",
      "Example: trawl cache clear --prefix pharmacy_san_francisco",
      "         trawl cache clear --expired"
    })
public final class CacheClearCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--prefix", paramLabel = "P", description = "Keys starting with P ('' = all).")
  String prefix;

  @Option(names = "--expired", description = "Only entries past their expiry.")
  boolean expired;

  @Override
  public Integer call() {
    if ((prefix == null) == !expired) {
      throw new UsageException(
          "give exactly one of --prefix P or --expired (--prefix '' clears all)");
    }
    try (TrawlRuntime runtime =
        Runtimes.open(Runtimes.Needs.DATABASE, spec.commandLine().getErr())) {
      ApiCacheRepository cache = new ApiCacheRepository(runtime.dataSource());
      int deleted = expired ? cache.clearExpired(Instant.now()) : cache.clear(prefix);
      spec.commandLine()
          .getOut()
          .println("Deleted " + deleted + " cache " + (deleted == 1 ? "entry" : "entries") + ".");
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
  }
}
