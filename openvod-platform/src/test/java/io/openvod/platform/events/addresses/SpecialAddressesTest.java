package io.openvod.platform.events.addresses;

import static org.assertj.core.api.Assertions.assertThat;

import io.openvod.platform.events.CallbackUrlPolicy;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The special-purpose address table: each literal, what it is, and the callback verdict with no
 * flag, with {@code allowLoopback} only and with {@code allowPrivateNetworks} only (A allowed,
 * R refused). Embedded IPv4 (mapped, compatible, NAT64, 6to4, Teredo) counts as the IPv4 address.
 */
class SpecialAddressesTest {
    @ParameterizedTest(name = "{0} is {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            8.8.8.8                          | GLOBAL                          | A A A
            100.128.0.1                      | GLOBAL                          | A A A
            172.32.0.1                       | GLOBAL                          | A A A
            198.20.0.1                       | GLOBAL                          | A A A
            0.0.0.0                          | UNSPECIFIED                     | R R R
            0.1.2.3                          | UNSPECIFIED                     | R R R
            10.0.0.1                         | PRIVATE                         | R R A
            100.64.0.1                       | SHARED                          | R R A
            100.127.255.255                  | SHARED                          | R R A
            127.0.0.1                        | LOOPBACK                        | R A R
            127.255.255.254                  | LOOPBACK                        | R A R
            169.254.169.254                  | METADATA                        | R R R
            169.254.0.1                      | LINK_LOCAL                      | R R A
            fd00:ec2::254                    | METADATA                        | R R R
            172.16.0.1                       | PRIVATE                         | R R A
            172.31.255.255                   | PRIVATE                         | R R A
            192.0.0.8                        | RESERVED                        | R R R
            192.0.2.1                        | DOCUMENTATION                   | R R R
            192.88.99.1                      | RESERVED                        | R R R
            192.168.1.1                      | PRIVATE                         | R R A
            198.18.0.1                       | BENCHMARKING                    | R R R
            198.19.255.255                   | BENCHMARKING                    | R R R
            198.51.100.7                     | DOCUMENTATION                   | R R R
            203.0.113.10                     | DOCUMENTATION                   | R R R
            224.0.0.1                        | MULTICAST                       | R R R
            239.255.255.250                  | MULTICAST                       | R R R
            240.0.0.1                        | RESERVED                        | R R R
            255.255.255.254                  | RESERVED                        | R R R
            255.255.255.255                  | BROADCAST                       | R R R
            ::                               | UNSPECIFIED                     | R R R
            ::1                              | LOOPBACK                        | R A R
            ::ffff:127.0.0.1                 | LOOPBACK                        | R A R
            ::ffff:10.0.0.1                  | PRIVATE                         | R R A
            ::ffff:8.8.8.8                   | GLOBAL                          | A A A
            ::127.0.0.1                      | LOOPBACK                        | R A R
            ::10.0.0.1                       | PRIVATE                         | R R A
            ::169.254.169.254                | METADATA                        | R R R
            ::8.8.8.8                        | GLOBAL                          | A A A
            ::ffff:0:127.0.0.1               | RESERVED                        | R R R
            64:ff9b::7f00:1                  | LOOPBACK                        | R A R
            64:ff9b::a00:1                   | PRIVATE                         | R R A
            64:ff9b::808:808                 | GLOBAL                          | A A A
            64:ff9b:1:808:8:808:808:808      | PRIVATE                         | R R A
            64:ff9b:1::7f00:1                | PRIVATE LOOPBACK UNSPECIFIED    | R R R
            64:ff9b:1:7f00:0:100::           | PRIVATE LOOPBACK UNSPECIFIED    | R R R
            100::1                           | RESERVED                        | R R R
            2001:0:808:808::f7f7:fbfb        | GLOBAL                          | A A A
            2001:0:808:808::80ff:fffe        | LOOPBACK                        | R A R
            2001:0:a00:1::f7f7:fbfb          | PRIVATE                         | R R A
            2001:2::1                        | BENCHMARKING                    | R R R
            2001:10::1                       | RESERVED                        | R R R
            2001:db8::1                      | DOCUMENTATION                   | R R R
            2002:7f00:1::1                   | LOOPBACK                        | R A R
            2002:a00:1::1                    | PRIVATE                         | R R A
            2002:c0a8:101::1                 | PRIVATE                         | R R A
            2002:a9fe:a9fe::1                | METADATA                        | R R R
            2002:a9fe:0101::1                | LINK_LOCAL                      | R R A
            2002:808:808::1                  | GLOBAL                          | A A A
            2606:4700::1111                  | GLOBAL                          | A A A
            3fff::1                          | DOCUMENTATION                   | R R R
            4000::1                          | RESERVED                        | R R R
            5f00::1                          | RESERVED                        | R R R
            fc00::1                          | PRIVATE                         | R R A
            fd12:3456::1                     | PRIVATE                         | R R A
            fe80::1                          | LINK_LOCAL                      | R R A
            fec0::1                          | PRIVATE                         | R R A
            ff02::1                          | MULTICAST                       | R R R
            """)
    void eachSpecialRangeHasItsKindAndVerdict(String literal, String kinds, String verdicts) throws Exception {
        InetAddress address = InetAddress.getByName(literal);
        Set<AddressKind> expected = Arrays.stream(kinds.split(" ")).map(AddressKind::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(AddressKind.class)));
        assertThat(SpecialAddresses.classify(address)).as(literal).isEqualTo(expected);

        String[] verdict = verdicts.split(" ");
        assertThat(verdictOf(new CallbackUrlPolicy(false, false), address)).as("%s with no flag", literal).isEqualTo(verdict[0]);
        assertThat(verdictOf(new CallbackUrlPolicy(true, false), address)).as("%s with allowLoopback", literal).isEqualTo(verdict[1]);
        assertThat(verdictOf(new CallbackUrlPolicy(false, true), address)).as("%s with allowPrivateNetworks", literal)
                .isEqualTo(verdict[2]);
    }

    private static String verdictOf(CallbackUrlPolicy policy, InetAddress address) {
        return policy.refusal(address) == null ? "A" : "R";
    }

    @Test
    void bothFlagsTogetherStillRefuseReservedAndDocumentationAddresses() throws Exception {
        CallbackUrlPolicy open = new CallbackUrlPolicy(true, true);
        assertThat(open.refusal(InetAddress.getByName("64:ff9b:1::7f00:1"))).contains("unspecified");
        assertThat(open.refusal(InetAddress.getByName("2002:7f00:1::1"))).isNull();
        assertThat(open.refusal(InetAddress.getByName("203.0.113.10"))).contains("documentation").contains("never");
        assertThat(open.refusal(InetAddress.getByName("255.255.255.255"))).contains("broadcast");
        assertThat(open.refusal(InetAddress.getByName("169.254.169.254"))).contains("cloud metadata").contains("never");
        assertThat(open.refusal(InetAddress.getByName("::ffff:169.254.169.254"))).contains("cloud metadata");
        assertThat(open.refusal(InetAddress.getByName("169.254.1.1"))).as("other link-local opens with the flag").isNull();
    }

    @Test
    void everyRowOfTheTableIsAValidPrefix() {
        for (SpecialAddresses.Range range : SpecialAddresses.ranges()) {
            assertThat(range.bits()).as(range.cidr()).isBetween(0, range.prefix().length * 8);
            assertThat(range.contains(range.prefix())).as(range.cidr()).isTrue();
        }
    }
}
