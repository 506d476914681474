package io.openvod.app.auth.jwt;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/** A JWKS endpoint on 127.0.0.1 with an ephemeral port, whose answer tests change. */
final class JwksTestServer implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int status = 200;
    private volatile byte[] body = "{\"keys\":[]}".getBytes(StandardCharsets.UTF_8);
    private volatile String location;

    JwksTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", exchange -> {
            requests.incrementAndGet();
            byte[] answer = body;
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (location != null) {
                exchange.getResponseHeaders().set("Location", location);
            }
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    JwksTestServer serve(String json) {
        this.body = json.getBytes(StandardCharsets.UTF_8);
        this.status = 200;
        return this;
    }

    JwksTestServer answer(int status, byte[] body, String location) {
        this.status = status;
        this.body = body;
        this.location = location;
        return this;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks");
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
