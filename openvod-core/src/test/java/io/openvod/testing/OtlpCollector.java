package io.openvod.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in OpenTelemetry collector on loopback: it answers OTLP/HTTP exports at
 * {@code /v1/traces} with 200 and keeps their protobuf bodies, which tests search for a trace id
 * (its 16 raw bytes) or a step's name.
 */
public final class OtlpCollector implements AutoCloseable {
    private final HttpServer server;
    private final List<byte[]> bodies = new CopyOnWriteArrayList<>();

    private OtlpCollector(HttpServer server) {
        this.server = server;
    }

    public static OtlpCollector start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            OtlpCollector collector = new OtlpCollector(server);
            server.createContext("/v1/traces", exchange -> {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                exchange.getRequestBody().transferTo(body);
                collector.bodies.add(body.toByteArray());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return collector;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The traces endpoint to configure ({@code tracing.otlpEndpoint}). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces");
    }

    /** Every export received so far, one after the other, as ISO-8859-1 text (protobuf strings read as they are). */
    public String exported() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        bodies.forEach(all::writeBytes);
        return all.toString(StandardCharsets.ISO_8859_1);
    }

    /** Whether an export so far carries this trace id. */
    public boolean hasTrace(String traceId) {
        return exported().contains(new String(HexFormat.of().parseHex(traceId), StandardCharsets.ISO_8859_1));
    }

    /** Waits until every one of these trace ids was exported; false when {@code timeout} passes first. */
    public boolean awaitTraces(Duration timeout, String... traceIds) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean all = true;
            for (String id : traceIds) {
                all &= hasTrace(id);
            }
            if (all) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
