package io.openvod.server.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for Tencent's API 3.0 endpoint on loopback, for the pull consumer: {@code PullEvents}
 * hands out queued events once each (a long poll that found nothing waits 300 ms),
 * {@code ConfirmEvents} is recorded, and so is every call's action (with " unsigned" when it
 * carried no {@code Authorization}).
 */
final class TencentApiStandIn implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    final ConcurrentLinkedQueue<ObjectNode> queued = new ConcurrentLinkedQueue<>();
    final List<String> confirmed = new CopyOnWriteArrayList<>();
    final List<String> actions = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private int handles;

    TencentApiStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.createContext("/", exchange -> {
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String action = exchange.getRequestHeaders().getFirst("X-TC-Action");
            actions.add(action + (exchange.getRequestHeaders().getFirst("Authorization") == null ? " unsigned" : ""));
            ObjectNode response = JSON.createObjectNode();
            ObjectNode body = response.putObject("Response");
            body.put("RequestId", "req-" + actions.size());
            if ("PullEvents".equals(action)) {
                ArrayNode set = body.putArray("EventSet");
                ObjectNode event;
                while ((event = queued.poll()) != null) {
                    set.add(event);
                }
                if (set.isEmpty()) {
                    sleep(); // a long poll that found nothing
                }
            } else if ("ConfirmEvents".equals(action)) {
                request.path("EventHandles").forEach(h -> confirmed.add(h.asText()));
            }
            byte[] bytes = JSON.writeValueAsBytes(response);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Queues one event body with a new handle; answers the handle. */
    synchronized String offer(String body) throws IOException {
        ObjectNode event = JSON.createObjectNode();
        String handle = "EventHandle." + (++handles);
        event.put("EventHandle", handle);
        event.setAll((ObjectNode) JSON.readTree(body));
        queued.add(event);
        return handle;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
