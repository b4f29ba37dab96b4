package io.trawl.workflows.common;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * What a workflow asks its worker before it labels a run that was started without trawl's search
 * attributes (from the Web UI or {@code temporal workflow start}).
 */
@ActivityInterface
public interface RunAttributeActivities {
  /**
   * One visibility query, so seconds are plenty. A plain activity rather than a local one: a worker
   * without this implementation (a bare test worker, an older worker mid-deploy) fails it like any
   * activity and the run goes on unlabelled, where a local activity it lacks would fail every
   * workflow task. Two quick attempts ride out a blip without holding the run back.
   */
  ActivityOptions CHECK =
      ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofSeconds(10))
          .setRetryOptions(
              RetryOptions.newBuilder()
                  .setInitialInterval(Duration.ofSeconds(1))
                  .setMaximumAttempts(2)
                  .build())
          .build();

  /**
   * Whether the run's namespace has every one of {@link RunAttributes#NAMES} registered, so that
   * upserting them cannot fail the workflow task. A read, so retrying it changes nothing.
   *
   * @return false when the server refuses a query on them (not registered, or a server without
   *     visibility queries such as the in-memory test server)
   */
  @ActivityMethod
  boolean checkSearchAttributes();
}
