package io.openvod.bench.upload;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection that sends {@code PUT} requests whose body is a slice of a
 * file, handed to the kernel with {@link FileChannel#transferTo} ({@code sendfile} on Linux): the
 * bytes never enter the JVM, which keeps the driver's CPU cost close to {@code curl -T}'s. Just
 * enough HTTP for Upload Part — a status line, headers, and a body framed by
 * {@code Content-Length}; no chunked answers, no redirects, no TLS.
 */
final class PartConnection implements AutoCloseable {
    private static final int MAX_HEAD = 64 * 1024;

    /** A response: its status, the ETag header (or empty) and the body as text. */
    record Response(int status, String etag, String body) {
    }

    private final InetSocketAddress address;
    private final String hostHeader;
    private SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(MAX_HEAD);

    PartConnection(String host, int port) {
        this.address = new InetSocketAddress(host, port);
        this.hostHeader = host + ":" + port;
    }

    /** Sends {@code PUT pathAndQuery} with {@code headers} and bytes {@code [offset, offset + length)} of {@code file}. */
    Response put(String pathAndQuery, Map<String, String> headers, FileChannel file, long offset, long length) throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = SocketChannel.open(address);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            in.clear().flip();
        }
        StringBuilder head = new StringBuilder(512).append("PUT ").append(pathAndQuery).append(" HTTP/1.1\r\nHost: ")
                .append(hostHeader).append("\r\nContent-Length: ").append(length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        ByteBuffer request = ByteBuffer.wrap(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        try {
            while (request.hasRemaining()) {
                channel.write(request);
            }
            long sent = 0;
            while (sent < length) {
                long n = file.transferTo(offset + sent, length - sent, channel);
                if (n <= 0) {
                    throw new EOFException("the file ended " + (length - sent) + " bytes before the part's end");
                }
                sent += n;
            }
            return readResponse();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private Response readResponse() throws IOException {
        String statusLine = line();
        String[] status = statusLine.split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP response: " + statusLine);
        }
        long contentLength = -1;
        String etag = "";
        boolean close = status[0].equals("HTTP/1.0");
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("bad header line: " + line);
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "etag" -> etag = value;
                case "connection" -> close |= value.equalsIgnoreCase("close");
                case "transfer-encoding" -> throw new IOException("chunked answers are not supported");
                default -> {
                    // not needed
                }
            }
        }
        if (contentLength < 0 || contentLength > MAX_HEAD) {
            throw new IOException("the answer's Content-Length is missing or too large: " + contentLength);
        }
        byte[] body = new byte[(int) contentLength];
        for (int got = 0; got < body.length; ) {
            fill();
            int n = Math.min(in.remaining(), body.length - got);
            in.get(body, got, n);
            got += n;
        }
        if (close) {
            close();
        }
        return new Response(Integer.parseInt(status[1]), etag, new String(body, StandardCharsets.UTF_8));
    }

    /** The next CRLF-terminated line, without the CRLF. */
    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            fill();
            byte b = in.get();
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= MAX_HEAD) {
                throw new IOException("a header line is longer than " + MAX_HEAD + " bytes");
            }
            line.append((char) (b & 0xFF));
        }
    }

    /** Makes at least one byte available in {@link #in} (which is kept in read mode). */
    private void fill() throws IOException {
        if (in.hasRemaining()) {
            return;
        }
        in.clear();
        int n = channel.read(in);
        in.flip();
        if (n < 0) {
            throw new EOFException("the server closed the connection");
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            channel = null;
        }
    }
}
