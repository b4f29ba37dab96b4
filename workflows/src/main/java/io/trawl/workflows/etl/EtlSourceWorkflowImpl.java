package io.trawl.workflows.etl;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.common.RunAttributes;
import io.trawl.workflows.common.RunInputs;
import io.trawl.workflows.notify.NotificationKind;
import io.trawl.workflows.notify.Notifications;
import org.slf4j.Logger;

/** The original's {@code run_source} and its three gates, as a durable workflow. */
public class EtlSourceWorkflowImpl implements EtlSourceWorkflow {
  private static final Logger log = Workflow.getLogger(EtlSourceWorkflowImpl.class);

  private final EtlProbeActivities probes =
      Workflow.newActivityStub(EtlProbeActivities.class, EtlActivityOptions.PROBE);
  private final EtlManifestActivities scans =
      Workflow.newActivityStub(EtlManifestActivities.class, EtlActivityOptions.FILE_SCAN);
  private final EtlDownloadActivities downloads =
      Workflow.newActivityStub(EtlDownloadActivities.class, EtlActivityOptions.DOWNLOAD);
  private final EtlValidateActivities validation =
      Workflow.newActivityStub(EtlValidateActivities.class, EtlActivityOptions.FILE_SCAN);
  private final EtlManifestActivities bookkeeping =
      Workflow.newActivityStub(EtlManifestActivities.class, EtlActivityOptions.BOOKKEEPING);

  private String sourceId;
  private String step = "starting";
  private long expectedBytes = -1;
  private long startedAtMillis;
  private GateDecision decision;

  @Override
  public EtlSourceResult run(EtlSourceRequest input) {
    startedAtMillis = Workflow.currentTimeMillis();
    EtlSourceRequest request = RunInputs.require(input, EtlSourceRequest.EXAMPLE);
    EtlSource source = request.source();
    sourceId = source.id();
    // Labelled as a batch labels it, whoever started it (the Web UI, temporal workflow start).
    RunAttributes.upsertAtStart(request.searchAttributes(), request.summary());
    EtlSourceResult result;
    try {
      result = runSteps(request);
    } catch (ActivityFailure | ApplicationFailure | CanceledFailure e) {
      String error = Failures.describe(e);
      step = EtlOutcome.FAILED.label();
      log.warn("source={} outcome=failed error=\"{}\"", sourceId, error);
      EtlSourceResult failed =
          EtlSourceResult.failed(sourceId, workflowId(), decisionWord(), error, elapsed());
      // Detached, so the failure is recorded even when the workflow is being cancelled.
      Workflow.newDetachedCancellationScope(
              () -> {
                bookkeeping.recordOutcome(failed);
                RunAttributes.upsertStatus(EtlOutcome.FAILED.label());
                if (!Failures.isCancellation(e)) {
                  Notifications.emit(
                      Notifications.event(
                          NotificationKind.RUN_FAILED,
                          "etl",
                          "source " + sourceId,
                          error,
                          Notifications.details("source_id", sourceId)));
                }
              })
          .run();
      throw e;
    }
    step = result.outcome().label();
    bookkeeping.recordOutcome(result);
    RunAttributes.upsertStatus(result.outcome().label());
    log.info(
        "source={} outcome={} bytes={} reason=\"{}\"",
        sourceId,
        result.outcome().label(),
        result.bytes(),
        result.reason());
    return result;
  }

  @Override
  public EtlSourceProgress progress() {
    return new EtlSourceProgress(sourceId, step, expectedBytes);
  }

  private EtlSourceResult runSteps(EtlSourceRequest request) {
    EtlSource source = request.source();
    step = "probing";
    ProbeResult probe = probes.probe(source); // 1. HEAD (or a one-byte GET)
    expectedBytes = probe.contentLength();
    step = "inspecting";
    LocalState local = scans.inspectLocal(source, !request.forceRefresh()); // 2. manifest + file
    decision = FreshnessGate.decide(source, request.forceRefresh(), probe, local); // 3. pure gate
    log.info("source={} decision={} reason=\"{}\"", source.id(), decisionWord(), decision.reason());
    if (!decision.download()) {
      return finished(EtlOutcome.FRESH, decision.reason(), 0, local.path(), local.fileSha256());
    }
    if (probe.lengthKnown() && probe.contentLength() > source.maxBytes()) {
      throw Failures.sizeLimitExceeded(tooLarge(source, probe.contentLength()));
    }
    if (request.dryRun()) { // 4. dry-run gate: report, transfer nothing
      return finished(
          EtlOutcome.WOULD_DOWNLOAD,
          decision.reason(),
          Math.max(0, probe.contentLength()),
          null,
          null);
    }
    step = "downloading";
    DownloadRef download = downloads.download(source, probe, decision.ifNoneMatch()); // 5.
    if (download.notModified()) {
      return finished(
          EtlOutcome.FRESH,
          "server answered 304 Not Modified to If-None-Match " + decision.ifNoneMatch(),
          0,
          local.path(),
          local.fileSha256());
    }
    log.info(
        "source={} downloaded bytes={} resumed_from={} restarts={}",
        source.id(),
        download.bytes(),
        download.resumedFrom(),
        download.restarts());
    step = "validating";
    ValidationReport report;
    try {
      report = validation.validate(source, probe, download); // 6. magic, checksum, length…
    } catch (ActivityFailure e) {
      if (!(e.getCause() instanceof ApplicationFailure failure)
          || !Failures.VALIDATION_FAILED.equals(failure.getType())) {
        throw e;
      }
      return quarantine(source, download, failure);
    }
    step = "publishing";
    PublishedFile published = bookkeeping.publish(source, download, report); // 7. rename + record
    return finished(
        EtlOutcome.DOWNLOADED,
        decision.reason(),
        published.bytes(),
        published.path(),
        published.sha256());
  }

  /** Validation failed: the file goes aside, the previous good file and record stay. */
  private EtlSourceResult quarantine(
      EtlSource source, DownloadRef download, ApplicationFailure failure) {
    step = "quarantining";
    String check =
        failure.getDetails().getSize() > 0 ? failure.getDetails().get(0, String.class) : "unknown";
    String reason = failure.getOriginalMessage();
    // INFO: the quarantine activity logs the one WARN line of this outcome.
    log.info("source={} validation failed check={} reason=\"{}\"", source.id(), check, reason);
    QuarantineRef quarantined =
        bookkeeping.quarantine(source, download, check, reason, Workflow.currentTimeMillis());
    Notifications.emit(
        Notifications.event(
            NotificationKind.FILE_QUARANTINED,
            "etl",
            "source " + source.id(),
            check + ": " + reason,
            Notifications.details(
                "source_id", source.id(),
                "check", check,
                "quarantine_path", quarantined.directory())));
    return new EtlSourceResult(
        source.id(),
        workflowId(),
        EtlOutcome.QUARANTINED,
        decisionWord(),
        decision.reason(),
        download.bytes(),
        elapsed(),
        quarantined.directory(),
        download.sha256(),
        check + ": " + reason);
  }

  private EtlSourceResult finished(
      EtlOutcome outcome, String reason, long bytes, String path, String sha256) {
    return new EtlSourceResult(
        sourceId,
        workflowId(),
        outcome,
        decisionWord(),
        reason,
        bytes,
        elapsed(),
        path,
        sha256,
        null);
  }

  private static String tooLarge(EtlSource source, long length) {
    return "etl source \""
        + source.id()
        + "\": Content-Length "
        + length
        + " exceeds max_bytes "
        + source.maxBytes();
  }

  private String decisionWord() {
    return decision == null ? null : decision.download() ? "download" : "skip";
  }

  private long elapsed() {
    return Workflow.currentTimeMillis() - startedAtMillis;
  }

  private static String workflowId() {
    return Workflow.getInfo().getWorkflowId();
  }
}
