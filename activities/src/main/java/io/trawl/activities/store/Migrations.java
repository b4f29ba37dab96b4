package io.trawl.activities.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the schema up to date with the Flyway files in {@code db/migration}. */
public final class Migrations {
  private static final Logger log = LoggerFactory.getLogger(Migrations.class);
  static final String LOCATION = "classpath:db/migration";

  private Migrations() {}

  /** Applies pending migrations; safe to call from every worker at start-up (Flyway locks). */
  public static void migrate(DataSource dataSource) {
    MigrateResult result =
        Flyway.configure().dataSource(dataSource).locations(LOCATION).load().migrate();
    log.info(
        "schema migrated applied={} from={} to={}",
        result.migrationsExecuted,
        result.initialSchemaVersion,
        result.targetSchemaVersion);
  }
}
