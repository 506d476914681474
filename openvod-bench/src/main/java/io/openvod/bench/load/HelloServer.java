package io.openvod.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * The ceiling for the app backend's HTTP throughput: bare Jetty 12 core, the Jetty that Javalin
 * brings, with every task on a virtual thread as Javalin's {@code useVirtualThreads} runs it, and
 * one {@link Handler.Abstract} that answers every request with a constant body shaped like an
 * upload-signature response ({@value #SIGNATURE_LENGTH} characters of signature). No routing, no
 * authentication, no database, no signing.
 *
 * <pre>HelloServer [--host 127.0.0.1] [--port 0] [--exit-after SECONDS]</pre>
 * It prints {@code hello server on http://HOST:PORT/} once listening, and stops by itself after
 * {@code --exit-after} seconds (default 900) so that it never outlives a benchmark.
 */
public final class HelloServer {
    /** As long as the app's signature with {@code oneTimeValid} and a {@code sourceContext}: a 305-byte body, like the app's. */
    static final int SIGNATURE_LENGTH = 256;
    static final byte[] BODY = body();

    private HelloServer() {
    }

    public static void main(String[] args) throws Exception {
        String host = "127.0.0.1";
        int port = 0;
        long exitAfter = 900;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--host" -> host = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--exit-after" -> exitAfter = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: HelloServer [--host H] [--port P] [--exit-after SECONDS]");
            }
        }
        Server server = start(host, port);
        int bound = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        System.out.println("hello server on http://" + host + ":" + bound + "/");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server), "hello-shutdown"));
        Thread.sleep(TimeUnit.SECONDS.toMillis(exitAfter));
        System.exit(0);
    }

    /** Starts the server on {@code host:port} (0 picks a free port). */
    static Server start(String host, int port) throws Exception {
        Server server = new Server(new VirtualThreads());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Hello());
        server.start();
        return server;
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // exiting anyway
        }
    }

    private static byte[] body() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder signature = new StringBuilder(SIGNATURE_LENGTH);
        for (int i = 0; i < SIGNATURE_LENGTH; i++) {
            signature.append(alphabet.charAt((i * 37 + 11) % alphabet.length()));
        }
        return ("{\"code\":0,\"message\":\"ok\",\"data\":{\"signature\":\"" + signature + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Answers every request with {@link #BODY}; blocking (the default), so Jetty runs it on a pool thread. */
    static final class Hello extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, BODY.length);
            response.write(true, ByteBuffer.wrap(BODY), callback);
            return true;
        }
    }

    /**
     * A Jetty thread pool that runs each task on a new virtual thread, like Javalin's with virtual
     * threads on (also used by {@link io.openvod.bench.upload.PutSinkServer}).
     */
    public static final class VirtualThreads implements ThreadPool {
        private final ExecutorService executor =
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("hello-", 0).factory());

        @Override
        public void execute(Runnable task) {
            executor.execute(task);
        }

        @Override
        public void join() {
            // virtual threads need no joining
        }

        @Override
        public int getThreads() {
            return 1;
        }

        @Override
        public int getIdleThreads() {
            return 1;
        }

        @Override
        public boolean isLowOnThreads() {
            return false;
        }
    }
}
