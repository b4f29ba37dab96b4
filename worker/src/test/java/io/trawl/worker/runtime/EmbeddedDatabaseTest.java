package io.trawl.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
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
    try (ChildJvm child = ChildJvm.start(AbandonedDatabaseMain.class, home.root().toString())) {
      child.awaitLine(AbandonedDatabaseMain.READY, Duration.ofSeconds(60));
      assertThatThrownBy(() -> EmbeddedDatabase.start(home))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another running trawl process");

      child.kill();
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

  @Test
  void refusesAFixedPortThatIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));

      assertThatThrownBy(() -> EmbeddedDatabase.start(TrawlHome.at(tempDir), taken.getLocalPort()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("port " + taken.getLocalPort() + " on localhost is already in use");
    }
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
