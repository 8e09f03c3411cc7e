package org.egovmonitor;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.egovmonitor.config.EgovMonitorConfiguration;
import org.egovmonitor.testing.TestApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** config.yml as shipped: the admin port (tasks without login) and the application port listen on loopback only. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ServerBindingTest {

    static final DropwizardAppExtension<EgovMonitorConfiguration> APP = TestApp.extension(false);

    @Test
    void configYml_adminAndApplicationConnectors_bindLoopback() {
        DefaultServerFactory server = (DefaultServerFactory) APP.getConfiguration().getServerFactory();
        assertThat(server.getAdminConnectors()).singleElement()
                .extracting(c -> ((HttpConnectorFactory) c).getBindHost()).isEqualTo("127.0.0.1");
        assertThat(server.getApplicationConnectors()).singleElement()
                .extracting(c -> ((HttpConnectorFactory) c).getBindHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void runningServer_everyListeningSocket_isOnLoopback() throws Exception {
        List<Connector> connectors = List.of(APP.getEnvironment().getApplicationContext().getServer().getConnectors());

        assertThat(connectors).hasSize(2);
        List<Integer> ports = new java.util.ArrayList<>();
        for (Connector c : connectors) {
            ServerSocketChannel channel = (ServerSocketChannel) ((ServerConnector) c).getTransport();
            InetSocketAddress bound = (InetSocketAddress) channel.getLocalAddress();
            assertThat(bound.getAddress().isLoopbackAddress()).as("%s bound to %s", c.getName(), bound).isTrue();
            ports.add(bound.getPort());
        }
        assertThat(ports).containsExactlyInAnyOrder(APP.getLocalPort(), APP.getAdminPort());
    }
}
