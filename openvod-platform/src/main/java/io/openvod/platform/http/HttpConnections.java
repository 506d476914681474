package io.openvod.platform.http;

import io.javalin.config.JettyConfig;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
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
    static void installPlain(JettyConfig jetty, String host, int port) {
        jetty.addConnector((server, configuration) -> {
            ServerConnector connector = new ServerConnector(server, http(configuration));
            connector.setHost(host);
            connector.setPort(port);
            return connector;
        });
    }
}
