package org.egovmonitor.crawler.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

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

    private void arm() throws IOException {
        if (deadline.expired()) {
            throw new DeadlineExceededException("deadline passed while reading the response");
        }
        socket.setSoTimeout(deadline.cap(readTimeoutMs));
    }

    @Override
    public int read() throws IOException {
        arm();
        return super.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        arm();
        return super.read(b, off, len);
    }
}
