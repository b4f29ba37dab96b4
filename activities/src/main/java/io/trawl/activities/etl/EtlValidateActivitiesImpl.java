package io.trawl.activities.etl;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.trawl.workflows.common.Failures;
import io.trawl.workflows.etl.DownloadRef;
import io.trawl.workflows.etl.EtlSource;
import io.trawl.workflows.etl.EtlValidateActivities;
import io.trawl.workflows.etl.ProbeResult;
import io.trawl.workflows.etl.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Step 6 of a source run: the validation gate over the staged file. */
public final class EtlValidateActivitiesImpl implements EtlValidateActivities {
  private static final Logger log = LoggerFactory.getLogger(EtlValidateActivitiesImpl.class);

  private final FileValidator validator;
  private final DataDirectory data;
  private final Clock clock;

  public EtlValidateActivitiesImpl(FileValidator validator, DataDirectory data, Clock clock) {
    this.validator = validator;
    this.data = data;
    this.clock = clock;
  }

  @Override
  public ValidationReport validate(EtlSource source, ProbeResult probe, DownloadRef download) {
    Path staged = DataDirectory.stagedFile(data.existingTarget(source));
    if (!staged.toString().equals(download.stagedPath())) {
      throw Failures.invalidInput(
          "etl source \""
              + source.id()
              + "\": staged file "
              + download.stagedPath()
              + " is not where this worker keeps it ("
              + staged
              + ")");
    }
    ActivityExecutionContext context = Activity.getExecutionContext();
    try {
      List<String> checks =
          validator.validate(source, probe, download, staged, () -> context.heartbeat(null));
      log.info("validated source={} checks={}", source.id(), checks);
      return new ValidationReport(checks, clock.instant());
    } catch (FileValidator.Failure e) {
      // INFO: the quarantine that follows is the one WARN line of this outcome.
      log.info(
          "validation failed source={} check={} reason=\"{}\"",
          source.id(),
          e.check(),
          e.getMessage());
      throw Failures.validationFailed(e.getMessage(), e.check());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + staged, e);
    }
  }
}
