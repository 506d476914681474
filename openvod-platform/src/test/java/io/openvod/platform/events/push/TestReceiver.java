package io.openvod.platform.events.push;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * A webhook receiver on loopback for tests: records every request (headers, body, arrival time,
 * the status it answered) and answers as {@code behaviour} says for the n-th request (from 1).
 */
final class TestReceiver implements AutoCloseable {
    /** How to answer one request: wait {@code delay}, then answer {@code status}. */
    record Answer(int status, Duration delay) {
        static Answer ok() {
            return new Answer(200, Duration.ZERO);
        }

        static Answer status(int status) {
            return new Answer(status, Duration.ZERO);
        }

        static Answer slow(Duration delay) {
            return new Answer(200, delay);
        }
    }

    /** One received request; header names are lower case. */
    record Request(int number, Map<String, String> headers, String body, long receivedAtMillis, int answered) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private volatile IntFunction<Answer> behaviour;

    private TestReceiver(IntFunction<Answer> behaviour) {
        this.behaviour = behaviour;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            long at = System.currentTimeMillis();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
            int number;
            synchronized (requests) {
                number = requests.size() + 1;
            }
            Answer answer = this.behaviour.apply(number);
            synchronized (requests) {
                requests.add(new Request(number, headers, new String(body, StandardCharsets.UTF_8), at, answer.status()));
                requests.notifyAll();
            }
            try {
                Thread.sleep(answer.delay());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
    }

    static TestReceiver start(IntFunction<Answer> behaviour) {
        return new TestReceiver(behaviour);
    }

    static TestReceiver healthy() {
        return start(n -> Answer.ok());
    }

    void answer(IntFunction<Answer> behaviour) {
        this.behaviour = behaviour;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/vod";
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Waits until {@code count} requests matching {@code filter} arrived; returns all requests. */
    List<Request> await(int count, Predicate<Request> filter, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (requests) {
            while (requests.stream().filter(filter).count() < count) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " requests within " + timeout + ", got " + requests);
                }
                requests.wait(left);
            }
            return List.copyOf(requests);
        }
    }

    List<Request> await(int count, Duration timeout) throws InterruptedException {
        return await(count, r -> true, timeout);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
