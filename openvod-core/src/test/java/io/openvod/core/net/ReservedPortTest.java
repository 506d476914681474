package io.openvod.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import org.junit.jupiter.api.Test;

class ReservedPortTest {
    private static final String LOOPBACK = "127.0.0.1";

    private static void bind(int port) throws Exception {
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
        }
    }

    @Test
    void theReservedPortCannotBeTakenUntilItIsLetGo() throws Exception {
        ReservedPort reserved = ReservedPort.on(LOOPBACK);
        assertThat(reserved.port()).isBetween(1, 65535);
        assertThatThrownBy(() -> bind(reserved.port())).as("held from the moment it was picked").isInstanceOf(BindException.class);

        reserved.close();

        bind(reserved.port());
    }

    @Test
    void theServerThatTookItOverKeepsItAndListensOnIt() throws Exception {
        ReservedPort reserved = ReservedPort.on(LOOPBACK);
        try (ServerSocketChannel channel = reserved.handOver()) {
            reserved.close();
            assertThat(channel.isOpen()).as("closing the reservation leaves the server's channel alone").isTrue();
            try (Socket client = new Socket(LOOPBACK, reserved.port())) {
                assertThat(channel.accept()).as("a connection to the port reaches the channel").isNotNull();
            }
            assertThatThrownBy(reserved::handOver).isInstanceOf(IllegalStateException.class);
        }
    }
}
