package org.egovmonitor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.egovmonitor.db.EmbeddedPostgresServer;
import org.egovmonitor.db.JdbiSetup;
import org.egovmonitor.db.SchemaMigrator;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real embedded PostgreSQL per test JVM (a start costs seconds; one per class would eat the suite's budget).
 * Each caller gets its own database, cloned from a template that already has every migration applied, so tests
 * are isolated without re-running migrations.
 */
public final class TestPostgres {

    private static final String TEMPLATE = "egov_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgresServer server;

    private TestPostgres() {
    }

    /** A fresh, fully migrated database. */
    public static TestDatabase newDatabase() {
        EmbeddedPostgresServer pg = server();
        String name = "test_" + COUNTER.incrementAndGet();
        execute(pg.jdbcUrl("postgres"), "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return new TestDatabase(name, pg.jdbcUrl(name), pg.user());
    }

    public static synchronized EmbeddedPostgresServer server() {
        if (server == null) {
            try {
                // A folder of its own inside the temp folder: the owner lock file sits beside it.
                Path dir = Files.createTempDirectory("egov-test-pg").resolve("data");
                server = EmbeddedPostgresServer.start(dir, 0, Duration.ofSeconds(60));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Test-only: the one shared server lives as long as the test JVM.
            Runtime.getRuntime().addShutdownHook(new Thread(server::closeQuietly, "test-postgres-stop"));
            execute(server.jdbcUrl("postgres"), "CREATE DATABASE " + TEMPLATE);
            SchemaMigrator.migrate(dataSource(server.jdbcUrl(TEMPLATE), server.user()));
        }
        return server;
    }

    static PGSimpleDataSource dataSource(String url, String user) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        return ds;
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url, server.user(), "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A database of the shared server. */
    public record TestDatabase(String name, String url, String user) {

        public Jdbi jdbi() {
            return JdbiSetup.configure(Jdbi.create(dataSource(url, user)));
        }

        /** The environment that points the application, run as its own process ({@link AppProcess}), here. */
        public java.util.Map<String, String> appEnv() {
            return java.util.Map.of("DATABASE_URL", url, "DATABASE_USER", user);
        }
    }
}
