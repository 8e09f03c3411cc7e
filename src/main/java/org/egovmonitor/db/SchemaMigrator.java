package org.egovmonitor.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the numbered SQL migrations in src/main/resources/db/migration (Quartz's tables included). */
public final class SchemaMigrator {

    private SchemaMigrator() {
    }

    public static MigrateResult migrate(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // Two nodes starting together must not both migrate: Flyway serialises on an advisory lock.
                .lockRetryCount(120)
                .load()
                .migrate();
    }
}
