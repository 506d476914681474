package io.openvod.platform.http;

import io.javalin.config.JettyConfig;

/** Adds an HTTPS connector to the server, in place of plain HTTP. */
@FunctionalInterface
public interface TlsConnector {
    void install(JettyConfig jetty);
}
