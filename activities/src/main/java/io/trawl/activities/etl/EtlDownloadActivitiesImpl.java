package io.trawl.activities.etl;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.etl.DownloadCheckpoint;
import io.trawl.workflows.etl.DownloadRef;
import io.trawl.workflows.etl.EtlDownloadActivities;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.ProbeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Step 5 of a source run: the resumable, hashing download into a staged file. */
public final class EtlDownloadActivitiesImpl implements EtlDownloadActivities {
  private static final Logger log = LoggerFactory.getLogger(EtlDownloadActivitiesImpl.class);

  private final ResumableDownload downloader;
  private final SourceUrls urls;
  private final RequestHeaders headers;
  private final DataDirectory data;

  public EtlDownloadActivitiesImpl(
      ResumableDownload downloader, SourceUrls urls, RequestHeaders headers, DataDirectory data) {
    this.downloader = downloader;
    this.urls = urls;
    this.headers = headers;
    this.data = data;
  }

  @Override
  public DownloadRef download(EtlSource source, ProbeResult probe, String ifNoneMatch) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    Path target = data.target(source);
    Path part = DataDirectory.partFile(target);
    Path staged = DataDirectory.stagedFile(target);
    // The last checkpoint any earlier attempt reported, on whichever worker it ran: the resume
    // point only when this machine has no partial file of its own (ResumableDownload).
    DownloadCheckpoint checkpoint =
        context.getHeartbeatDetails(DownloadCheckpoint.class).orElse(null);
    ResumableDownload.Spec spec =
        new ResumableDownload.Spec(
            source.id(),
            urls.resolve(source),
            headers.of(source),
            part,
            source.maxBytes(),
            ifNoneMatch);
    log.info(
        "download starting source={} attempt={} heartbeat_offset={}",
        source.id(),
        context.getInfo().getAttempt(),
        checkpoint == null ? 0 : checkpoint.offset());
    try {
      ResumableDownload.Result result = downloader.run(spec, checkpoint, context::heartbeat);
      if (result.notModified()) {
        Files.deleteIfExists(part);
        log.info("download not modified source={} etag={}", source.id(), ifNoneMatch);
        return DownloadRef.notModified(ifNoneMatch);
      }
      FileMoves.atomicMove(part, staged);
      log.info(
          "download finished source={} bytes={} sha256={} resumed_from={} restarts={}",
          source.id(),
          result.bytes(),
          result.sha256(),
          result.resumedFrom(),
          result.restarts());
      return new DownloadRef(
          false,
          staged.toString(),
          result.bytes(),
          result.sha256(),
          result.etag(),
          result.lastModified(),
          result.contentType(),
          result.declaredLength(),
          result.resumedFrom(),
          result.restarts());
    } catch (IOException e) {
      throw Failures.unavailable(
          "download of etl source \"" + source.id() + "\" failed: " + e.getMessage(), null);
    }
  }
}
