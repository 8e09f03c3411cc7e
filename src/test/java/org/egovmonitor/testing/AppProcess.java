package org.egovmonitor.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.egovmonitor.EgovMonitorApplication;

/**
 * The application as a separate JVM, started the way a user starts it (same main class and arguments), so tests can
 * read exit codes and output, and kill it without a graceful stop.
 */
public final class AppProcess implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private AppProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static AppProcess start(Map<String, String> env, String... args) throws IOException {
        return startWithInput(env, null, args);
    }

    /**
     * The options of a test's app process: a command or a demo server that lives seconds to a minute. C1 only and the
     * serial collector spend less CPU on compiling and collecting than the defaults, which matters with two test JVMs
     * on two cores (RegistryCommandsTest 83 → 70 s, ServiceRestartTest + SharedDataFolderTest 141 → 103 s alone).
     */
    static final List<String> JVM_OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** Starts with {@code stdin} (a file's content) as standard input; null means /dev/null. */
    public static AppProcess startWithInput(Map<String, String> env, String stdin, String... args)
            throws IOException {
        return startWithInput(JVM_OPTIONS, env, stdin, args);
    }

    /** Starts with {@code jvmOptions} (e.g. a smaller heap) instead of {@link #JVM_OPTIONS}. */
    public static AppProcess startWithInput(List<String> jvmOptions, Map<String, String> env, String stdin,
                                            String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"),
                EgovMonitorApplication.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("egov-app-", ".out");
        Path err = Files.createTempFile("egov-app-", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(stdin == null ? new java.io.File("/dev/null")
                        : Files.writeString(Files.createTempFile("egov-app-", ".in"), stdin).toFile()));
        pb.environment().remove("DATABASE_URL");
        pb.environment().putAll(env);
        return new AppProcess(pb.start(), out, err);
    }

    /** Runs a command to completion. */
    public static Result run(Map<String, String> env, String... args) throws Exception {
        return runWithInput(env, null, args);
    }

    /** Runs a command to completion in a JVM started with {@code jvmOptions}, waiting at most {@code timeout}. */
    public static Result run(List<String> jvmOptions, Duration timeout, Map<String, String> env, String... args)
            throws Exception {
        try (AppProcess p = startWithInput(jvmOptions, env, null, args)) {
            if (!p.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("command did not finish: " + String.join(" ", args));
            }
            return new Result(p.process.exitValue(), p.stdout(), p.stderr());
        }
    }

    /** Runs a command to completion with {@code stdin} as its standard input. */
    public static Result runWithInput(Map<String, String> env, String stdin, String... args) throws Exception {
        try (AppProcess p = startWithInput(env, stdin, args)) {
            if (!p.process.waitFor(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("command did not finish: " + String.join(" ", args));
            }
            return new Result(p.process.exitValue(), p.stdout(), p.stderr());
        }
    }

    public record Result(int exitCode, String stdout, String stderr) {
    }

    public String stdout() throws IOException {
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    public String stderr() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    public Process process() {
        return process;
    }

    /** Polls the admin health check until it answers 200, or fails with the process's output. */
    public void awaitHealthy(int adminPort, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("process exited " + process.exitValue() + ":\n" + stderr());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + adminPort + "/healthcheck")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("not healthy in time:\n" + stderr());
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Kill -9: no shutdown hooks, no graceful stop. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a service manager stops it. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("did not stop within 60 s");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
