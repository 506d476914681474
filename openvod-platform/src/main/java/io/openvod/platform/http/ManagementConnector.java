package io.openvod.platform.http;

import io.javalin.Javalin;
import io.javalin.config.JettyConfig;
import io.javalin.http.Context;
import io.openvod.core.metrics.ManagementListener;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.ServerConnector;

/** The platform's management port ({@link ManagementListener}): a plain HTTP connector of the same server, told apart by its name. */
final class ManagementConnector {
    private static final String NAME = "openvod-management";

    private ManagementConnector() {
    }

    static void install(JettyConfig jetty, ManagementListener listener) {
        jetty.addConnector((server, configuration) -> {
            ServerConnector connector = HttpConnections.connector(server, listener.host(), listener.port(), Optional.empty(),
                    HttpConnections.http(configuration));
            connector.setName(NAME);
            return connector;
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
