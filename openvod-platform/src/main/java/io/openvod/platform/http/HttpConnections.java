package io.openvod.platform.http;

import io.javalin.config.JettyConfig;
import io.openvod.core.net.ReservedPort;
import java.nio.channels.ServerSocketChannel;
import java.util.Optional;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * How the platform's HTTP/1.1 connections are made. Each connection reads the socket into a
 * buffer of {@value #INPUT_BUFFER_BYTES} bytes rather than Jetty's default 8 KiB, so an uploaded
 * part arrives in an eighth as many reads, chunks and file writes; the buffers come from Jetty's
 * pool, which keeps buffers of that size.
 */
final class HttpConnections {
    static final int INPUT_BUFFER_BYTES = 64 * 1024;

    private HttpConnections() {
    }

    /** The HTTP/1.1 connection factory of every connector of the platform. */
    static HttpConnectionFactory http(HttpConfiguration configuration) {
        HttpConnectionFactory http = new HttpConnectionFactory(configuration);
        http.setInputBufferSize(INPUT_BUFFER_BYTES);
        return http;
    }

    /** Installs the plain HTTP connector on {@code host:port}, in place of Javalin's default one. */
    static void installPlain(JettyConfig jetty, String host, int port, Optional<ReservedPort> reserved) {
        jetty.addConnector((server, configuration) -> connector(server, host, port, reserved, http(configuration)));
    }

    /**
     * A connector for {@code host:port} with {@code factories}; when the port was reserved
     * ({@link ReservedPort}), it listens on the reserved channel instead of binding the port again.
     */
    static ServerConnector connector(Server server, String host, int port, Optional<ReservedPort> reserved,
                                     ConnectionFactory... factories) {
        ServerConnector connector = reserved.<ServerConnector>map(r -> new ServerConnector(server, factories) {
            @Override
            protected ServerSocketChannel openAcceptChannel() {
                return r.handOver();
            }
        }).orElseGet(() -> new ServerConnector(server, factories));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
