package io.openvod.server.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP load balancer on loopback, as operators put in front of several nodes: each new connection
 * goes to the next backend in turn; a backend that refuses the connection (a dead node) is skipped.
 */
final class RoundRobinProxy implements AutoCloseable {
    private final ServerSocket server;
    private final List<InetSocketAddress> backends = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final Thread acceptor;

    RoundRobinProxy() throws IOException {
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().daemon().name("proxy-" + server.getLocalPort()).start(this::accept);
    }

    /** Adds a backend by its URL ({@code http://127.0.0.1:port}). */
    void add(String url) {
        URI uri = URI.create(url);
        backends.add(new InetSocketAddress(uri.getHost(), uri.getPort()));
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> forward(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void forward(Socket client) {
        Socket backend = connect();
        if (backend == null) {
            closeQuietly(client);
            return;
        }
        Thread.ofVirtual().start(() -> pump(client, backend));
        pump(backend, client);
    }

    private Socket connect() {
        for (int tried = 0; tried < backends.size(); tried++) {
            InetSocketAddress address = backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
            try {
                Socket socket = new Socket();
                socket.connect(address, 1_000);
                return socket;
            } catch (IOException e) {
                // a dead node: the next one
            }
        }
        return null;
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // either side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
