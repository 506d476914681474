package io.openvod.app.http;

import io.javalin.Javalin;
import io.javalin.config.JettyConfig;
import io.javalin.http.Context;
import io.openvod.core.metrics.ManagementListener;
import io.openvod.core.net.ReservedPort;
import java.nio.channels.ServerSocketChannel;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The app backend's connectors: the main one, on a port reserved before the server started when
 * there is one ({@link ReservedPort}), and the management port ({@link ManagementListener}), told
 * apart by its name. Javalin adds its own connector only to a server without any, so with either
 * of them the main connector is installed here first.
 */
final class AppConnectors {
    /** What the management port serves. */
    static final Set<String> MANAGEMENT_PATHS = Set.of("/metrics", "/api/v1/health", "/api/v1/health/live", "/api/v1/health/ready");
    private static final String MANAGEMENT = "openvod-management";

    private AppConnectors() {
    }

    static void install(JettyConfig jetty, String host, int port, Optional<ReservedPort> reserved,
                        Optional<ManagementListener> management) {
        if (reserved.isEmpty() && management.isEmpty()) {
            return;
        }
        jetty.addConnector((server, configuration) -> {
            ServerConnector main = reserved.<ServerConnector>map(r -> new ServerConnector(server, new HttpConnectionFactory(configuration)) {
                @Override
                protected ServerSocketChannel openAcceptChannel() {
                    return r.handOver();
                }
            }).orElseGet(() -> new ServerConnector(server, new HttpConnectionFactory(configuration)));
            main.setHost(host);
            main.setPort(reserved.map(ReservedPort::port).orElse(port));
            return main;
        });
        management.ifPresent(listener -> jetty.addConnector((server, configuration) -> {
            ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(configuration));
            connector.setName(MANAGEMENT);
            connector.setHost(listener.host());
            connector.setPort(listener.port());
            return connector;
        }));
    }

    /** Whether the request of {@code ctx} came in on the management port. */
    static boolean onManagementPort(Context ctx) {
        return MANAGEMENT.equals(ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnector().getName());
    }

    /** The port the management connector of {@code app} listens on, if it has one. */
    static OptionalInt managementPort(Javalin app) {
        return Arrays.stream(app.jettyServer().server().getConnectors())
                .filter(c -> MANAGEMENT.equals(c.getName()) && c instanceof ServerConnector)
                .mapToInt(c -> ((ServerConnector) c).getLocalPort())
                .findFirst();
    }
}
