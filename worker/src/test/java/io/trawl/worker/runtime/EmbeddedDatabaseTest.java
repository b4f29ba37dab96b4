package io.trawl.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {
  @TempDir Path tempDir;

  @Test
  void keepsCommittedRowsAcrossCloseAndReopen() throws Exception {
    TrawlHome home = TrawlHome.at(tempDir);
    try (EmbeddedDatabase db = EmbeddedDatabase.start(home)) {
      execute(db, "CREATE TABLE kept (id int PRIMARY KEY)", "INSERT INTO kept VALUES (42)");
    }
    try (EmbeddedDatabase db = EmbeddedDatabase.start(home)) {
      assertThat(queryString(db, "SELECT id::text FROM kept")).isEqualTo("42");
      assertThat(db.dataDirectory()).isEqualTo(home.postgresData());
      assertThat(db.jdbcUrl()).startsWith("jdbc:postgresql://localhost:" + db.port() + "/");
    }
  }

  @Test
  void runsWithFsyncAndSynchronousCommitOn() throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(TrawlHome.at(tempDir))) {
      assertThat(queryString(db, "SHOW fsync")).isEqualTo("on");
      assertThat(queryString(db, "SHOW synchronous_commit")).isEqualTo("on");
    }
  }

  @Test
  void startsOverStalePidFileOfDeadProcess() throws Exception {
    TrawlHome home = TrawlHome.at(tempDir);
    EmbeddedDatabase.start(home).close();
    Path pidFile = home.postgresData().resolve(LeftoverPostmaster.PID_FILE);
    long deadPid = deadPid();
    Files.writeString(
        pidFile, deadPid + "\n" + home.postgresData() + "\n1700000000\n5432\n/tmp\nlocalhost\n");

    try (EmbeddedDatabase db = EmbeddedDatabase.start(home)) {
      assertThat(queryString(db, "SELECT 'up'")).isEqualTo("up");
      assertThat(LeftoverPostmaster.PidFile.read(pidFile).orElseThrow().pid())
          .isNotEqualTo(deadPid);
    }
  }

  @Test
  void stopsPostgresLeftRunningByKilledJvmAndKeepsItsCommittedRows() throws Exception {
    TrawlHome home = TrawlHome.at(tempDir);
    Process child = startAbandoningChild(home);
    try {
      awaitReady(child);
      assertThatThrownBy(() -> EmbeddedDatabase.start(home))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another running trawl process");

      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      Path pidFile = home.postgresData().resolve(LeftoverPostmaster.PID_FILE);
      long leftoverPid = LeftoverPostmaster.PidFile.read(pidFile).orElseThrow().pid();
      assertThat(OsProcesses.live(leftoverPid)).isPresent();

      try (EmbeddedDatabase db = EmbeddedDatabase.start(home)) {
        assertThat(OsProcesses.live(leftoverPid)).isEmpty();
        assertThat(LeftoverPostmaster.PidFile.read(pidFile).orElseThrow().pid())
            .isNotEqualTo(leftoverPid);
        assertThat(queryString(db, "SELECT name FROM survivors"))
            .isEqualTo("committed before SIGKILL");
        assertThat(queryString(db, "SHOW fsync")).isEqualTo("on");
      }
    } finally {
      child.destroyForcibly();
    }
  }

  @Test
  void refusesDataDirectoryAlreadyOpenInThisProcess() {
    TrawlHome home = TrawlHome.at(tempDir);
    try (EmbeddedDatabase db = EmbeddedDatabase.start(home)) {
      assertThatThrownBy(() -> EmbeddedDatabase.start(home))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already open in this process");
    }
  }

  private static Process startAbandoningChild(TrawlHome home) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            List.of(
                java.toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                AbandonedDatabaseMain.class.getName(),
                home.root().toString()))
        .redirectErrorStream(true)
        .start();
  }

  private static void awaitReady(Process child) throws Exception {
    var reader =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    String line;
    while (System.nanoTime() < deadline && (line = reader.readLine()) != null) {
      if (line.startsWith(AbandonedDatabaseMain.READY)) {
        // Keep draining so the child never blocks on a full pipe.
        Thread.ofVirtual().start(() -> reader.lines().forEach(l -> {}));
        return;
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("child JVM never opened its database; its output:\n" + seen);
  }

  private static long deadPid() throws Exception {
    Process exited = new ProcessBuilder("true").start();
    exited.waitFor();
    return exited.pid();
  }

  private static void execute(EmbeddedDatabase db, String... statements) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static String queryString(EmbeddedDatabase db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as("a row from %s", sql).isTrue();
      return rs.getString(1);
    }
  }
}
