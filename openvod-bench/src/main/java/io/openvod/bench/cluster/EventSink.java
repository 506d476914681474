package io.openvod.bench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The receiver of the platform's pushed events: an HTTP server on loopback that answers every
 * {@code POST} with {@code 200} at once and records when it arrived ({@link System#nanoTime()}, the
 * clock the upload clients time their commits with), its {@code X-OpenVOD-Event-Id}, and the body's
 * {@code EventType} and FileId. A body that is not such JSON, or an event without its id header,
 * counts as malformed (and is still answered 200, so that the platform does not retry it).
 */
final class EventSink implements AutoCloseable {
    /** One event as it arrived. */
    record Arrival(String eventId, String eventType, String fileId, long nanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private final AtomicLong malformed = new AtomicLong();

    private EventSink(HttpServer server) {
        this.server = server;
    }

    /** Starts a sink on a free loopback port. */
    static EventSink start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        EventSink sink = new EventSink(server);
        server.createContext("/", sink::handle);
        server.setExecutor(sink.executor);
        server.start();
        return sink;
    }

    /** The URL to configure as the callback, e.g. {@code http://127.0.0.1:40123/events}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    /** Every event received so far, in order of arrival. */
    List<Arrival> arrivals() {
        return new ArrayList<>(arrivals);
    }

    /** Requests that were not an event of the expected shape. */
    long malformed() {
        return malformed.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long at = System.nanoTime();
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY);
            Arrival arrival = "POST".equals(exchange.getRequestMethod())
                    ? parse(exchange.getRequestHeaders().getFirst("X-OpenVOD-Event-Id"), body, at) : null;
            if (arrival == null) {
                malformed.incrementAndGet();
            } else {
                arrivals.add(arrival);
            }
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** The event in {@code body} with the id {@code eventId}, or null when either is missing or not of the expected shape. */
    static Arrival parse(String eventId, byte[] body, long nanos) {
        if (eventId == null || eventId.isBlank()) {
            return null;
        }
        try {
            JsonNode event = JSON.readTree(body);
            String type = event.path("EventType").asText("");
            String fileId = event.path("FileUploadEvent").path("FileId").asText("");
            if (type.isEmpty() || (type.equals("NewFileUpload") && fileId.isEmpty())) {
                return null;
            }
            return new Arrival(eventId, type, fileId, nanos);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
