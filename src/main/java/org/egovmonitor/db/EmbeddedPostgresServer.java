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
 * lives on and keeps the data folder locked. Which process owns the folder is kept by {@link DataFolderOwner}: a
 * postmaster whose owner is alive is never touched (a command run beside the service uses it as a client); one
 * whose owner died is an orphan, stopped (fast shutdown, then kill) before a fresh server starts on the folder.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String SUPERUSER = "postgres";

    /** The server this process started, or null when it uses the server of the folder's live owner. */
    private final EmbeddedPostgres postgres;
    private final DataFolderOwner owner;
    private final int port;
    private final Path dataDir;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, DataFolderOwner owner, int port, Path dataDir) {
        this.postgres = postgres;
        this.owner = owner;
        this.port = port;
        this.dataDir = dataDir;
    }

    /** Starts as a command would: see {@link #start(Path, int, Duration, DataFolderOwner.Role)}. */
    public static EmbeddedPostgresServer start(Path dataDir, int port, Duration startupWait) throws IOException {
        return start(dataDir, port, startupWait, DataFolderOwner.Role.COMMAND);
    }

    /**
     * Makes the folder's PostgreSQL available to this process; port 0 picks a free port. When no live process owns
     * the folder, this one takes it and starts the server (initialising the cluster on first use, stopping a true
     * orphan first). When a running service owns it, a command uses that service's server as a client and leaves
     * it running; a second service is refused (two services on one folder would fight over it). When a command or
     * a still-starting service owns it, this waits up to {@code startupWait} for it to finish or to publish its port.
     *
     * @throws DataFolderBusyException when the folder stays unavailable; its message is for the user (Chinese)
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, Duration startupWait,
                                               DataFolderOwner.Role role) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        long deadline = System.nanoTime() + startupWait.toNanos();
        boolean announced = false;
        while (true) {
            Optional<DataFolderOwner> owned = DataFolderOwner.tryAcquire(dir, role);
            if (owned.isPresent()) {
                return startOwned(dir, port, startupWait, owned.get());
            }
            Optional<DataFolderOwner.Owner> other = DataFolderOwner.read(dir);
            boolean runningService = other.isPresent() && other.get().role() == DataFolderOwner.Role.SERVER
                    && other.get().port() > 0;
            if (runningService && role == DataFolderOwner.Role.SERVER) {
                throw new DataFolderBusyException("数据目录 " + dir + " 已由运行中的服务（进程 " + other.get().pid()
                        + "）使用：同一数据目录只能运行一个服务。请先停止该服务，或为新服务配置另一个数据目录（EGOV_DATA_DIR）。");
            }
            if (runningService && accepts(other.get().port())) {
                LOG.info("Data folder {} belongs to the running service (pid {}); using its PostgreSQL on port {}",
                        dir, other.get().pid(), other.get().port());
                return new EmbeddedPostgresServer(null, null, other.get().port(), dir);
            }
            if (System.nanoTime() > deadline) {
                String who = other.map(o -> (o.role() == DataFolderOwner.Role.SERVER ? "正在启动的服务" : "命令")
                        + "（进程 " + o.pid() + "）").orElse("另一个进程");
                throw new DataFolderBusyException("数据目录 " + dir + " 正被" + who + "使用，等待 "
                        + startupWait.toSeconds() + " 秒后仍未释放。请等其结束后重试。");
            }
            if (!announced) {
                LOG.warn("Data folder {} is in use by {}; waiting for it", dir, other.map(Object::toString)
                        .orElse("another process"));
                announced = true;
            }
            sleep(Duration.ofMillis(250));
        }
    }

    private static EmbeddedPostgresServer startOwned(Path dir, int port, Duration startupWait, DataFolderOwner owner)
            throws IOException {
        try {
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
            owner.publish(pg.getPort());
            return new EmbeddedPostgresServer(pg, owner, pg.getPort(), dir);
        } catch (IOException | RuntimeException e) {
            owner.close();
            throw e;
        }
    }

    private static boolean accepts(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(Duration d) throws DataFolderBusyException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataFolderBusyException("等待数据目录时被中断。");
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    public String user() {
        return SUPERUSER;
    }

    public int port() {
        return port;
    }

    /** Whether this process started the server (and stops it on close), rather than using a running service's. */
    public boolean owned() {
        return postgres != null;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Stops the server this process started and gives the folder up; a server used as a client is left running.
     * Safe to call more than once (normal stop and failure paths both call it).
     */
    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true) && postgres != null) {
            try {
                LOG.info("Stopping embedded PostgreSQL");
                postgres.close();
            } finally {
                owner.close();
            }
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
