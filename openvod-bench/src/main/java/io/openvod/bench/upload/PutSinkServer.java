package io.openvod.bench.upload;

import io.openvod.bench.load.HelloServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The ceiling for upload throughput: bare Jetty 12 core (the Jetty that Javalin brings, on
 * virtual threads like {@link HelloServer}) with one handler that streams a {@code PUT} body to
 * a file and nothing else — no signature, no database, no digest, no second copy. Each body goes
 * to a new temporary file in {@code DIR}, written straight from Jetty's network buffers, flushed to
 * the disk ({@code fsync}), then renamed to {@code DIR/<last path segment>} and the folder
 * flushed: the same durability as the platform's local object store gives each object.
 *
 * <pre>PutSinkServer --dir DIR [--host 127.0.0.1] [--port 0] [--exit-after SECONDS]</pre>
 * It prints {@code put sink on http://HOST:PORT/ (pid N)} once listening and stops by itself after
 * {@code --exit-after} seconds (default 1800). A stored body is answered {@code 201} with its
 * length as text.
 */
public final class PutSinkServer {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private PutSinkServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = null;
        String host = "127.0.0.1";
        int port = 0;
        long exitAfter = 1800;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--host" -> host = args[i + 1];
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--exit-after" -> exitAfter = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: PutSinkServer --dir DIR [--host H] [--port P] [--exit-after SECONDS]");
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("--dir is required");
        }
        Server server = start(dir, host, port);
        System.out.println("put sink on http://" + host + ":" + port(server) + "/ (pid " + ProcessHandle.current().pid()
                + ", files in " + dir.toAbsolutePath() + ")");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                // exiting anyway
            }
        }, "sink-shutdown"));
        Thread.sleep(TimeUnit.SECONDS.toMillis(exitAfter));
        System.exit(0);
    }

    /** Starts the sink on {@code host:port} (0 picks a free port), storing into {@code dir}. */
    public static Server start(Path dir, String host, int port) throws Exception {
        Files.createDirectories(dir);
        Server server = new Server(new HelloServer.VirtualThreads());
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Sink(dir.toAbsolutePath()));
        server.start();
        return server;
    }

    public static int port(Server server) {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Stores PUT bodies; anything else is 405. */
    static final class Sink extends Handler.Abstract {
        private final Path dir;

        Sink(Path dir) {
            this.dir = dir;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws IOException {
            if (!request.getMethod().equals("PUT")) {
                Response.writeError(request, response, callback, 405);
                return true;
            }
            String path = Request.getPathInContext(request);
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (!NAME.matcher(name).matches()) {
                Response.writeError(request, response, callback, 400, "the last path segment must match " + NAME);
                return true;
            }
            Path tmp = Files.createTempFile(dir, "put-", ".tmp");
            FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE);
            new Upload(request, response, callback, out, tmp, dir.resolve(name)).run();
            return true;
        }
    }

    /**
     * Reads the body chunk by chunk as Jetty delivers it and writes each chunk's buffer to the file;
     * when no chunk is ready it asks Jetty to call it again ({@code demand}) instead of blocking.
     */
    private static final class Upload implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final FileChannel out;
        private final Path tmp;
        private final Path target;
        private long written;

        Upload(Request request, Response response, Callback callback, FileChannel out, Path tmp, Path target) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.out = out;
            this.tmp = tmp;
            this.target = target;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Content.Chunk chunk = request.read();
                    if (chunk == null) {
                        request.demand(this);
                        return;
                    }
                    if (Content.Chunk.isFailure(chunk)) {
                        throw new IOException("the request body failed", chunk.getFailure());
                    }
                    try {
                        ByteBuffer buffer = chunk.getByteBuffer();
                        while (buffer.hasRemaining()) {
                            written += out.write(buffer);
                        }
                    } finally {
                        chunk.release();
                    }
                    if (chunk.isLast()) {
                        finish();
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) {
                closeQuietly();
                deleteQuietly(tmp);
                Response.writeError(request, response, callback, e);
            }
        }

        private void finish() throws IOException {
            out.force(true);
            out.close();
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel folder = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
                folder.force(true);
            }
            byte[] body = (written + "\n").getBytes(StandardCharsets.US_ASCII);
            response.setStatus(201);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
        }

        private void closeQuietly() {
            try {
                out.close();
            } catch (IOException ignored) {
                // the request fails anyway
            }
        }

        private static void deleteQuietly(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file in the benchmark's folder
            }
        }
    }
}
