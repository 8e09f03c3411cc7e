package org.egovmonitor.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from Maven-supplied binaries, keeping its cluster in a data folder that survives
 * restarts.
 *
 * <p>The server is started by {@code pg_ctl}, so it is a separate process: if the JVM is killed, the postmaster
 * lives on and keeps the data folder locked. The next start therefore looks at {@code postmaster.pid} first and
 * stops such an orphan (fast shutdown, then kill) before starting a fresh server on the same folder.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /** Starts (initialising the cluster on first use) on the given folder; port 0 picks a free port. */
    public static EmbeddedPostgresServer start(Path dataDir, int port, Duration startupWait) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        stopOrphanedServer(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // Closed from a Dropwizard Managed after the scheduler and the pool, never from a JVM hook.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(startupWait)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        LOG.info("Starting embedded PostgreSQL in {}", dir);
        EmbeddedPostgres pg = builder.start();
        LOG.info("Embedded PostgreSQL listening on 127.0.0.1:{}", pg.getPort());
        return new EmbeddedPostgresServer(pg, dir);
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(SUPERUSER, database);
    }

    public String user() {
        return SUPERUSER;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Stops the server; safe to call more than once (normal stop and failure paths both call it). */
    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            LOG.info("Stopping embedded PostgreSQL");
            postgres.close();
        }
    }

    /**
     * Ties the server to the web server's lifecycle: stopped after everything else when the server stops, and also
     * when the server fails before starting its managed objects (a port already in use), which would otherwise
     * leave an orphaned postmaster behind.
     */
    public void bindTo(io.dropwizard.lifecycle.setup.LifecycleEnvironment lifecycle) {
        lifecycle.manage(new io.dropwizard.lifecycle.Managed() {
            @Override
            public void stop() throws Exception {
                close();
            }
        });
        lifecycle.addEventListener(new org.eclipse.jetty.util.component.LifeCycle.Listener() {
            @Override
            public void lifeCycleFailure(org.eclipse.jetty.util.component.LifeCycle event, Throwable cause) {
                closeQuietly();
            }

            @Override
            public void lifeCycleStopped(org.eclipse.jetty.util.component.LifeCycle event) {
                closeQuietly();
            }
        });
    }

    public void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not stop embedded PostgreSQL cleanly: {}", e.toString());
        }
    }

    /**
     * A killed JVM leaves its postmaster running (or at least its pid file). Stop a live orphan that owns this
     * folder; remove a pid file whose process is gone or is not a postgres (pid reuse), so the new server starts.
     */
    static void stopOrphanedServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<Long> pid = readPid(pidFile);
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (process.isPresent() && isPostgres(process.get())) {
            LOG.warn("Data folder {} is held by an orphaned PostgreSQL (pid {}); stopping it", dir, pid.get());
            ProcessHandle handle = process.get();
            signal(handle.pid(), "INT"); // fast shutdown: rolls back open transactions, exits cleanly
            if (!waitForExit(handle, Duration.ofSeconds(20))) {
                LOG.warn("PostgreSQL pid {} ignored fast shutdown; killing it", handle.pid());
                handle.destroyForcibly();
                waitForExit(handle, Duration.ofSeconds(10));
            }
        }
        if (Files.exists(pidFile) && !(process.isPresent() && process.get().isAlive())) {
            LOG.warn("Removing stale {}", pidFile);
            Files.deleteIfExists(pidFile);
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(c -> c.contains("postgres")).orElse(true);
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warn("Could not signal pid {}: {}", pid, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return !process.isAlive();
    }
}
