package io.openvod.platform.events.addresses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Hosts written as addresses are read as the C library reads them, never resolved. */
class NumericHostTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "127.0.0.1, 127.0.0.1", "127.1, 127.0.0.1", "2130706433, 127.0.0.1", "0x7f.1, 127.0.0.1",
            "0x7f000001, 127.0.0.1", "0177.0.0.1, 127.0.0.1", "127.0.0.1., 127.0.0.1", "10.1, 10.0.0.1",
            "192.168.257, 192.168.1.1", "0, 0.0.0.0", "0x0a.0.0.01, 10.0.0.1",
            "[::1], 0:0:0:0:0:0:0:1", "[::ffff:127.0.0.1], 127.0.0.1", "[::127.0.0.1], 0:0:0:0:0:0:7f00:1"})
    void addressesInAnyFormAreRead(String host, String address) {
        assertThat(NumericHost.address(host).getHostAddress()).isEqualTo(address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "hook.example", "cafe.bad", "1a.example", "localhost"})
    void namesAreNotAddresses(String host) {
        assertThat(NumericHost.address(host)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.2.3.4.5", "08.1.1.1", "4294967296", "0x1ffffffff", "1..1", "[::1", "[zz::1]"})
    void invalidAddressesAreRefused(String host) {
        assertThatThrownBy(() -> NumericHost.address(host)).isInstanceOf(IllegalArgumentException.class);
    }
}
