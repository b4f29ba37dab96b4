package io.trawl.activities.etl;

import io.trawl.workflows.etl.EtlProbeActivities;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.ProbeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Step 1 of a source run over HTTP. */
public final class EtlProbeActivitiesImpl implements EtlProbeActivities {
  private static final Logger log = LoggerFactory.getLogger(EtlProbeActivitiesImpl.class);

  private final SourceProber prober;

  public EtlProbeActivitiesImpl(SourceProber prober) {
    this.prober = prober;
  }

  @Override
  public ProbeResult probe(EtlSource source) {
    ProbeResult probe = prober.probe(source);
    log.info(
        "probed source={} status={} etag={} last_modified=\"{}\" length={} head_refused={}"
            + " redirects={}",
        source.id(),
        probe.status(),
        probe.etag(),
        probe.lastModified(),
        probe.contentLength(),
        probe.headRefused(),
        probe.redirects());
    return probe;
  }
}
