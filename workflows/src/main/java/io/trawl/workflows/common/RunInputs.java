package io.trawl.workflows.common;

import io.temporal.common.converter.DataConverterException;
import io.temporal.worker.WorkflowImplementationOptions;

/**
 * How a run treats an input a person typed: in the Web UI's "Start Workflow" form or {@code
 * temporal workflow start}, plain JSON that may lack a field or the whole input.
 */
public final class RunInputs {
  /**
   * Registration options of every workflow a person can start. An input the request record refuses
   * (a required field missing, an unknown field) fails the run with the record's reason, e.g.
   * "problem: query is missing"; by default the SDK would fail only the workflow task and retry it
   * forever, leaving a run that looks alive and never starts.
   */
  public static final WorkflowImplementationOptions STARTABLE =
      WorkflowImplementationOptions.newBuilder()
          .setFailWorkflowExceptionTypes(DataConverterException.class)
          .build();

  private RunInputs() {}

  /**
   * Returns {@code input}, or fails the run (non-retryable {@code InvalidInput}) when it was
   * started with no input at all.
   *
   * @param example the smallest input that works, for the message
   */
  public static <T> T require(T input, String example) {
    if (input == null) {
      throw Failures.invalidInput(
          "the run was started without input; give JSON such as " + example);
    }
    return input;
  }
}
