package io.openvod.server.config;

import io.openvod.core.OpenVodException;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.Optional;

/**
 * A service cannot listen because another process holds its port ({@link ServerError#PORT_IN_USE},
 * exit status 5). The message names the service, the port and the configuration key that sets it;
 * a command adds its own flag with {@link #withAdvice}.
 */
public final class PortInUseException extends OpenVodException {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final int port;
    private final String configKey;

    private PortInUseException(String service, int port, String configKey, String message, Throwable cause) {
        super(ServerError.PORT_IN_USE, message, cause);
        this.service = service;
        this.port = port;
        this.configKey = configKey;
    }

    /**
     * Fails at once when another process listens on {@code host:port} ({@code 0}: a free port is picked, never taken), so
     * that a service finds out before it opens anything and its web server logs no failure of its own.
     * Whatever else goes wrong with the address is left for the server to report.
     */
    public static void requireFree(String service, String host, int port, String configKey) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (BindException e) {
            throw new PortInUseException(service, port, configKey, message(service, host, port), e);
        } catch (IOException | RuntimeException e) {
            // not a taken port: the server's own start reports it
        }
    }

    private static String message(String service, String host, int port) {
        return "the " + service + "'s port " + port + " (on " + host + ") is in use by another process";
    }

    /**
     * {@code failure} as a PortInUseException when a {@link BindException} caused it: {@code service}
     * (e.g. {@code platform}) could not listen on {@code host:port}, which {@code configKey} sets.
     */
    public static Optional<PortInUseException> causing(RuntimeException failure, String service, String host, int port, String configKey) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return Optional.of(new PortInUseException(service, port, configKey, message(service, host, port), failure));
            }
        }
        return Optional.empty();
    }

    /**
     * The same failure, its message ending with {@code hint} (e.g. who may hold the port) and what to do:
     * {@code flag} N picks another port, as does the configuration key or its variable.
     */
    public PortInUseException withAdvice(String flag, String hint) {
        String variable = "OPENVOD_" + configKey.replace('.', '_').toUpperCase(Locale.ROOT);
        return new PortInUseException(service, port, configKey, getMessage() + hint + "; pick another port with " + flag
                + " N (0 picks a free one), or set " + configKey + " (" + variable + ")", getCause());
    }

    public String service() {
        return service;
    }

    public int port() {
        return port;
    }

    public String configKey() {
        return configKey;
    }
}
