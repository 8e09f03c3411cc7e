package org.egovmonitor.db;

import io.dropwizard.db.DataSourceFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Makes the configured database reachable: with an external URL nothing is started; with none, the embedded server
 * is started on the configured data folder and the data source is pointed at it. Shared by the server and the
 * commands that talk to the database (db migrate, import-registry, export-registry, crawl-now).
 */
public final class DatabaseSupport {

    private DatabaseSupport() {
    }

    /**
     * Returns the embedded server this process started or uses (see {@link EmbeddedPostgresServer#start}), or null
     * when an external database is configured.
     *
     * @param role a service owns its folder for its whole life; a command may use a running service's server
     */
    public static EmbeddedPostgresServer startIfEmbedded(boolean useEmbedded, EmbeddedDatabaseFactory embedded,
                                                         DataSourceFactory ds, DataFolderOwner.Role role) {
        if (!useEmbedded) {
            return null;
        }
        try {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(Path.of(embedded.getDataDir()),
                    embedded.getPort(), Duration.ofSeconds(embedded.getStartupTimeoutSeconds()), role);
            ds.setUrl(server.jdbcUrl("postgres"));
            ds.setUser(server.user());
            ds.setPassword("");
            return server;
        } catch (DataFolderBusyException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + embedded.getDataDir()
                    + ": " + e.getMessage(), e);
        }
    }
}
