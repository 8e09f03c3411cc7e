package org.egovmonitor.crawler.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Connection;
import okhttp3.Dns;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.egovmonitor.platform.DaemonThreads;

/**
 * The {@link AddressGuard} where OkHttp meets the network: the client's {@link Dns} (every name through the guard,
 * each lookup waited for at most until the fetch's deadline) and the network interceptor that checks the peer of the
 * connection each request is about to go out on. OkHttp resolves names on the thread that executes the call, so the
 * fetcher binds the hop it is sending to that thread ({@link #bind}) for the lookup to find its port and deadline.
 */
final class GuardedDns implements Dns {

    static final int NO_PORT = -1;

    /**
     * The guard's refusal or a failed lookup, carried out of OkHttp's {@code Dns} (which may only throw
     * {@link UnknownHostException}) and out of the peer check, with the failure it stands for.
     */
    static final class GuardFailure extends UnknownHostException {
        final transient FetchFailure failure;

        GuardFailure(FetchFailure failure) {
            super(failure.getMessage());
            this.failure = failure;
        }
    }

    private final FetchSettings settings;
    private final AddressGuard guard;
    /** The hop the calling thread is sending: OkHttp resolves names on the thread that executes the call. */
    private final ThreadLocal<HopContext> currentHop = new ThreadLocal<>();
    private final ExecutorService resolver;

    GuardedDns(FetchSettings settings, AddressGuard guard) {
        this.settings = settings;
        this.guard = guard;
        // DNS lookups cannot be interrupted; they run here so the caller can stop waiting at the deadline.
        this.resolver = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                DaemonThreads.named("egov-fetch-dns"));
    }

    /** The calling thread is about to execute the call of {@code hop}. */
    void bind(HopContext hop) {
        currentHop.set(hop);
    }

    /** The calling thread's call is over. */
    void unbind() {
        currentHop.remove();
    }

    /** Stops the helper threads; a lookup still running is abandoned. */
    void close() {
        resolver.shutdownNow();
        try {
            resolver.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The client's {@link Dns}: every name through the guard, the proxy's own name (operator's choice) as is. */
    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        if (settings.proxyHost() != null && hostname.equalsIgnoreCase(settings.proxyHost())) {
            return List.of(InetAddress.getAllByName(hostname));
        }
        HopContext hop = currentHop.get();
        try {
            return guardedLookup(hostname, hop != null ? hop.port : NO_PORT, hop != null ? hop.deadline : null);
        } catch (FetchFailure f) {
            throw new GuardFailure(f);
        }
    }

    /**
     * The guard's lookup of {@code host} for a connection to {@code port}, waited for at most until the deadline
     * (the whole {@code deadlineMs} when the hop is not known). Literals need no lookup and are checked at once.
     */
    List<InetAddress> guardedLookup(String host, int port, Deadline deadline) throws FetchFailure {
        if (TargetUrls.isIpLiteral(host)) {
            try {
                return port == NO_PORT ? guard.resolve(host) : guard.resolve(host, port);
            } catch (BlockedAddressException e) {
                throw new FetchFailure(FetchErrorKind.BLOCKED_ADDRESS, e.getMessage());
            } catch (UnknownHostException e) {
                throw new FetchFailure(FetchErrorKind.DNS_FAILURE, "host not found: " + e.getMessage());
            }
        }
        Future<List<InetAddress>> lookup;
        try {
            lookup = resolver.submit(() -> port == NO_PORT ? guard.resolve(host) : guard.resolve(host, port));
        } catch (RejectedExecutionException e) {
            throw new FetchFailure(FetchErrorKind.IO_ERROR, "fetcher closed");
        }
        long waitNanos = deadline != null ? deadline.remainingNanos()
                : TimeUnit.MILLISECONDS.toNanos(settings.deadlineMs());
        try {
            return lookup.get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new FetchFailure(FetchErrorKind.DEADLINE_EXCEEDED, "DNS lookup of " + host + " outlasted the deadline");
        } catch (InterruptedException e) {
            lookup.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchFailure(FetchErrorKind.IO_ERROR, "interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BlockedAddressException) {
                throw new FetchFailure(FetchErrorKind.BLOCKED_ADDRESS, cause.getMessage());
            }
            if (cause instanceof UnknownHostException) {
                throw new FetchFailure(FetchErrorKind.DNS_FAILURE, "host not found: " + cause.getMessage());
            }
            throw new FetchFailure(FetchErrorKind.DNS_FAILURE, "lookup of " + host + " failed: " + cause);
        }
    }

    /**
     * Network interceptor: the connection this request is about to go out on, new or pooled, must lead to an address
     * and port the guard allows. Through a proxy the peer is the proxy (the operator's), and the target was checked
     * before the call.
     */
    Response checkPeer(Interceptor.Chain chain) throws IOException {
        Connection connection = chain.connection();
        if (connection != null && connection.route().proxy().type() == Proxy.Type.DIRECT) {
            Socket socket = connection.socket();
            try {
                guard.check(socket.getInetAddress(), socket.getPort());
            } catch (BlockedAddressException e) {
                throw new GuardFailure(new FetchFailure(FetchErrorKind.BLOCKED_ADDRESS, "connection to "
                        + socket.getInetAddress().getHostAddress() + ":" + socket.getPort() + " refused: "
                        + e.getMessage()));
            }
        }
        return chain.proceed(chain.request());
    }
}
