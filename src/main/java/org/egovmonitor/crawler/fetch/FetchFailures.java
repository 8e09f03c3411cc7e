package org.egovmonitor.crawler.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;

/** What an exchange's {@link IOException} means for the fetch: the {@link FetchErrorKind} and detail it reports. */
final class FetchFailures {

    private FetchFailures() {
    }

    /**
     * The failure {@code e} stands for. {@code fetcherClosed}: the fetcher was closed, so its calls were cancelled;
     * {@code hop} tells whether a connection had been reached.
     */
    static FetchFailure classify(IOException e, boolean fetcherClosed, HopContext hop, Deadline deadline) {
        if (e instanceof GuardedDns.GuardFailure g) {
            return g.failure;
        }
        String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        Throwable cause = e.getCause();
        FetchErrorKind kind;
        if (fetcherClosed) {
            kind = FetchErrorKind.IO_ERROR;
            detail = "fetcher closed (" + detail + ")";
        } else if (deadline.expired() || (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException))) {
            // the call's timeout is the time left of the deadline: OkHttp reports it as InterruptedIOException
            kind = FetchErrorKind.DEADLINE_EXCEEDED;
            detail = "deadline of the fetch passed (" + detail + ")";
        } else if (e instanceof SSLException) {
            kind = FetchErrorKind.TLS_ERROR;
        } else if (e instanceof SocketTimeoutException) {
            kind = hop.connected ? FetchErrorKind.READ_TIMEOUT : FetchErrorKind.CONNECT_TIMEOUT;
        } else if (e instanceof ConnectException) {
            String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            kind = m.contains("timed out") ? FetchErrorKind.CONNECT_TIMEOUT : FetchErrorKind.CONNECT_REFUSED;
        } else if (e instanceof UnknownHostException) {
            kind = FetchErrorKind.DNS_FAILURE;
        } else if (e instanceof ProtocolException || e instanceof ZipException || e instanceof EOFException
                || cause instanceof EOFException) {
            // OkHttp wraps "closed before any response" as IOException("unexpected end of stream", EOFException)
            kind = FetchErrorKind.PROTOCOL_ERROR;
        } else if ((e instanceof SocketException && isReset(e.getMessage()))
                || String.valueOf(e.getMessage()).startsWith("stream was reset")) {
            kind = FetchErrorKind.CONNECTION_RESET;
        } else {
            kind = FetchErrorKind.IO_ERROR;
        }
        return new FetchFailure(kind, detail);
    }

    private static boolean isReset(String message) {
        String m = String.valueOf(message).toLowerCase(Locale.ROOT);
        return m.contains("reset") || m.contains("broken pipe") || m.contains("abort");
    }
}
