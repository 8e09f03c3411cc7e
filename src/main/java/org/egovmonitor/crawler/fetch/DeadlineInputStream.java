package org.egovmonitor.crawler.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The socket's input, read under the fetch deadline: before every read the socket timeout is set to the read
 * timeout shortened to what is left of the deadline, and no read starts once the deadline has passed. A server
 * dripping one byte a second therefore fails at the deadline, not after "one read timeout per byte".
 */
final class DeadlineInputStream extends FilterInputStream {

    /** Thrown when the deadline passed between reads; classified as DEADLINE_EXCEEDED. */
    static final class DeadlineExceededException extends IOException {
        DeadlineExceededException(String message) {
            super(message);
        }
    }

    private final Socket socket;
    private final Deadline deadline;
    private final int readTimeoutMs;

    DeadlineInputStream(InputStream in, Socket socket, Deadline deadline, int readTimeoutMs) {
        super(in);
        this.socket = socket;
        this.deadline = deadline;
        this.readTimeoutMs = readTimeoutMs;
    }

    /** Arms the socket timeout; true when it was shortened to the deadline (so a timeout means the deadline). */
    private boolean arm() throws IOException {
        if (deadline.expired()) {
            throw new DeadlineExceededException("deadline passed while reading the response");
        }
        int timeout = deadline.cap(readTimeoutMs);
        socket.setSoTimeout(timeout);
        return timeout < readTimeoutMs;
    }

    @Override
    public int read() throws IOException {
        boolean byDeadline = arm();
        try {
            return super.read();
        } catch (SocketTimeoutException e) {
            throw byDeadline ? deadlineExceeded(e) : e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        boolean byDeadline = arm();
        try {
            return super.read(b, off, len);
        } catch (SocketTimeoutException e) {
            throw byDeadline ? deadlineExceeded(e) : e;
        }
    }

    /**
     * The timeout was what was left of the deadline, rounded down to whole milliseconds, so it can fire a moment
     * before the deadline itself has passed: that is the deadline, not a silent server (READ_TIMEOUT).
     */
    private static IOException deadlineExceeded(SocketTimeoutException e) {
        DeadlineExceededException d = new DeadlineExceededException("deadline passed while reading the response");
        d.initCause(e);
        return d;
    }
}
