package io.trawl.worker.runtime;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/**
 * Child-JVM half of {@link EmbeddedDatabaseTest}: opens the embedded database of the home given as
 * the first argument, commits one row, says {@code READY <port>} and waits to be SIGKILLed, so the
 * test meets the real leftover of a killed JVM rather than a simulation of it.
 */
public final class AbandonedDatabaseMain {
  static final String READY = "READY ";

  private AbandonedDatabaseMain() {}

  public static void main(String[] args) throws Exception {
    EmbeddedDatabase database = EmbeddedDatabase.start(TrawlHome.at(Path.of(args[0])));
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS survivors (name text PRIMARY KEY)");
      s.execute("INSERT INTO survivors VALUES ('committed before SIGKILL')");
    }
    System.out.println(READY + database.port());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
