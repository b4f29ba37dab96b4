package io.trawl.activities.etl;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.trawl.activities.etl.store.EtlManifestRepository;
import io.trawl.activities.etl.store.EtlQuarantineRepository;
import io.trawl.activities.etl.store.EtlQuarantineRow;
import io.trawl.activities.etl.store.EtlRunRepository;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.etl.DownloadRef;
import io.trawl.workflows.etl.EtlManifestActivities;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlSourceResult;
import io.trawl.workflows.etl.LocalState;
import io.trawl.workflows.etl.ManifestRecord;
import io.trawl.workflows.etl.PublishedFile;
import io.trawl.workflows.etl.QuarantineRef;
import io.trawl.workflows.etl.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Steps 2 and 7 of a source run, and its quarantine and run records. */
public final class EtlManifestActivitiesImpl implements EtlManifestActivities {
  private static final Logger log = LoggerFactory.getLogger(EtlManifestActivitiesImpl.class);

  private final DataDirectory data;
  private final EtlManifestRepository manifest;
  private final EtlQuarantineRepository quarantine;
  private final EtlRunRepository runs;
  private final QuarantineMover mover;

  public EtlManifestActivitiesImpl(
      DataDirectory data,
      EtlManifestRepository manifest,
      EtlQuarantineRepository quarantine,
      EtlRunRepository runs) {
    this.data = data;
    this.manifest = manifest;
    this.quarantine = quarantine;
    this.runs = runs;
    this.mover = new QuarantineMover(data);
  }

  @Override
  public LocalState inspectLocal(EtlSource source, boolean hash) {
    Path target = data.existingTarget(source);
    ManifestRecord record = manifest.find(source.id()).orElse(null);
    boolean exists = Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS);
    try {
      long size = exists ? Files.size(target) : -1;
      String sha256 = null;
      if (hash && exists && record != null && size == record.size()) {
        sha256 = Sha256Files.of(target, () -> Activity.getExecutionContext().heartbeat(null));
      }
      return new LocalState(record, target.toString(), exists, size, sha256);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + target, e);
    }
  }

  @Override
  public PublishedFile publish(EtlSource source, DownloadRef download, ValidationReport report) {
    Path target = data.target(source);
    Path staged = DataDirectory.stagedFile(target);
    try {
      if (Files.exists(staged)) {
        FileMoves.atomicMove(staged, target);
      } else if (!(Files.isRegularFile(target) && Files.size(target) == download.bytes())) {
        throw Failures.notFound(
            "etl source \"" + source.id() + "\": the validated file " + staged + " is gone");
      }
      // The file's own mtime is when the download finished, and a retry reads the same value.
      Instant downloadedAt = Files.getLastModifiedTime(target).toInstant();
      ManifestRecord record =
          new ManifestRecord(
              source.id(),
              source.url(),
              download.etag(),
              download.lastModified(),
              download.bytes(),
              download.sha256(),
              target.toString(),
              downloadedAt,
              report.validatedAt());
      ActivityInfo info = Activity.getExecutionContext().getInfo();
      manifest.upsert(
          record,
          source.format().configName(),
          download.contentType(),
          info.getWorkflowId(),
          info.getRunId());
      log.info(
          "published source={} path={} bytes={} sha256={}",
          source.id(),
          target,
          download.bytes(),
          download.sha256());
      return new PublishedFile(
          target.toString(),
          download.bytes(),
          download.sha256(),
          downloadedAt,
          report.validatedAt());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish " + staged + " to " + target, e);
    }
  }

  @Override
  public QuarantineRef quarantine(
      EtlSource source,
      DownloadRef download,
      String check,
      String reason,
      long quarantinedAtMillis) {
    Path target = data.target(source);
    Instant at = Instant.ofEpochMilli(quarantinedAtMillis);
    Path destination = mover.destination(source, target, at);
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    ObjectNode facts = JsonNodeFactory.instance.objectNode();
    facts.put("check", check);
    facts.put("reason", reason);
    facts.put("quarantined_at", at.toString());
    facts.put("workflow_id", info.getWorkflowId());
    facts.put("run_id", info.getRunId());
    try {
      mover.move(DataDirectory.stagedFile(target), destination, source, download, facts);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot quarantine " + source.id(), e);
    }
    long id =
        quarantine.insertOnce(
            new EtlQuarantineRow(
                0,
                source.id(),
                source.url(),
                destination.getParent().toString(),
                destination.getFileName().toString(),
                check,
                reason,
                download.bytes(),
                download.sha256(),
                download.etag(),
                at,
                info.getWorkflowId()),
            info.getRunId());
    log.warn(
        "quarantined source={} check={} directory={} reason=\"{}\"",
        source.id(),
        check,
        destination.getParent(),
        reason);
    return new QuarantineRef(id, destination.getParent().toString(), check, reason);
  }

  @Override
  public void recordOutcome(EtlSourceResult result) {
    runs.record(Activity.getExecutionContext().getInfo().getRunId(), result);
  }
}
