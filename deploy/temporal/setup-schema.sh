#!/bin/sh
# The compose stack's Temporal schema job (runs in temporalio/admin-tools, see docker-compose.yml).
# temporal-sql-tool takes its connection from SQL_PLUGIN, SQL_HOST, SQL_PORT, SQL_USER and
# SQL_PASSWORD. For each store: create the database (nothing when it exists), put the versioning
# tables in place (nothing when they exist), then apply the versioned schema scripts this
# admin-tools release ships that the database has not seen yet.
set -eu

: "${SQL_HOST:?SQL_HOST is not set}"
: "${SQL_USER:?SQL_USER is not set}"
SCHEMA_ROOT=/etc/temporal/schema/postgresql/v12

setup_store() {
  database=$1
  schema_dir=$2
  echo "temporal-schema: database ${database} on ${SQL_HOST}, schema ${schema_dir}"
  temporal-sql-tool --db "${database}" create-database
  temporal-sql-tool --db "${database}" setup-schema -v 0.0
  temporal-sql-tool --db "${database}" update-schema -d "${schema_dir}"
}

setup_store "${DBNAME:-temporal}" "${SCHEMA_ROOT}/temporal/versioned"
setup_store "${VISIBILITY_DBNAME:-temporal_visibility}" "${SCHEMA_ROOT}/visibility/versioned"
echo "temporal-schema: both stores are up to date"
