package io.trawl.worker.runtime;

import java.nio.file.Path;

/**
 * Child-JVM half of {@link DevServerTest}: starts a dev server for the home, CLI and ports given as
 * arguments, says {@code READY <server pid>} and waits to be SIGKILLed, leaving the server orphaned
 * as a killed {@code ./trawl dev} would.
 */
public final class AbandonedDevServerMain {
  static final String READY = "READY ";

  private AbandonedDevServerMain() {}

  public static void main(String[] args) throws Exception {
    DevServerOptions options =
        DevServerOptions.forHome(TrawlHome.at(Path.of(args[0])), Path.of(args[1]))
            .withPorts(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    DevServer server = DevServer.start(options);
    System.out.println(READY + server.pid());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
