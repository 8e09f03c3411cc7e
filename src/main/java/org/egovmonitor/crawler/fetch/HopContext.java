package org.egovmonitor.crawler.fetch;

import java.net.InetSocketAddress;
import java.net.Proxy;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Protocol;

/**
 * One call's state, attached to its request as a tag: the port (for the guard's port rules) and deadline (for the
 * DNS wait) the {@code Dns} needs, and whether a connection was reached (a socket timeout before that is a
 * connect timeout, after it a read timeout). Also the call's event listener, which records the latter.
 */
final class HopContext extends EventListener {
    final int port;
    final Deadline deadline;
    volatile boolean connected;

    HopContext(int port, Deadline deadline) {
        this.port = port;
        this.deadline = deadline;
    }

    @Override
    public void secureConnectStart(Call call) {
        connected = true;
    }

    @Override
    public void connectEnd(Call call, InetSocketAddress address, Proxy proxy, Protocol protocol) {
        connected = true;
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        connected = true;
    }
}
