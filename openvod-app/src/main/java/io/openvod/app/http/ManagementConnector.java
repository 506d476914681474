package io.openvod.app.http;

import io.javalin.Javalin;
import io.javalin.config.JettyConfig;
import io.javalin.http.Context;
import io.openvod.core.metrics.ManagementListener;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The app backend's management port ({@link ManagementListener}): a second connector of the same
 * server, told apart by its name. Javalin adds its own connector only to a server without any, so
 * the main one is installed here first.
 */
final class ManagementConnector {
    /** What the management port serves. */
    static final Set<String> PATHS = Set.of("/metrics", "/api/v1/health", "/api/v1/health/live", "/api/v1/health/ready");
    private static final String NAME = "openvod-management";

    private ManagementConnector() {
    }

    static void install(JettyConfig jetty, String host, int port, ManagementListener listener) {
        jetty.addConnector((server, configuration) -> {
            ServerConnector main = new ServerConnector(server, new HttpConnectionFactory(configuration));
            main.setHost(host);
            main.setPort(port);
            return main;
        });
        jetty.addConnector((server, configuration) -> {
            ServerConnector management = new ServerConnector(server, new HttpConnectionFactory(configuration));
            management.setName(NAME);
            management.setHost(listener.host());
            management.setPort(listener.port());
            return management;
        });
    }

    /** Whether the request of {@code ctx} came in on the management port. */
    static boolean received(Context ctx) {
        return NAME.equals(ServletContextRequest.getServletContextRequest(ctx.req()).getConnectionMetaData().getConnector().getName());
    }

    /** The port the management connector of {@code app} listens on, if it has one. */
    static OptionalInt port(Javalin app) {
        return Arrays.stream(app.jettyServer().server().getConnectors())
                .filter(c -> NAME.equals(c.getName()) && c instanceof ServerConnector)
                .mapToInt(c -> ((ServerConnector) c).getLocalPort())
                .findFirst();
    }
}
