package io.trawl.starter;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest, or "dev" when run from classes. */
public final class TrawlVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = TrawlVersion.class.getPackage().getImplementationVersion();
    return new String[] {"trawl " + (version == null ? "dev" : version)};
  }
}
