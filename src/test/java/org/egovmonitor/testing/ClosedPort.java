package org.egovmonitor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A port of 127.0.0.1 that refuses connections for as long as this is open. A port found free and closed again may be
 * taken at once by another process on the machine (other test JVMs run alongside); this one stays bound by a socket
 * that never listens, without address reuse, so nothing else can listen on it and a connection gets a reset.
 */
public final class ClosedPort implements AutoCloseable {

    private final Socket holder;

    private ClosedPort(Socket holder) {
        this.holder = holder;
    }

    public static ClosedPort open() {
        Socket s = new Socket();
        try {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return new ClosedPort(s);
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return holder.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        holder.close();
    }
}
