package io.openvod.core.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;

/**
 * A free port picked for a service configured with port 0, held bound from the moment it is
 * picked until the service's web server listens on it. A service must know its port before it
 * listens (its URL goes into media URLs, the app's receipt URL into the platform's settings);
 * finding a free port, letting it go and binding it later leaves a window in which any other
 * socket of the machine — an outgoing connection included — may take it.
 */
public final class ReservedPort implements AutoCloseable {
    private final ServerSocketChannel channel;
    private final int port;
    private boolean handedOver;

    private ReservedPort(ServerSocketChannel channel, int port) {
        this.channel = channel;
        this.port = port;
    }

    /** Binds a free port of {@code host} now. */
    public static ReservedPort on(String host) {
        ServerSocketChannel channel = null;
        try {
            channel = ServerSocketChannel.open();
            channel.bind(new InetSocketAddress(host, 0));
            return new ReservedPort(channel, ((InetSocketAddress) channel.getLocalAddress()).getPort());
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("no free port on " + host, e);
        }
    }

    public int port() {
        return port;
    }

    /** The bound channel, for the web server to listen on; from then on the server closes it. */
    public synchronized ServerSocketChannel handOver() {
        if (handedOver) {
            throw new IllegalStateException("port " + port + " was handed over already");
        }
        handedOver = true;
        return channel;
    }

    /** Lets the port go, unless a web server took it over. */
    @Override
    public synchronized void close() {
        if (!handedOver) {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(ServerSocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
