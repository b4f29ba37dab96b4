package io.trawl.worker;

/**
 * Task queue names given by people ({@code --task-queue}, trawl.yaml's {@code task_queue}): a run
 * started on a queue is only picked up by workers polling that same queue, so a separate pool of
 * workers (bigger disks, another region) serves exactly the runs sent to it.
 */
public final class TaskQueues {
  /** Temporal reserves names under this prefix for itself. */
  private static final String RESERVED_PREFIX = "/_sys/";

  private static final int MAX_LENGTH = 200;

  private TaskQueues() {}

  /** Returns {@code name} stripped, or throws {@link IllegalArgumentException} saying why not. */
  public static String check(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a task queue name is empty");
    }
    String stripped = name.strip();
    if (stripped.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      throw new IllegalArgumentException(
          "task queue \"" + stripped + "\" has spaces or control characters");
    }
    if (stripped.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "task queue name is " + stripped.length() + " characters; at most " + MAX_LENGTH);
    }
    if (stripped.startsWith(RESERVED_PREFIX)) {
      throw new IllegalArgumentException(
          "task queue \""
              + stripped
              + "\" starts with "
              + RESERVED_PREFIX
              + ", which Temporal reserves");
    }
    return stripped;
  }
}
