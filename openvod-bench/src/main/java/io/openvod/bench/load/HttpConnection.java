package io.openvod.bench.load;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One persistent HTTP/1.1 connection that sends a fixed, pre-encoded request and reads each
 * response whole: status line, headers, then a body framed by {@code Content-Length}, chunked
 * encoding, or the end of the connection. Just enough HTTP for a load driver — no redirects, no
 * TLS, no pipelining.
 */
final class HttpConnection implements AutoCloseable {
    /** A response: its status and its body's bytes. */
    record Response(int status, byte[] body) {
        boolean bodyContains(byte[] needle) {
            outer:
            for (int i = 0; i + needle.length <= body.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (body[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        }
    }

    private static final int MAX_HEADER_LINE = 16 * 1024;
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private boolean closeAfterResponse;

    private HttpConnection(Socket socket, InputStream in, OutputStream out) {
        this.socket = socket;
        this.in = in;
        this.out = out;
    }

    /** Connects with TCP_NODELAY and a read timeout. */
    static HttpConnection open(String host, int port, int timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            return new HttpConnection(socket, socket.getInputStream(), socket.getOutputStream());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Reads responses from {@code in} alone (for tests). */
    static HttpConnection reading(InputStream in) {
        return new HttpConnection(null, in, OutputStream.nullOutputStream());
    }

    /** Sends {@code request} and reads its response. */
    Response exchange(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        return readResponse();
    }

    /** Whether the server asked to close the connection after the last response. */
    boolean closing() {
        return closeAfterResponse;
    }

    Response readResponse() throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        closeAfterResponse = statusLine.startsWith("HTTP/1.0");
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header line: " + line);
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                chunked = value.toLowerCase().contains("chunked");
            } else if (name.equalsIgnoreCase("Connection")) {
                closeAfterResponse = value.equalsIgnoreCase("close");
            }
        }
        byte[] body;
        if (chunked) {
            body = readChunked();
        } else if (contentLength >= 0) {
            body = readExactly(checkedLength(contentLength));
        } else {
            closeAfterResponse = true;
            body = readToEnd();
        }
        return new Response(status, body);
    }

    private byte[] readChunked() throws IOException {
        byte[] body = new byte[0];
        while (true) {
            String sizeLine = readLine();
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailer fields: ignored
                }
                return body;
            }
            byte[] chunk = readExactly(checkedLength(body.length + size) - body.length);
            byte[] joined = new byte[body.length + chunk.length];
            System.arraycopy(body, 0, joined, 0, body.length);
            System.arraycopy(chunk, 0, joined, body.length, chunk.length);
            body = joined;
            if (!readLine().isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    private static int checkedLength(long length) throws IOException {
        if (length < 0 || length > MAX_BODY) {
            throw new IOException("body length out of range: " + length);
        }
        return (int) length;
    }

    private byte[] readExactly(int length) throws IOException {
        byte[] body = new byte[length];
        int filled = 0;
        while (filled < length) {
            if (position == limit && !fill()) {
                throw new EOFException("connection closed after " + filled + " of " + length + " body bytes");
            }
            int n = Math.min(length - filled, limit - position);
            System.arraycopy(buffer, position, body, filled, n);
            position += n;
            filled += n;
        }
        return body;
    }

    private byte[] readToEnd() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (position < limit || fill()) {
            body.write(buffer, position, limit - position);
            position = limit;
            if (body.size() > MAX_BODY) {
                throw new IOException("body longer than " + MAX_BODY + " bytes");
            }
        }
        return body.toByteArray();
    }

    /** A header line without its CRLF (a bare LF is accepted too), decoded as ISO-8859-1. */
    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (position == limit && !fill()) {
                throw new EOFException("connection closed in the response head");
            }
            byte b = buffer[position++];
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= MAX_HEADER_LINE) {
                throw new IOException("header line longer than " + MAX_HEADER_LINE + " bytes");
            }
            line.append((char) (b & 0xff));
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    /** The request line and headers of a {@code GET}, with {@code Host} and keep-alive. */
    static byte[] getRequest(String host, int port, String pathAndQuery, Iterable<String> headers) {
        StringBuilder request = new StringBuilder(256)
                .append("GET ").append(pathAndQuery).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("User-Agent: openvod-load\r\n")
                .append("Accept: application/json\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        return request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
        }
    }
}
