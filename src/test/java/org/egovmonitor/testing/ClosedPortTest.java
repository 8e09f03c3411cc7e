package org.egovmonitor.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class ClosedPortTest {

    @Test
    void open_connect_refused() throws Exception {
        try (ClosedPort closed = ClosedPort.open(); Socket s = new Socket()) {
            assertThatThrownBy(() -> s.connect(new InetSocketAddress("127.0.0.1", closed.port()), 5000))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void open_anotherListenerOnThePort_cannotBind() throws Exception {
        try (ClosedPort closed = ClosedPort.open()) {
            for (String address : new String[] {"127.0.0.1", "0.0.0.0"}) {
                try (ServerSocket other = new ServerSocket()) {
                    other.setReuseAddress(true);
                    assertThatThrownBy(() -> other.bind(new InetSocketAddress(InetAddress.getByName(address),
                            closed.port()))).as(address).isInstanceOf(BindException.class);
                }
            }
        }
    }
}
