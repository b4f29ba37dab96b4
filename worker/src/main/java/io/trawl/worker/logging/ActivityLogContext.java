package io.trawl.worker.logging;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import org.slf4j.MDC;

/**
 * Puts the workflow id, run id and activity type into the logging context (MDC) while an activity
 * runs, so every line an activity writes says which run it belongs to, in text and in JSON.
 *
 * <p>An activity runs on one thread from start to end, the thread the MDC is bound to; the keys are
 * removed afterwards because worker threads are reused.
 */
public final class ActivityLogContext extends WorkerInterceptorBase {
  public static final String WORKFLOW_ID = "workflow_id";
  public static final String RUN_ID = "run_id";
  public static final String ACTIVITY = "activity";

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityInfo info;

      @Override
      public void init(ActivityExecutionContext context) {
        info = context.getInfo();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        MDC.put(WORKFLOW_ID, info.getWorkflowId());
        MDC.put(RUN_ID, info.getRunId());
        MDC.put(ACTIVITY, info.getActivityType());
        try {
          return super.execute(input);
        } finally {
          MDC.remove(WORKFLOW_ID);
          MDC.remove(RUN_ID);
          MDC.remove(ACTIVITY);
        }
      }
    };
  }
}
